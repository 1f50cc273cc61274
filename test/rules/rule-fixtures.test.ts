/**
 * Every fixture in test/rules/fixtures/ checks to exactly its annotated
 * diagnostics (see fixture.ts for the annotation scheme), and every rule has a
 * fixture named for its code in which it fires.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { describe, test } from 'node:test';
import { RULES } from '../../server/src/core/rules/registry.js';
import { checkFixture, expectedOf, FIXTURES, readFixture } from './fixture.js';

const names = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.seams'))
  .sort();

describe('rule fixtures', () => {
  for (const name of names) {
    test(name, () => {
      checkFixture(readFixture(name));
    });
  }

  test('every rule has its own fixture, in which it fires', () => {
    for (const rule of RULES) {
      assert.ok(names.includes(`${rule.code}.seams`), `no fixture ${rule.code}.seams`);
      const annotated = readFixture(`${rule.code}.seams`).flatMap(expectedOf);
      assert.ok(
        annotated.some((a) => a.includes(` ${rule.code}: `)),
        `${rule.code} never fires in its fixture`,
      );
    }
  });
});
