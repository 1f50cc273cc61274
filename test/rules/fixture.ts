/**
 * Annotated rule fixtures: the one helper every rule test goes through.
 *
 * A fixture is a `.seams` text (usually test/rules/fixtures/<name>.seams) whose
 * expected diagnostics are written under the offending text as comments:
 *
 *     service web {
 *       calls orders
 *   //  ^^^^^^^^^^^^ warning implicit-contract: web calls orders without naming one of its apis
 *     }
 *
 * - An annotation is a line comment whose first non-blank character after `//`
 *   is `^`. The carets sit under the nearest line above that is not itself an
 *   annotation: the first caret is the diagnostic's start column and the number
 *   of carets its length (to the end of that line when the range goes on).
 * - After the carets: the severity, the code, a colon and the exact message.
 * - `//- name.seams` on a line of its own starts another file of the same model
 *   (text before the first such line belongs to `fixture.seams`).
 * - Lines that annotate nothing are ordinary comments: the model ignores them.
 *
 * `checkFixture` runs the real `checkSources` (all registered rules, rules{}
 * settings, seams-ignore) and compares the FULL set of diagnostics of every file
 * with the annotations: none missing, none extra.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkSources, type CheckResult, type SourceFile } from '../../server/src/core/check.js';
import type { Diagnostic } from '../../server/src/core/diagnostics.js';
import { LineIndex } from '../../server/src/core/text/line-index.js';

export const FIXTURES = join(import.meta.dirname, 'fixtures');

const ANNOTATION = /^\s*\/\/(\s*)(\^+)\s+(error|warning|info|hint)\s+([a-z][a-z0-9-]*):\s(.*?)\s*$/;
const FILE_MARK = /^\/\/- (\S+)\s*$/;

/** Splits a fixture text into the files of its model. */
export function fixtureSources(text: string, firstName = 'fixture.seams'): SourceFile[] {
  const files: SourceFile[] = [];
  let name = firstName;
  let lines: string[] = [];
  const flush = () => {
    if (lines.length > 0 || files.length === 0) files.push({ file: name, text: lines.join('\n') });
  };
  for (const line of text.split('\n')) {
    const mark = FILE_MARK.exec(line);
    if (mark) {
      if (lines.some((l) => l.trim() !== '')) flush();
      name = mark[1];
      lines = [];
    } else lines.push(line);
  }
  flush();
  return files.filter((f) => f.text.trim() !== '' || files.length === 1);
}

/** The annotations of one file, as comparable strings. */
export function expectedOf(source: SourceFile): string[] {
  const lines = source.text.split('\n');
  const out: string[] = [];
  let target = -1;
  lines.forEach((line, i) => {
    const m = ANNOTATION.exec(line);
    if (!m) {
      target = i;
      return;
    }
    assert.ok(target >= 0, `${source.file}:${i + 1}: an annotation with no line above it`);
    const column = line.indexOf('^');
    out.push(`${source.file}:${target + 1}:${column + 1}+${m[2].length} ${m[3]} ${m[4]}: ${m[5]}`);
  });
  return out;
}

/** A diagnostic in the annotation's terms: its first line only. */
export function describe(d: Diagnostic, sources: readonly SourceFile[]): string {
  const text = sources.find((s) => s.file === d.location.file)?.text ?? '';
  const index = new LineIndex(text);
  const start = index.positionAt(d.location.start);
  const end = index.positionAt(d.location.end);
  const endColumn = end.line === start.line ? end.character : index.lineEnd(start.line) - index.lineStart(start.line);
  return `${d.location.file}:${start.line + 1}:${start.character + 1}+${Math.max(1, endColumn - start.character)} ${d.severity} ${d.code}: ${d.message}`;
}

export function readFixture(name: string): SourceFile[] {
  return fixtureSources(readFileSync(join(FIXTURES, name), 'utf8'));
}

/** Checks the fixture's model and asserts that its diagnostics are exactly the annotated ones. */
export function checkFixture(sources: readonly SourceFile[]): CheckResult {
  const result = checkSources(sources);
  const actual = result.diagnostics.map((d) => describe(d, sources)).sort();
  const expected = sources.flatMap(expectedOf).sort();
  assert.deepEqual(actual, expected);
  return result;
}
