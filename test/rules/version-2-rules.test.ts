/**
 * Near misses of the version 2 rules that need a model of their own: a
 * gateway anywhere silences no-api-gateway, invalid tiers count for nothing,
 * thresholds come from `rules { }`, and file order never decides "first".
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkSources, type SourceFile } from '../../server/src/core/check.js';

const TEAM = 'team t {\n  oncall "#t"\n}\n';
const codes = (sources: SourceFile[], code: string) => checkSources(sources).diagnostics.filter((d) => d.code === code);
const facing = (name: string, tier = 'user-facing') => `service ${name} {\n  owner t\n  tier ${tier}\n  slo availability 99.9%\n}\n`;

describe('no-api-gateway', () => {
  test('a gateway anywhere in the model: nothing', () => {
    assert.deepEqual(
      codes(
        [
          { file: 'a.seams', text: TEAM + facing('web') + facing('app') },
          { file: 'b.seams', text: facing('edge', 'gateway') },
        ],
        'no-api-gateway',
      ),
      [],
    );
  });

  test('a gateway does not count as user-facing here, and an invalid tier counts for nothing', () => {
    assert.deepEqual(codes([{ file: 'a.seams', text: TEAM + facing('web') + facing('app', 'frontend') }], 'no-api-gateway'), []);
  });

  test('max from rules { }', () => {
    const text = TEAM + facing('web') + facing('app') + facing('mobile');
    assert.equal(codes([{ file: 'a.seams', text }], 'no-api-gateway').length, 1);
    assert.deepEqual(codes([{ file: 'a.seams', text: `${text}rules {\n  no-api-gateway max 3\n}\n` }], 'no-api-gateway'), []);
  });

  test('the first user-facing service is the same whatever order the files are given in', () => {
    const a = { file: 'a.seams', text: TEAM + facing('web') };
    const b = { file: 'b.seams', text: facing('app') };
    for (const order of [
      [a, b],
      [b, a],
    ]) {
      const [d] = codes(order, 'no-api-gateway');
      assert.equal(d.location.file, 'a.seams');
      assert.equal(d.related?.[0].location.file, 'b.seams');
    }
  });
});

describe('too-many-standards', () => {
  const svc = (name: string, runtime: string) => `service ${name} {\n  owner t\n  runtime ${runtime}\n}\n`;

  test('at most max distinct values: nothing; one more: reported on its first declaration', () => {
    const three = TEAM + svc('a', 'java') + svc('b', 'go') + svc('c', 'java') + svc('d', 'node');
    assert.deepEqual(codes([{ file: 'x.seams', text: three }], 'too-many-standards'), []);
    const four = three + svc('e', 'rust') + svc('f', 'rust');
    const [d] = codes([{ file: 'x.seams', text: four }], 'too-many-standards');
    assert.equal(four.slice(d.location.start, d.location.end), 'rust');
    assert.equal(d.location.start, four.indexOf('runtime rust') + 'runtime '.length);
  });

  test('file order never decides which value is beyond max', () => {
    const a = { file: 'a.seams', text: TEAM + svc('a', 'java') + svc('b', 'go') + svc('c', 'node') };
    const b = { file: 'b.seams', text: svc('d', 'rust') };
    for (const order of [
      [a, b],
      [b, a],
    ]) {
      const [d] = codes(order, 'too-many-standards');
      assert.equal(d.location.file, 'b.seams');
      assert.match(d.message, /\(java, go, node and rust\)/);
    }
  });
});

describe('shared-library', () => {
  test('max from rules { }, and uses of an undeclared library count for nothing', () => {
    const users = ['a', 'b', 'c'].map((n) => `service ${n} {\n  owner t\n  uses lib\n  uses ghost\n}\n`).join('');
    const text = `${TEAM}library lib\n${users}`;
    assert.equal(codes([{ file: 'x.seams', text }], 'shared-library').length, 1);
    assert.deepEqual(codes([{ file: 'x.seams', text: `${text}rules {\n  shared-library max 3\n}\n` }], 'shared-library'), []);
  });
});
