/**
 * Reports stay linear in the input: a store shared by thousands of services is
 * reported with a few related locations and a count, and a contract offering
 * thousands of versions gets a handful of version fixes, the nearest first.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkSources, fixesOf } from '../../server/src/core/check.js';

describe('a store shared by thousands of services', () => {
  const n = 4000;
  const text = Array.from(
    { length: n },
    (_, i) => `service s${i} {\n  store shop-db postgres\n${i % 2 ? '  compliance pci\n' : ''}}\n`,
  ).join('');
  const { diagnostics } = checkSources([{ file: 'shared.seams', text }]);

  for (const code of ['shared-database', 'compliance-leak']) {
    test(`${code}: one report per declaration, each of bounded size, naming a count`, () => {
      const ds = diagnostics.filter((d) => d.code === code);
      assert.equal(ds.length, n);
      const related = ds.reduce((sum, d) => sum + (d.related?.length ?? 0), 0);
      assert.ok(related <= 10 * n, `${related} related locations for ${n} declarations`);
      assert.ok(
        ds.every((d) => d.message.length < 300),
        'a message grows with the number of sharers',
      );
      assert.ok(
        ds.every((d) => d.message.includes(`${n - 6} more`)),
        ds[0].message,
      );
    });
  }

  test("shared-database names the declaration's own service first, then the first others", () => {
    const d = diagnostics.find((x) => x.code === 'shared-database' && x.message.startsWith('s7,'))!;
    assert.equal(d.message, `s7, s0, s1, s2, s3, s4 and ${n - 6} more share store shop-db`);
    assert.equal(d.related?.length, 10);
    assert.equal(d.related?.[0].message, 's0 also declares store shop-db');
  });
});

describe('version-not-provided offers the nearest few versions', () => {
  const offered = Array.from({ length: 200 }, (_, i) => `v${i + 1}`).join(' ');
  const model = (pin: string) =>
    `team t\nservice p {\n  owner t\n  api p-api ${offered}\n}\nservice c {\n  owner t\n  calls p.p-api ${pin} { timeout 1s circuit-breaker }\n}\n`;
  const titles = (pin: string) => {
    const { diagnostics, model: m } = checkSources([{ file: 'v.seams', text: model(pin) }]);
    const d = diagnostics.find((x) => x.code === 'version-not-provided');
    assert.ok(d, `no version-not-provided for ${pin}`);
    assert.ok(d.message.length < 200, d.message);
    return fixesOf(d, m).map((f) => `${f.preferred ? '*' : ''}${f.title}`);
  };

  test('past the newest: the newest three, newest first and preferred', () => {
    assert.deepEqual(titles('v1000'), [
      '*Use version v200',
      'Use version v199',
      'Use version v198',
      'Suppress version-not-provided with seams-ignore',
    ]);
  });

  test('between two offered versions: both neighbours first, the newer one preferred', () => {
    assert.deepEqual(titles('v50.5'), [
      '*Use version v51',
      'Use version v50',
      'Use version v52',
      'Suppress version-not-provided with seams-ignore',
    ]);
  });

  test('before the oldest: the oldest three, oldest first', () => {
    assert.deepEqual(titles('v0'), [
      '*Use version v1',
      'Use version v2',
      'Use version v3',
      'Suppress version-not-provided with seams-ignore',
    ]);
  });
});
