/**
 * Foldable regions of a file as offsets: every braced block (team, system,
 * service, library, defaults, policy, rules) and every run of two or more consecutive
 * line comments or a block comment. The editor layer turns them into lines and
 * drops those that fit on one line.
 */
import type * as ast from '../syntax/ast.js';

export interface FoldRegion {
  /** Offset of the opening brace or of the first comment. */
  start: number;
  /** Offset of the closing brace, or the end of the last comment. */
  end: number;
  kind: 'block' | 'comment';
}

export function foldingRegions(file: ast.SeamsFile): FoldRegion[] {
  const out: FoldRegion[] = [];
  const block = (b: ast.Braces | undefined, fallbackEnd: number) => {
    if (b) out.push({ start: b.open.start, end: b.close?.start ?? fallbackEnd, kind: 'block' });
  };
  const policy = (p: ast.Policy | undefined) => p && block(p.braces, p.end);
  const service = (s: ast.ServiceDecl) => {
    block(s.braces, s.end);
    for (const x of s.defaults) policy(x.policy);
    for (const m of s.members) if (m.kind === 'calls') policy(m.policy);
  };
  for (const d of file.declarations) {
    if (d.kind === 'system') {
      block(d.braces, d.end);
      for (const x of d.defaults) policy(x.policy);
      for (const s of d.services) service(s);
    } else if (d.kind === 'service') service(d);
    else block(d.braces, d.end);
  }

  // Consecutive line comments (nothing but whitespace between them, one per line) fold together.
  let run: ast.Comment[] = [];
  const flush = () => {
    if (run.length >= 2) out.push({ start: run[0].start, end: run[run.length - 1].end, kind: 'comment' });
    run = [];
  };
  for (const c of file.comments) {
    if (c.kind === 'block') {
      flush();
      if (/[\r\n]/.test(c.text)) out.push({ start: c.start, end: c.end, kind: 'comment' });
      continue;
    }
    const prev = run[run.length - 1];
    const between = prev ? file.text.slice(prev.end, c.start) : '';
    if (prev && !/^[ \t]*(\r\n|\r|\n)[ \t]*$/.test(between)) flush();
    run.push(c);
  }
  flush();
  return out.sort((a, b) => a.start - b.start);
}
