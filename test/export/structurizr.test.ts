/**
 * The Structurizr DSL export, checked by a grammar checker written from the
 * DSL's documentation (structurizr-grammar.ts): Structurizr's parser is Java.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exportStructurizr, structurizrString } from '../../server/src/core/export/structurizr.js';
import { exportModels, modelFromText } from './export-fixtures.js';
import { checkStructurizr, tokenizeStructurizr } from './structurizr-grammar.js';

function assertAccepted(text: string): void {
  const errors = checkStructurizr(text);
  assert.deepEqual(errors, [], `${errors.map((e) => `${e.line}: ${e.message}`).join('\n')}\n${text}`);
}

describe('Structurizr DSL grammar checker', () => {
  const ok = [
    'workspace "W" {',
    '  model {',
    '    a = softwareSystem "A" {',
    '      b = container "B" "" "java" "Service"',
    '    }',
    '    c = softwareSystem "C"',
    '    b -> c "calls" "" "Call"',
    '  }',
    '  views {',
    '    container a "a-view" {',
    '      include *',
    '      autoLayout lr',
    '    }',
    '  }',
    '}',
  ];
  it('accepts a small valid workspace', () => assertAccepted(ok.join('\n')));

  const broken: [string, (lines: string[]) => string[]][] = [
    ['an unclosed string', (l) => l.map((x, i) => (i === 2 ? '    a = softwareSystem "A {' : x))],
    ['a forward reference', (l) => [...l.slice(0, 2), '    b2 -> c "x"', ...l.slice(2)]],
    ['a duplicate identifier', (l) => l.map((x, i) => (i === 5 ? '    a = softwareSystem "C"' : x))],
    ['a duplicate software system name', (l) => l.map((x, i) => (i === 5 ? '    c = softwareSystem "A"' : x))],
    ['a container outside a software system', (l) => [...l.slice(0, 2), '    d = container "D"', ...l.slice(2)]],
    ['a relationship to itself', (l) => l.map((x, i) => (i === 6 ? '    b -> b "calls"' : x))],
    ['a repeated relationship', (l) => [...l.slice(0, 7), l[6], ...l.slice(7)]],
    ['a container view of a container', (l) => l.map((x, i) => (i === 9 ? '    container b "a-view" {' : x))],
    [
      'an unknown shape',
      (l) => [...l.slice(0, 13), '    styles {', '      element "X" {', '        shape Blob', '      }', '    }', ...l.slice(13)],
    ],
    ['a missing closing brace', (l) => l.slice(0, -1)],
    ['an opening brace on its own line', (l) => l.map((x, i) => (i === 1 ? '  model\n  {' : x))],
    ['too many container properties', (l) => l.map((x, i) => (i === 3 ? '      b = container "B" "" "java" "Service" "extra"' : x))],
  ];
  for (const [what, change] of broken) {
    it(`rejects ${what}`, () => {
      assert.notDeepEqual(checkStructurizr(change([...ok]).join('\n')), []);
    });
  }

  it('reads \\" inside a string as a quote', () => {
    assert.deepEqual(tokenizeStructurizr('a "say \\"hi\\"" b'), { tokens: ['a', 'say "hi"', 'b'], quoted: [false, true, false] });
  });
});

describe('seams export --format structurizr', () => {
  for (const { name, model } of exportModels()) {
    it(`the grammar checker accepts the export of ${name}`, () => assertAccepted(exportStructurizr(model)));
  }

  it('keeps titles as written', () => {
    assert.equal(structurizrString('Say "hi"'), '"Say \\"hi\\""');
    const text = exportStructurizr(modelFromText('system shop "The \\"shop\\" — 店" { service a "Orders ${x}" {} }\n'));
    const tokens = text.split('\n').map((l) => tokenizeStructurizr(l.trim()));
    const names = tokens.flatMap((t) => ('tokens' in t ? t.tokens : []));
    assert.ok(names.includes('The "shop" — 店'));
    assert.ok(names.includes('Orders ${x}'));
  });

  it('writes one relationship for a call written twice and none for a call to itself', () => {
    const text = exportStructurizr(
      modelFromText('service a { api x v1\n calls b.y v1\n calls b.y v1\n calls a.x v1 }\nservice b { api y v1 }\n'),
    );
    assert.equal(text.match(/ a -> b "y v1"/g)?.length, 1);
    assert.doesNotMatch(text, / a -> a /);
    assertAccepted(text);
  });

  it('makes names unique where Structurizr wants them unique', () => {
    const text = exportStructurizr(modelFromText('service a "Same" {}\nservice b "Same" {}\n'));
    assert.match(text, /a = softwareSystem "Same"/);
    assert.match(text, /b = softwareSystem "Same \(b\)"/);
    assertAccepted(text);
  });
});
