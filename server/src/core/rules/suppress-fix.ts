/**
 * The quick fix every rule diagnostic offers: silence this occurrence with a
 * `// seams-ignore <code>` line above the line where it starts, indented like
 * that line. check.ts attaches it after running the rules, so no rule has to.
 */
import type { Diagnostic, Fix } from '../diagnostics.js';
import { indentAt, lineBreakOf, lineStartAt } from './text-layout.js';

export function suppressFix(diagnostic: Diagnostic, text: string): Fix {
  const { file, start } = diagnostic.location;
  // After a leading byte order mark, which must stay the file's first character.
  const at = Math.max(lineStartAt(text, start), text.charCodeAt(0) === 0xfeff ? 1 : 0);
  const newText = `${indentAt(text, start)}// seams-ignore ${diagnostic.code}${lineBreakOf(text)}`;
  return { title: `Suppress ${diagnostic.code} with seams-ignore`, edits: [{ file, start: at, end: at, newText }] };
}
