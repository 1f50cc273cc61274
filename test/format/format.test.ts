/**
 * The formatter: idempotent, meaning-preserving (checked here with a projection
 * of our own, independent of the formatter's internal guard), comment-keeping,
 * BOM/CRLF-keeping, refusing broken text, and matching a golden layout.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { checkSources } from '../../server/src/core/check.js';
import { formatSeams } from '../../server/src/core/format/format.js';
import { parseSeams } from '../../server/src/core/syntax/parse.js';
import { generateSeams } from './random-seams.js';

const root = join(import.meta.dirname, '..', '..');
const fixtures = join(import.meta.dirname, 'fixtures');

function seamsIn(dir: string): { name: string; text: string }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.seams'))
    .map((f) => ({ name: join(dir, f), text: readFileSync(join(dir, f), 'utf8') }));
}

const validInputs = [...seamsIn(join(root, 'examples')), ...seamsIn(join(root, 'test', 'parser', 'fixtures', 'ok')), ...seamsIn(fixtures)];

/** The syntax tree with every offset removed: what the text says, not where. */
function positionFree(text: string): string {
  const { ast } = parseSeams(text, 'f.seams');
  return JSON.stringify(ast.declarations, (key, value) => (key === 'start' || key === 'end' ? undefined : value));
}

function commentTexts(text: string): string[] {
  return parseSeams(text, 'f.seams').ast.comments.map((c) => c.text);
}

function format(text: string): string {
  const out = formatSeams(text);
  assert.notEqual(out, undefined, 'formatSeams refused a valid text');
  return out!;
}

/** Every diagnostic of a one-file workspace, without positions. */
function findings(text: string): string[] {
  return checkSources([{ file: 'f.seams', text }]).diagnostics.map((d) => `${d.severity} ${d.code}: ${d.message}`);
}

describe('formatSeams on the examples and fixtures', () => {
  for (const { name, text } of validInputs) {
    test(name.slice(root.length + 1), () => {
      const once = format(text);
      assert.equal(format(once), once, 'formatting twice changes the text');
      assert.equal(positionFree(once), positionFree(text), 'the syntax tree changed');
      assert.deepEqual(commentTexts(once), commentTexts(text), 'comments lost or reordered');
      assert.ok(once === '' || once.endsWith('\n'), 'no final newline');
      assert.doesNotMatch(once, /[ \t]+\n/, 'trailing whitespace');
    });
  }

  test('the examples check the same after formatting', () => {
    const before = seamsIn(join(root, 'examples')).map(({ name, text }) => ({ file: name, text }));
    const after = before.map((s) => ({ file: s.file, text: format(s.text) }));
    const describe = (r: ReturnType<typeof checkSources>) =>
      r.diagnostics.map((d) => `${d.location.file} ${d.severity} ${d.code}: ${d.message}`);
    assert.deepEqual(describe(checkSources(after)), describe(checkSources(before)));
  });
});

describe('the canonical layout', () => {
  test('a messy file comes out as the golden file', () => {
    const messy = readFileSync(join(fixtures, 'messy.seams'), 'utf8');
    const golden = readFileSync(join(fixtures, 'messy.formatted.seams'), 'utf8');
    assert.equal(format(messy), golden);
    assert.equal(format(golden), golden);
  });

  test("version 2: a library's owners one per line, a service's defaults laid out like a call's policy", () => {
    const messy = [
      'library auth-lib "Auth" { owner platform }',
      'library log-lib {owner a',
      ' owner b}',
      'library empty {}',
      'service edge { tier gateway runtime go uses auth-lib',
      '  defaults { timeout 500ms } store db postgres   readonly',
      '  defaults { retry 2 backoff exponential circuit-breaker } }',
    ].join('\n');
    const golden = [
      'library auth-lib "Auth" {',
      '  owner platform',
      '}',
      '',
      'library log-lib {',
      '  owner a',
      '  owner b',
      '}',
      '',
      'library empty {}',
      '',
      'service edge {',
      '  tier gateway',
      '  runtime go',
      '  uses auth-lib',
      '  defaults { timeout 500ms }',
      '  store db postgres readonly',
      '  defaults {',
      '    retry 2 backoff exponential',
      '    circuit-breaker',
      '  }',
      '}',
      '',
    ].join('\n');
    assert.equal(format(messy), golden);
    assert.equal(format(golden), golden);
  });

  test('a one-entry policy stays inline; two entries go one per line', () => {
    assert.equal(format('service a { calls b.x v1 {timeout 300ms} }'), 'service a {\n  calls b.x v1 { timeout 300ms }\n}\n');
    assert.equal(
      format('service a { calls b { timeout 1s circuit-breaker } }'),
      'service a {\n  calls b {\n    timeout 1s\n    circuit-breaker\n  }\n}\n',
    );
  });

  test('a one-entry policy that would pass 100 columns is broken', () => {
    const target = 'x'.repeat(90);
    assert.equal(format(`service a { calls ${target} { timeout 1s } }`), `service a {\n  calls ${target} {\n    timeout 1s\n  }\n}\n`);
  });

  test('top-level declarations get one blank line; members keep at most one', () => {
    assert.equal(format('team a team b'), 'team a\n\nteam b\n');
    assert.equal(
      format('service s {\n  owner a\n\n\n\n  tier internal\n  api x v1\n}'),
      'service s {\n  owner a\n\n  tier internal\n  api x v1\n}\n',
    );
    assert.equal(format('service s {\n\n  owner a\n\n}'), 'service s {\n  owner a\n}\n');
  });

  test('comments keep their line: own-line stays own-line, trailing stays trailing', () => {
    const text = 'service s { // about s\n  // before owner\n  owner a /* inline */ tier internal\n  /* block\n     over lines */\n}\n';
    assert.equal(
      format(text),
      'service s { // about s\n  // before owner\n  owner a /* inline */\n  tier internal\n  /* block\n     over lines */\n}\n',
    );
  });

  test('CRLF stays CRLF and the BOM stays', () => {
    for (const { text } of seamsIn(join(root, 'examples'))) {
      const lf = format(text);
      const crlf = format('\uFEFF' + text.replace(/\n/g, '\r\n'));
      assert.ok(crlf.startsWith('\uFEFF'));
      assert.doesNotMatch(crlf.slice(1).replace(/\r\n/g, ''), /[\r\n]/, 'a bare line break slipped in');
      assert.equal(crlf, '\uFEFF' + lf.replace(/\n/g, '\r\n'));
    }
  });

  test('an empty file stays empty; a file of only comments keeps them', () => {
    assert.equal(format(''), '');
    assert.equal(format('\n\n  \n'), '');
    assert.equal(format('// only\n\n\n/* me */'), '// only\n\n/* me */\n');
  });

  test('a policy on a line that a seams-ignore targets keeps its shape', () => {
    const inline =
      '// seams-ignore retry-without-backoff\nservice a {\n  // seams-ignore missing-owner\n  calls b { timeout 1s retry 2 }\n}\n';
    assert.equal(format(inline), inline);
  });
});

describe('formatSeams refuses what it cannot format without changing meaning', () => {
  test('a seams-ignore aimed at a line holding several members', () => {
    // Splitting the line would take `tier` out of the directive's reach.
    assert.equal(formatSeams('// seams-ignore missing-owner\nservice a { api x v1 tier internal }\n'), undefined);
  });
});

describe('formatSeams refuses text with syntax errors', () => {
  for (const { name, text } of seamsIn(join(root, 'test', 'parser', 'fixtures', 'err'))) {
    test(name.slice(root.length + 1), () => {
      assert.ok(parseSeams(text, name).diagnostics.length > 0, 'fixture expected to be broken');
      assert.equal(formatSeams(text), undefined);
    });
  }
  test('a stray character', () => assert.equal(formatSeams('service a { owner b } @'), undefined));
});

describe('formatSeams on generated texts', () => {
  test('300 random layouts: valid, idempotent, same tree, same comments, same findings', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const text = generateSeams(seed);
      assert.deepEqual(parseSeams(text, 'f.seams').diagnostics, [], `generator made invalid text (seed ${seed})`);
      const once = formatSeams(text);
      assert.notEqual(once, undefined, `refused seed ${seed}:\n${text}`);
      assert.equal(formatSeams(once!), once, `not idempotent (seed ${seed})`);
      assert.equal(positionFree(once!), positionFree(text), `tree changed (seed ${seed})`);
      assert.deepEqual(commentTexts(once!), commentTexts(text), `comments changed (seed ${seed})`);
      assert.deepEqual(findings(once!), findings(text), `findings changed (seed ${seed})`);
    }
  });

  test('200 random layouts with seams-ignore directives before members: same findings', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const text = generateSeams(seed, { ignores: true });
      const once = formatSeams(text);
      assert.notEqual(once, undefined, `refused seed ${seed}:\n${text}`);
      assert.equal(formatSeams(once!), once, `not idempotent (seed ${seed})`);
      assert.deepEqual(findings(once!), findings(text), `findings changed (seed ${seed}):\n${text}\n---\n${once}`);
    }
  });
});
