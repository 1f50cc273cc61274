/**
 * Numbers beyond double precision: versions compare exactly however many
 * digits a part has (a wrong pin above 2^53 is still wrong), and durations far
 * beyond any real timeout print without floating-point noise.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkSources } from '../../server/src/core/check.js';
import { duration } from '../../server/src/core/diff/elements.js';
import { compareVersionTexts, formatMs } from '../../server/src/core/syntax/literals.js';

const model = (offered: string, pinned: string) => `service a {
  owner t
  api a-api ${offered} rest
}
service b {
  owner t
  calls a.a-api ${pinned} { timeout 1s circuit-breaker }
}
team t { oncall "#t" }
`;

test('a pin one above 2^53 is not the version offered', () => {
  const codes = (text: string) => checkSources([{ file: 'x.seams', text }]).diagnostics.map((d) => d.code);
  assert.ok(codes(model('v9007199254740992', 'v9007199254740993')).includes('version-not-provided'));
  assert.ok(!codes(model('v9007199254740993', 'v9007199254740993')).includes('version-not-provided'));
  assert.ok(codes(model('v1.99999999999999999999', 'v1.99999999999999999998')).includes('version-not-provided'));
  assert.ok(!codes(model('v1.0', 'v1')).includes('version-not-provided'), 'v1 is v1.0');
  assert.ok(!codes(model('v01.2', 'v1.2')).includes('version-not-provided'), 'leading zeros do not count');
});

test('versions order numerically, digit strings of any length', () => {
  assert.ok(compareVersionTexts('v9007199254740993', 'v9007199254740992') > 0);
  assert.ok(compareVersionTexts('v1.10', 'v1.9') > 0);
  assert.ok(compareVersionTexts('v2', 'v10') < 0);
  assert.equal(compareVersionTexts('v1', 'v1.0.0'), 0);
  assert.equal(compareVersionTexts('v007', 'v7'), 0);
  assert.ok(compareVersionTexts('v123456789012345678901234567890', 'v123456789012345678901234567891') < 0);
});

test('huge durations print without floating-point noise', () => {
  assert.equal(formatMs(1e40), '1e+37s');
  assert.equal(formatMs(1500), '1.5s');
  assert.equal(formatMs(300), '300ms');
  assert.equal(formatMs(120_000), '2m');
  assert.equal(formatMs(0.1 + 0.2), '0.3ms');
  assert.doesNotMatch(duration(1e40), /0000000/);
  const { diagnostics } = checkSources([
    { file: 'x.seams', text: model('v1', 'v1').replace('timeout 1s', 'timeout 10000000000000000000000000000000000000s') },
  ]);
  for (const d of diagnostics) assert.doesNotMatch(d.message, /0000000000001|e\+\d+\d{5}/, d.message);
});
