/**
 * Per-file signatures of diagnostics: everything of them that shows in the
 * editor, as one string per file. Computed once after each check, so the
 * publisher only compares strings to decide which files to publish again.
 *
 * Ranges are written as lines and columns, as the editor receives them, not as
 * offsets: typing on a line of one file shifts the offsets of everything after
 * it, and with them the related locations that other files point there, but
 * moves no line/column outside that line. Offsets would make every file that
 * points into the edited one look changed, and each keystroke re-send them all.
 */
import type { Diagnostic, Location } from '../core/diagnostics.js';
import type { LineIndex } from '../core/text/line-index.js';
import type { Lines } from '../core/text/lines.js';

/** `lines`: line indexes of the texts the diagnostics were computed from. */
export function diagnosticSignatures(diagnostics: readonly Diagnostic[], lines: Lines): Map<string, string> {
  // Built by concatenation (one string per file, no intermediate arrays): at
  // 10,000 services a check has some 30,000 diagnostics with 50,000 related
  // locations, and this runs on the thread that answers requests.
  let file = '';
  let index: LineIndex | undefined;
  const range = (at: Location): string => {
    if (at.file !== file || !index) {
      file = at.file;
      index = lines.of(file);
    }
    const s = index.positionAt(at.start);
    const e = index.positionAt(at.end);
    return `${s.line}:${s.character}-${e.line}:${e.character}`;
  };
  // Strings that may hold anything are written with their length first, so no two lists sign alike.
  const str = (x: string) => `${x.length}:${x}`;
  const out = new Map<string, string>();
  for (const d of diagnostics) {
    let row = `${d.code}|${d.severity}|${range(d.location)}|${str(d.message)}|${d.tags?.join(',') ?? ''}`;
    for (const r of d.related ?? []) row += `|${str(r.location.file)}${range(r.location)}${str(r.message)}`;
    const owner = d.location.file;
    const before = out.get(owner);
    out.set(owner, before === undefined ? row : `${before}\n${row}`);
  }
  return out;
}

/**
 * Signs each file's diagnostics, reusing that file's previous signature when its
 * list is unchanged: the same diagnostics at the same lines and columns. Where
 * a text is unchanged, equal offsets are enough; only ranges in edited files
 * are converted (in the old and the new text) to compare. After a keystroke
 * that is a few binary searches instead of converting and writing out every
 * range of every file.
 *
 * One file at a time (`signFile`), so the publisher can sign, send and pause
 * file by file, and stop half-way when a text changes: each file's entry keeps
 * the line indexes it was signed against, so files signed in different checks
 * compare correctly.
 */
export class DiagnosticSigner {
  private previous = new Map<string, { list: readonly Diagnostic[]; signature: string; indexes: Map<string, LineIndex> }>();

  constructor(private readonly lines: Lines) {}

  /** The signature of `file`'s diagnostics now (`list`: all of them, in order). */
  signFile(file: string, list: readonly Diagnostic[]): string {
    const before = this.previous.get(file);
    // The line index of every file the list points into, as it is now.
    const indexes = new Map<string, LineIndex>();
    const indexOf = (f: string) => {
      let index = indexes.get(f);
      if (!index) indexes.set(f, (index = this.lines.of(f)));
      return index;
    };
    const sameRange = (a: Location, b: Location): boolean => {
      const index = indexOf(b.file);
      const old = before?.indexes.get(b.file);
      if (index === old) return a.start === b.start && a.end === b.end;
      return !!old && samePosition(old, a.start, index, b.start) && samePosition(old, a.end, index, b.end);
    };
    const same = before !== undefined && sameDiagnostics(before.list, list, sameRange);
    const signature = same ? before.signature : (diagnosticSignatures(list, this.lines).get(file) ?? '');
    if (!same) {
      // Every file the new signature depends on is remembered as it is now.
      indexes.clear();
      for (const d of list) {
        indexOf(d.location.file);
        for (const r of d.related ?? []) indexOf(r.location.file);
      }
    }
    if (list.length === 0) this.previous.delete(file);
    else this.previous.set(file, { list, signature, indexes: same ? before.indexes : indexes });
    return signature;
  }
}

/** Diagnostics by the file they are in, each list in the order given. */
export function groupByFile(diagnostics: readonly Diagnostic[]): Map<string, Diagnostic[]> {
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const list = byFile.get(d.location.file);
    if (list) list.push(d);
    else byFile.set(d.location.file, [d]);
  }
  return byFile;
}

function samePosition(a: LineIndex, x: number, b: LineIndex, y: number): boolean {
  const p = a.positionAt(x);
  const q = b.positionAt(y);
  return p.line === q.line && p.character === q.character;
}

/** Equal lists: the same diagnostics, in the same order, at the same places (`sameRange`). */
function sameDiagnostics(a: readonly Diagnostic[], b: readonly Diagnostic[], sameRange: (a: Location, b: Location) => boolean): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (
      x.code !== y.code ||
      x.severity !== y.severity ||
      x.message !== y.message ||
      (x.tags ?? []).join() !== (y.tags ?? []).join() ||
      !sameRange(x.location, y.location)
    )
      return false;
    const xr = x.related ?? [];
    const yr = y.related ?? [];
    if (xr.length !== yr.length) return false;
    for (let j = 0; j < xr.length; j++) {
      const p = xr[j];
      const q = yr[j];
      if (p.location.file !== q.location.file || p.message !== q.message || !sameRange(p.location, q.location)) return false;
    }
  }
  return true;
}
