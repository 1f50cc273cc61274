/**
 * Every fix of every rule diagnostic in every fixture, applied to the text and
 * checked again: the diagnostic it repairs is gone and every other diagnostic
 * is still there, unchanged (compared by file, code, severity and message,
 * since the edit moves offsets). A suppression also silences any other
 * diagnostic with the same code starting on the same line; that is allowed.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { describe, test } from 'node:test';
import { checkSources, fixesOf } from '../../server/src/core/check.js';
import { FIXED_CODES, type Diagnostic } from '../../server/src/core/diagnostics.js';
import { LineIndex } from '../../server/src/core/text/line-index.js';
import { applyFix } from './apply-edits.js';
import { FIXTURES, readFixture } from './fixture.js';

const key = (d: Diagnostic) => `${d.location.file} ${d.severity} ${d.code}: ${d.message}`;

function multiset(ds: readonly Diagnostic[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const d of ds) m.set(key(d), (m.get(key(d)) ?? 0) + 1);
  return m;
}

const isRule = (d: Diagnostic) => !(FIXED_CODES as readonly string[]).includes(d.code);

describe('every fix of every fixture', () => {
  for (const name of readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.seams'))
    .sort()) {
    test(name, () => {
      const sources = readFixture(name);
      const checked = checkSources(sources);
      const before = checked.diagnostics;
      let fixes = 0;
      for (const d of before.filter(isRule)) {
        const offered = fixesOf(d, checked.model);
        assert.ok(offered.length > 0, `${key(d)} has no fix (not even the suppression)`);
        assert.ok(offered.filter((f) => f.preferred).length <= 1, `${key(d)} prefers more than one fix`);
        // A copy (as the check worker sends it to the server) gets the same fixes from a model of the same texts.
        const rebuilt = checkSources(sources, { rules: [] }).model;
        assert.deepEqual(fixesOf(structuredClone(d), rebuilt), offered, `${key(d)}: the fixes of a copy differ`);
        for (const fix of offered) {
          fixes++;
          const after = checkSources(applyFix(sources, fix.edits)).diagnostics;
          const suppression = fix.title.startsWith('Suppress ');
          const text = sources.find((s) => s.file === d.location.file)!.text;
          const line = (x: Diagnostic) => new LineIndex(text).positionAt(x.location.start).line;
          // What may disappear: the diagnostic itself, and for a suppression its line's namesakes.
          const gone = suppression
            ? before.filter((x) => x.code === d.code && x.location.file === d.location.file && line(x) === line(d))
            : [d];
          const expected = multiset(before.filter((x) => !gone.includes(x)));
          assert.deepEqual(multiset(after), expected, `fix "${fix.title}" of ${key(d)} in ${name}`);
        }
      }
      assert.ok(fixes > 0 || before.filter(isRule).length === 0);
    });
  }
});
