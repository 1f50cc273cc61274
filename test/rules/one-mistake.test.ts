/**
 * One mistake, one diagnostic (a property test): in generated models full of
 * invalid values — in calls, in service defaults and in system defaults — no
 * call ever carries a diagnostic that is only the consequence of an invalid
 * value reported elsewhere: no missing-timeout or timeout-budget where the
 * timeout is invalid, no retry-without-backoff where the retry or backoff is,
 * no missing-slo or no-api-gateway from an invalid tier. And every invalid
 * setting is reported, once, where it is written.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkSources } from '../../server/src/core/check.js';
import type { Diagnostic, Location } from '../../server/src/core/diagnostics.js';
import { seededRandom } from '../helpers/seeded-random.js';

const TIMEOUTS = ['300ms', '1s', '2s', '50ms', '0ms', '0s'];
const RETRIES = ['retry 2', 'retry 1 backoff exponential', 'retry 3 backoff none', 'retry 2 backoff sideways', 'retry 1.5', 'retry 0'];
const TIERS = ['user-facing', 'gateway', 'internal', 'background', 'frontend', 'edge'];

function generate(rnd: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const n = 3 + Math.floor(rnd() * 6);
  const lines = ['team t {', '  oncall "#t"', '}', '', 'system s {'];
  const policy = () => {
    const parts: string[] = [];
    if (rnd() < 0.6) parts.push(`timeout ${pick(TIMEOUTS)}`);
    if (rnd() < 0.5) parts.push(pick(RETRIES));
    if (rnd() < 0.5) parts.push('circuit-breaker');
    return parts;
  };
  if (rnd() < 0.7) lines.push('  defaults {', ...policy().map((p) => `    ${p}`), '  }', '');
  for (let i = 0; i < n; i++) {
    lines.push(`  service s${i} {`, '    owner t', `    api s${i}-api v1`);
    if (rnd() < 0.7) lines.push(`    tier ${pick(TIERS)}`);
    if (rnd() < 0.3) lines.push('    slo latency p99 100ms');
    if (rnd() < 0.4) lines.push('    defaults {', ...policy().map((p) => `      ${p}`), '    }');
    const calls = Math.floor(rnd() * 3);
    for (let k = 0; k < calls; k++) {
      const p = rnd() < 0.6 ? policy() : [];
      const to = Math.floor(rnd() * n);
      lines.push(`    calls s${to}.s${to}-api v1${p.length ? ` { ${p.join(' ')} }` : ''}`);
    }
    lines.push('  }', '');
  }
  lines.push('}', '');
  return lines.join('\n');
}

const at = (l: Location, ds: readonly Diagnostic[], code: string) =>
  ds.filter((d) => d.code === code && d.location.file === l.file && d.location.start === l.start && d.location.end === l.end);

test('an invalid value is reported once and its consequences never', () => {
  const rnd = seededRandom(20261202);
  let invalidCalls = 0;
  for (let round = 0; round < 400; round++) {
    const text = generate(rnd);
    const { model, diagnostics } = checkSources([{ file: 'gen.seams', text }]);
    const why = `in:\n${text}`;
    assert.ok(!diagnostics.some((d) => d.code === 'syntax'), `a generated model has a syntax error ${why}`);
    for (const call of model.calls) {
      const invalid = call.policy.invalid ?? {};
      if (invalid.timeout || invalid.retry || invalid.backoff) invalidCalls++;
      if (invalid.timeout) {
        assert.deepEqual(at(call.location, diagnostics, 'missing-timeout'), [], `missing-timeout beside an invalid timeout ${why}`);
        assert.equal(call.policy.timeoutMs, undefined);
        assert.deepEqual(at(call.location, diagnostics, 'timeout-budget'), [], `timeout-budget from an invalid timeout ${why}`);
      }
      if (invalid.retry || invalid.backoff) {
        const retries = diagnostics.filter(
          (d) =>
            d.code === 'retry-without-backoff' &&
            d.location.file === call.file &&
            d.location.start >= call.decl.start &&
            d.location.end <= call.decl.end,
        );
        assert.deepEqual(retries, [], `retry-without-backoff beside an invalid retry or backoff ${why}`);
      }
      // A call's timeout-budget never compares against a callee whose worst case rests on an invalid value.
      for (const d of at(call.location, diagnostics, 'timeout-budget')) {
        assert.ok(
          call.policy.timeoutMs !== undefined && !call.policy.invalid?.timeout,
          `timeout-budget on a call without a valid timeout ${why}`,
        );
        assert.doesNotMatch(d.message, /NaN|undefined/);
      }
    }
    for (const s of model.services.values()) {
      if (s.invalid?.tier) assert.deepEqual(at(s.location, diagnostics, 'missing-slo'), [], `missing-slo from an invalid tier ${why}`);
    }
    // Every invalid setting is reported where it is written: at least one invalid-value when any call inherits one.
    if (model.calls.some((c) => c.policy.invalid))
      assert.ok(
        diagnostics.some((d) => d.code === 'invalid-value'),
        `an invalid value went unreported ${why}`,
      );
    // No two diagnostics with the same code at the same place.
    const seen = new Set<string>();
    for (const d of diagnostics) {
      const key = `${d.code} ${d.location.file} ${d.location.start} ${d.location.end} ${d.message}`;
      assert.ok(!seen.has(key), `reported twice: ${key} ${why}`);
      seen.add(key);
    }
  }
  assert.ok(invalidCalls > 100, `only ${invalidCalls} calls with invalid values were generated`);
});
