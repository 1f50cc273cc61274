/**
 * Rename and references in the core: every kind of name, across files, and
 * the refusals. Applies the edits and re-checks, to prove a rename keeps the
 * model's meaning (same diagnostics, names swapped).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkSources, type SourceFile } from '../../server/src/core/check.js';
import type { TextEdit } from '../../server/src/core/diagnostics.js';
import { occurrenceAt, occurrencesOf } from '../../server/src/core/query/occurrences.js';
import { invalidNameReason, planRename } from '../../server/src/core/query/rename.js';

const FILES: SourceFile[] = [
  { file: 'teams.seams', text: 'team web-team\nteam ops-team\n' },
  {
    file: 'a.seams',
    text: `system shop {
  service catalog {
    owner web-team
    store shared-db postgres
    api catalog-api v1
    event item-changed v1
  }
}
`,
  },
  {
    file: 'b.seams',
    text: `service orders {
  owner web-team
  store shared-db postgres
  store orders-db postgres
  calls catalog.catalog-api v1
  subscribes catalog.item-changed v1
}
// seams-ignore shared-database
service billing {
  owner ops-team
}
`,
  },
];

function apply(sources: SourceFile[], edits: TextEdit[]): SourceFile[] {
  return sources.map((s) => {
    const mine = edits.filter((e) => e.file === s.file).sort((x, y) => y.start - x.start);
    let text = s.text;
    for (const e of mine) text = text.slice(0, e.start) + e.newText + text.slice(e.end);
    return { file: s.file, text };
  });
}

function rename(file: string, needle: string, delta: number, newName: string) {
  const model = checkSources(FILES).model;
  const offset = FILES.find((f) => f.file === file)!.text.indexOf(needle) + delta;
  return planRename(model, file, offset, newName);
}

const CASES: {
  what: string;
  file: string;
  needle: string;
  delta: number;
  to: string;
  expect: (files: SourceFile[]) => void;
  edits: number;
}[] = [
  {
    what: 'a service, from a reference in another file',
    file: 'b.seams',
    needle: 'calls catalog',
    delta: 7,
    to: 'products',
    edits: 3,
    expect: (fs) => {
      assert.match(fs[1].text, /service products \{/);
      assert.match(fs[2].text, /calls products\.catalog-api v1/);
      assert.match(fs[2].text, /subscribes products\.item-changed v1/);
    },
  },
  {
    what: 'an api, from its declaration',
    file: 'a.seams',
    needle: 'api catalog-api',
    delta: 5,
    to: 'products-api',
    edits: 2,
    expect: (fs) => assert.match(fs[2].text, /calls catalog\.products-api v1/),
  },
  {
    what: 'an event, from a subscription',
    file: 'b.seams',
    needle: 'item-changed',
    delta: 0,
    to: 'item-updated',
    edits: 2,
    expect: (fs) => assert.match(fs[1].text, /event item-updated v1/),
  },
  {
    what: 'a team',
    file: 'teams.seams',
    needle: 'web-team',
    delta: 1,
    to: 'frontend-team',
    edits: 3,
    expect: (fs) =>
      assert.equal(
        fs
          .map((f) => f.text)
          .join()
          .match(/frontend-team/g)?.length,
        3,
      ),
  },
  {
    what: 'a shared store (every declaration)',
    file: 'a.seams',
    needle: 'shared-db',
    delta: 0,
    to: 'common-db',
    edits: 2,
    expect: (fs) => assert.match(fs[2].text, /store common-db postgres/),
  },
  {
    what: 'a system',
    file: 'a.seams',
    needle: 'shop',
    delta: 0,
    to: 'store-front',
    edits: 1,
    expect: (fs) => assert.match(fs[1].text, /^system store-front \{/),
  },
];

for (const c of CASES) {
  test(`rename ${c.what}`, () => {
    const plan = rename(c.file, c.needle, c.delta, c.to);
    assert.ok('edits' in plan, 'error' in plan ? plan.error : '');
    assert.equal(plan.edits.length, c.edits);
    const after = apply(FILES, plan.edits);
    c.expect(after);
    // Same meaning: the same diagnostics, in the same places up to the new name's length.
    const codes = (fs: SourceFile[]) => checkSources(fs).diagnostics.map((d) => `${d.location.file}:${d.code}`);
    assert.deepEqual(codes(after), codes(FILES));
  });
}

test('rename refuses clashes, bad names, keywords, versions and non-names', () => {
  const refused: [string, string, number, string, RegExp][] = [
    ['b.seams', 'calls catalog', 7, 'orders', /a service named orders already exists/],
    ['b.seams', 'orders-db', 0, 'shared-db', /would make the services share it/],
    ['teams.seams', 'ops-team', 0, 'web-team', /a team named web-team already exists/],
    ['a.seams', 'catalog-api', 0, 'two words', /not a Seams name/],
    ['a.seams', 'catalog-api', 0, 'service', /is a keyword/],
    ['a.seams', 'catalog-api', 0, 'v2', /reads as a version/],
    ['a.seams', 'postgres', 1, 'mysql', /no team, system, service, library, contract or store name here/],
    ['b.seams', 'shared-database', 2, 'x', /no team, system, service, library, contract or store name here/],
  ];
  for (const [file, needle, delta, to, why] of refused) {
    const plan = rename(file, needle, delta, to);
    assert.ok('error' in plan, `${needle} → ${to} is refused`);
    assert.match(plan.error, why);
  }
  assert.equal(invalidNameReason('kebab-case_ok-2'), undefined);
  assert.ok(invalidNameReason('-leading'));
  assert.ok(invalidNameReason('trailing-'));
});

test('references of an api are its declaration and the calls that name it, not same-named things elsewhere', () => {
  const model = checkSources([
    ...FILES,
    { file: 'c.seams', text: 'service other {\n  api catalog-api v1\n}\nservice user {\n  calls other.catalog-api\n}\n' },
  ]).model;
  const a = model.files.get('a.seams')!;
  const o = occurrenceAt(a, a.text.indexOf('catalog-api') + 1)!;
  assert.deepEqual(
    occurrencesOf(model.files.values(), o).map((x) => `${x.file}:${x.role}`),
    ['a.seams:definition', 'b.seams:reference'],
  );
});
