/**
 * "Did you mean …?" stays cheap however many names are unresolved: the work is
 * counted (edit-distance computations), not timed, so the test is stable on a
 * busy machine. Thousands of unresolved calls against thousands of services
 * used to compare every pair (25–37 s for 5,000, minutes for 10,000); now
 * each lookup is bounded. The suggestions themselves stay what they were.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkSources } from '../../server/src/core/check.js';
import { closestName, editDistanceCount } from '../../server/src/core/model/closest-name.js';

test('suggestions: the closest declared name of the right kind, first declared on a tie', () => {
  const { diagnostics } = checkSources([
    {
      file: 'a.seams',
      text: `team web-team
service catalog { owner web-teem }
service catalogue { owner web-team }
service orders {
  owner wbe-team
  calls catalgo
  calls katalog
  calls nothing-like-it
}
`,
    },
  ]);
  const messages = diagnostics.filter((d) => d.code === 'unresolved-reference').map((d) => d.message);
  assert.deepEqual(messages, [
    'no team named web-teem; did you mean web-team?',
    'no team named wbe-team; did you mean web-team?',
    'no service named catalgo; did you mean catalog?',
    'no service named katalog; did you mean catalog?',
    'no service named nothing-like-it',
  ]);
  assert.equal(closestName('ordres', ['orders', 'order']), 'orders');
  assert.equal(closestName('x', ['y']), undefined);
});

function manyUnresolved(services: number, unresolved: number): string {
  const out: string[] = [];
  for (let i = 0; i < services; i++) out.push(`service svc-${i} {}`);
  out.push('service caller {');
  // Half are typos of a declared name (one letter off), half resemble nothing.
  for (let i = 0; i < unresolved; i++) out.push(i % 2 ? `  calls svx-${i}` : `  calls qqq-${i}`);
  out.push('}');
  return out.join('\n');
}

for (const n of [5_000, 10_000]) {
  test(`${n} unresolved calls against ${n} services cost a bounded number of comparisons`, () => {
    const before = editDistanceCount();
    const { diagnostics } = checkSources([{ file: 'big.seams', text: manyUnresolved(n, n) }]);
    const comparisons = editDistanceCount() - before;
    const unresolved = diagnostics.filter((d) => d.code === 'unresolved-reference');
    assert.equal(unresolved.length, n);
    assert.equal(unresolved.filter((d) => /did you mean svc-\d+\?$/.test(d.message)).length, n / 2, 'every typo still gets its suggestion');
    assert.ok(unresolved.some((d) => d.message === 'no service named svx-1; did you mean svc-1?'));
    // Every pair would be n × n; a handful per lookup is the budget.
    assert.ok(comparisons <= 50 * n, `${comparisons} edit distances computed for ${n} lookups`);
  });
}
