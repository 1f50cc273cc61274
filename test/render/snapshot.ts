/**
 * Text snapshots in test/render/__snapshots__. A mismatch fails; snapshots are
 * written only when UPDATE_SNAPSHOTS=1 is set (never silently, never on CI).
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const DIR = join(import.meta.dirname, '__snapshots__');

export function matchSnapshot(name: string, actual: string): void {
  const file = join(DIR, name);
  if (process.env.UPDATE_SNAPSHOTS === '1') {
    mkdirSync(DIR, { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  assert.ok(existsSync(file), `snapshot ${name} is missing; run with UPDATE_SNAPSHOTS=1 to write it`);
  assert.equal(actual, readFileSync(file, 'utf8'), `snapshot ${name} differs; run with UPDATE_SNAPSHOTS=1 if the change is intended`);
}
