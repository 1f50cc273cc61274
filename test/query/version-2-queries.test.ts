/**
 * Editor queries on the version 2 constructs: libraries (hover, references,
 * rename, outline, symbols), `uses`, `runtime` (hover, never renamed),
 * readonly stores, service defaults (hover, folding) and semantic tokens.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkSources, type SourceFile } from '../../server/src/core/check.js';
import type { TextEdit } from '../../server/src/core/diagnostics.js';
import { foldingRegions } from '../../server/src/core/query/folding.js';
import { hoverAt } from '../../server/src/core/query/hover.js';
import { occurrenceAt, occurrencesOf } from '../../server/src/core/query/occurrences.js';
import { outline, searchSymbols } from '../../server/src/core/query/outline.js';
import { planRename, renameTarget } from '../../server/src/core/query/rename.js';
import { semanticTokens } from '../../server/src/core/query/semantic-tokens.js';

const FILES: SourceFile[] = [
  { file: 'libs.seams', text: 'team platform\n\nlibrary auth-lib "Auth client" {\n  owner platform\n}\n\nlibrary log-lib\n' },
  {
    file: 'shop.seams',
    text: `system shop {
  service edge {
    tier gateway
    runtime go
    uses auth-lib
    defaults {
      timeout 500ms
    }
    calls orders
  }
  service orders {
    runtime java
    uses auth-lib
    uses log-lib
    store catalog-db postgres readonly
  }
  service catalog {
    runtime go
    store catalog-db postgres
  }
}
`,
  },
];

const model = () => checkSources(FILES).model;
const offsetOf = (file: string, needle: string, nth = 0) => {
  const text = FILES.find((f) => f.file === file)!.text;
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, needle);
  return at;
};

function apply(sources: SourceFile[], edits: TextEdit[]): SourceFile[] {
  return sources.map((s) => {
    const mine = edits.filter((e) => e.file === s.file).sort((x, y) => y.start - x.start);
    let text = s.text;
    for (const e of mine) text = text.slice(0, e.start) + e.newText + text.slice(e.end);
    return { file: s.file, text };
  });
}

test('hover on a library, its declaration or a uses, gives its owner and its users', () => {
  const m = model();
  for (const [file, needle] of [
    ['libs.seams', 'auth-lib'],
    ['shop.seams', 'auth-lib'],
  ] as const) {
    const h = hoverAt(m, [], file, offsetOf(file, needle) + 1)!;
    assert.ok(h, `${file} ${needle}`);
    assert.match(h.markdown, /\*\*library auth-lib\*\* — Auth client/);
    assert.match(h.markdown, /Owner: platform/);
    assert.match(h.markdown, /Used by 2 services: edge, orders/);
  }
  const undefinedLib = checkSources([{ file: 'x.seams', text: 'service a { uses nope }' }]).model;
  assert.match(hoverAt(undefinedLib, [], 'x.seams', 19)!.markdown, /library nope\*\* — not defined/);
});

test('hover on a runtime names the services written in it', () => {
  const h = hoverAt(model(), [], 'shop.seams', offsetOf('shop.seams', 'go') + 1)!;
  assert.match(h.markdown, /\*\*runtime go\*\*/);
  assert.match(h.markdown, /2 services: edge, catalog/);
  assert.match(h.markdown, /Runtimes in the model: go, java/);
});

test('hover on a service shows its runtime, libraries and own defaults; on a call, where each setting came from', () => {
  const m = model();
  const edge = hoverAt(m, [], 'shop.seams', offsetOf('shop.seams', 'edge') + 1)!.markdown;
  assert.match(edge, /tier gateway · runtime go/);
  assert.match(edge, /Uses: auth-lib/);
  assert.match(edge, /Defaults for its calls: timeout 500ms/);
  const call = hoverAt(m, [], 'shop.seams', offsetOf('shop.seams', 'calls orders') + 1)!.markdown;
  assert.match(call, /Timeout: 500ms \(from service edge defaults\)/);
});

test('hover on a readonly store says who only reads it', () => {
  const h = hoverAt(model(), [], 'shop.seams', offsetOf('shop.seams', 'catalog-db') + 1)!;
  assert.match(h.markdown, /Used by orders \(reads only\), catalog — shared/);
});

test('references of a library are its declaration and every uses', () => {
  const m = model();
  const o = occurrenceAt(m.files.get('shop.seams')!, offsetOf('shop.seams', 'auth-lib'))!;
  assert.deepEqual({ kind: o.kind, name: o.name, role: o.role }, { kind: 'library', name: 'auth-lib', role: 'reference' });
  assert.deepEqual(
    occurrencesOf(m.files.values(), o).map((x) => `${x.file}:${x.role}`),
    ['libs.seams:definition', 'shop.seams:reference', 'shop.seams:reference'],
  );
  const owner = occurrenceAt(m.files.get('libs.seams')!, offsetOf('libs.seams', 'platform', 1))!;
  assert.deepEqual({ kind: owner.kind, role: owner.role }, { kind: 'team', role: 'reference' });
});

test('rename a library from a uses: the declaration and every uses, meaning kept', () => {
  const m = model();
  const plan = planRename(m, 'shop.seams', offsetOf('shop.seams', 'auth-lib') + 2, 'identity-lib');
  assert.ok('edits' in plan, 'error' in plan ? plan.error : '');
  assert.equal(plan.edits.length, 3);
  const after = apply(FILES, plan.edits);
  assert.match(after[0].text, /library identity-lib "Auth client"/);
  assert.equal(after[1].text.match(/uses identity-lib/g)?.length, 2);
  const codes = (fs: SourceFile[]) => checkSources(fs).diagnostics.map((d) => `${d.location.file}:${d.code}`);
  assert.deepEqual(codes(after), codes(FILES));
});

test('rename refuses a library name already taken, but a service of that name is no clash', () => {
  const m = model();
  const taken = planRename(m, 'libs.seams', offsetOf('libs.seams', 'log-lib') + 1, 'auth-lib');
  assert.ok('error' in taken && /a library named auth-lib already exists/.test(taken.error));
  const other = planRename(m, 'libs.seams', offsetOf('libs.seams', 'log-lib') + 1, 'orders');
  assert.ok('edits' in other);
});

test('a runtime is a free identifier: nothing to rename there', () => {
  const m = model();
  assert.equal(renameTarget(m.files.get('shop.seams')!, offsetOf('shop.seams', 'java') + 1), undefined);
  const plan = planRename(m, 'shop.seams', offsetOf('shop.seams', 'java') + 1, 'kotlin');
  assert.ok('error' in plan);
});

test('the outline lists libraries; symbol search finds them', () => {
  const m = model();
  const items = outline(m.files.get('libs.seams')!);
  assert.deepEqual(
    items.map((i) => `${i.kind} ${i.name} ${i.detail ?? ''}`.trim()),
    ['team platform', 'library auth-lib Auth client', 'library log-lib'],
  );
  const found = searchSymbols(m, 'authl');
  assert.deepEqual(
    found.map((x) => `${x.kind} ${x.name} ${x.file}`),
    ['library auth-lib libs.seams'],
  );
});

test("a library body and a service's defaults fold", () => {
  const m = model();
  const libs = foldingRegions(m.files.get('libs.seams')!);
  assert.ok(libs.some((r) => r.start === offsetOf('libs.seams', '{')));
  const shop = foldingRegions(m.files.get('shop.seams')!);
  assert.ok(shop.some((r) => r.start === offsetOf('shop.seams', 'defaults {') + 'defaults '.length));
});

test('semantic tokens: library names, uses, runtime values, readonly and defaults keywords', () => {
  const m = model();
  const text = (f: string) => FILES.find((x) => x.file === f)!.text;
  const describe = (f: string) =>
    semanticTokens(m.files.get(f)!).map((t) => `${text(f).slice(t.start, t.end)}:${t.type}${t.declaration ? '*' : ''}`);
  const libs = describe('libs.seams');
  assert.ok(libs.includes('library:keyword'));
  assert.ok(libs.includes('auth-lib:library*'));
  assert.ok(libs.includes('owner:keyword'));
  assert.ok(libs.includes('platform:team'));
  const shop = describe('shop.seams');
  for (const expected of [
    'uses:keyword',
    'auth-lib:library',
    'runtime:keyword',
    'go:value',
    'readonly:keyword',
    'defaults:keyword',
    'timeout:keyword',
    'gateway:value',
  ]) {
    assert.ok(shop.includes(expected), expected);
  }
});

test('hover on a call with an invalid setting says so, and its worst case is unknown', () => {
  const text = 'system s {\n  defaults { timeout 0s }\n  service a {\n    calls b { retry 2 backoff sideways }\n  }\n  service b { }\n}\n';
  const m = checkSources([{ file: 'x.seams', text }]).model;
  const h = hoverAt(m, [], 'x.seams', text.indexOf('calls') + 1)!.markdown;
  assert.match(h, /Timeout: _invalid_ \(from system s defaults\)/);
  assert.match(h, /Retries: 2 · backoff _invalid_/);
  assert.match(h, /Worst-case time: unknown \(an invalid setting; see its error\)/);
});
