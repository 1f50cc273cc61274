/**
 * Parser fixtures: every file in fixtures/ok must parse with no syntax
 * diagnostic; every file in fixtures/err must produce exactly the recovered
 * declarations and diagnostics of its `.expected` baseline.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parseSeams } from '../../server/src/core/syntax/parse.js';
import { describeParse } from '../helpers/describe-parse.js';

const fixtures = join(import.meta.dirname, 'fixtures');
const seamsFiles = (dir: string) => readdirSync(join(fixtures, dir)).filter((f) => f.endsWith('.seams'));

describe('parser fixtures that must parse', () => {
  for (const name of seamsFiles('ok')) {
    test(name, () => {
      const text = readFileSync(join(fixtures, 'ok', name), 'utf8');
      const { diagnostics } = parseSeams(text, name);
      assert.deepEqual(
        diagnostics.map((d) => d.message),
        [],
      );
    });
  }
});

describe('parser fixtures that must fail', () => {
  for (const name of seamsFiles('err')) {
    test(name, () => {
      const text = readFileSync(join(fixtures, 'err', name), 'utf8');
      const expected = readFileSync(join(fixtures, 'err', name.replace(/\.seams$/, '.expected')), 'utf8');
      assert.equal(describeParse(text), expected);
    });
  }
});
