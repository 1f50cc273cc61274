/**
 * The rule runner (check.ts): it stamps each finding with its rule's code and
 * configured severity, gives threshold rules their `max`, isolates a rule that
 * throws, builds fixes only when asked, and keeps big inputs' reports linear.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkSources, fixesOf, INTERNAL_ERROR } from '../../server/src/core/check.js';
import { RULES } from '../../server/src/core/rules/registry.js';
import type { Rule } from '../../server/src/core/rules/rule.js';

const MODEL = 'team t\nservice web {\n  tier user-facing\n  calls orders\n}\nservice orders {\n  owner t\n}\n';

describe('the runner stamps and configures', () => {
  test('code and severity come from the rule and its setting, never from the finding', () => {
    const probe: Rule = {
      code: 'probe-rule',
      defaultSeverity: 'info',
      summary: 'a probe',
      rationale: 'r',
      check: (model) => [...model.services.values()].map((s) => ({ message: `saw ${s.name}`, location: s.location })),
    };
    const plain = checkSources([{ file: 'a.seams', text: MODEL }], { rules: [probe] }).diagnostics;
    assert.deepEqual(
      plain.map((d) => `${d.code} ${d.severity} ${d.message}`),
      ['probe-rule info saw web', 'probe-rule info saw orders'],
    );
    const configured = checkSources([{ file: 'a.seams', text: `${MODEL}rules {\n  probe-rule error\n}\n` }], {
      rules: [probe],
    }).diagnostics;
    assert.deepEqual(
      configured.map((d) => d.severity),
      ['error', 'error'],
    );
  });

  test('a threshold rule always gets a max: its default, or the configured one', () => {
    const seen: number[] = [];
    const probe: Rule = {
      code: 'probe-rule',
      defaultSeverity: 'info',
      defaultMax: 7,
      summary: 'a probe',
      rationale: 'r',
      check: (_model, { max }) => {
        seen.push(max);
        return [];
      },
    };
    checkSources([{ file: 'a.seams', text: MODEL }], { rules: [probe] });
    checkSources([{ file: 'a.seams', text: `${MODEL}rules {\n  probe-rule max 2\n}\n` }], { rules: [probe] });
    assert.deepEqual(seen, [7, 2]);
  });
});

describe('per-rule isolation', () => {
  const throwing: Rule = {
    code: 'throwing-rule',
    defaultSeverity: 'warning',
    summary: 'always fails',
    rationale: 'r',
    check: () => {
      throw new Error('boom\n    at somewhere (file.ts:1:1)');
    },
  };

  test('a rule that throws is one internal error naming it; every other rule still reports', () => {
    const sources = [
      { file: 'a.seams', text: MODEL },
      { file: 'b.seams', text: 'service lone {\n}\n' },
    ];
    const alone = checkSources(sources).diagnostics;
    const withThrowing = checkSources(sources, { rules: [RULES[0], throwing, ...RULES.slice(1)] }).diagnostics;
    const internal = withThrowing.filter((d) => d.code === INTERNAL_ERROR);
    assert.equal(internal.length, 1);
    assert.equal(internal[0].severity, 'error');
    assert.match(internal[0].message, /throwing-rule/);
    assert.match(internal[0].message, /boom/);
    assert.doesNotMatch(internal[0].message, /at somewhere/, 'no stack trace in the message');
    assert.deepEqual(internal[0].location, { file: 'a.seams', start: 0, end: 0 });
    assert.deepEqual(
      withThrowing.filter((d) => d.code !== INTERNAL_ERROR),
      alone,
    );
  });

  test('a rule that throws half-way reports nothing of its own, only the internal error', () => {
    let calls = 0;
    const halfway: Rule = {
      ...throwing,
      check: (model) =>
        [...model.services.values()].map((s) => {
          if (++calls > 1) throw new Error('second service');
          return { message: `saw ${s.name}`, location: s.location };
        }),
    };
    const ds = checkSources([{ file: 'a.seams', text: MODEL }], { rules: [halfway] }).diagnostics;
    assert.deepEqual(
      ds.map((d) => d.code),
      [INTERNAL_ERROR],
    );
  });

  test('a fix that throws is left out; the suppression is still offered', () => {
    const badFix: Rule = {
      code: 'bad-fix-rule',
      defaultSeverity: 'warning',
      summary: 'a probe',
      rationale: 'r',
      check: (model) => [
        {
          message: 'here',
          location: [...model.services.values()][0].location,
          fixes: () => {
            throw new Error('no fix');
          },
        },
      ],
    };
    const { diagnostics, model } = checkSources([{ file: 'a.seams', text: MODEL }], { rules: [badFix] });
    assert.deepEqual(
      fixesOf(diagnostics[0], model, [badFix]).map((f) => f.title),
      ['Suppress bad-fix-rule with seams-ignore'],
    );
  });
});

describe('fixes are built only when asked', () => {
  test('checking builds no fix; fixesOf builds them', () => {
    let built = 0;
    const counting: Rule = {
      code: 'counting-rule',
      defaultSeverity: 'warning',
      summary: 'a probe',
      rationale: 'r',
      check: (model) =>
        [...model.services.values()].map((s) => ({
          message: `saw ${s.name}`,
          location: s.location,
          fixes: () => {
            built++;
            return [{ title: `Fix ${s.name}`, edits: [] }];
          },
        })),
    };
    const { diagnostics, model } = checkSources([{ file: 'a.seams', text: MODEL }], { rules: [counting] });
    assert.equal(built, 0, 'the check built fixes nobody asked for');
    assert.ok(diagnostics.every((d) => d.fixes === undefined));
    assert.deepEqual(
      fixesOf(diagnostics[1], model, [counting]).map((f) => f.title),
      ['Fix orders', 'Suppress counting-rule with seams-ignore'],
    );
    assert.equal(built, 1);
  });

  test('the suppression fix is right on a one-line file with many diagnostics', () => {
    const n = 2000;
    const text = Array.from({ length: n }, (_, i) => `service s${i} { calls s${i + 1} }`).join(' ');
    const { diagnostics, model } = checkSources([{ file: 'one.seams', text }]);
    const missing = diagnostics.filter((d) => d.code === 'missing-timeout');
    assert.equal(missing.length, n);
    for (const d of [missing[0], missing[n - 1]]) {
      const suppress = fixesOf(d, model).at(-1)!;
      assert.deepEqual(suppress.edits, [{ file: 'one.seams', start: 0, end: 0, newText: '// seams-ignore missing-timeout\n' }]);
    }
  });
});
