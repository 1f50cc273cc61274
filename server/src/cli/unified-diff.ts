/**
 * A unified diff (`diff -u` style, 3 lines of context) between two texts of one
 * file, for `seams check --fix-dry-run`. Lines are compared after the common
 * first and last lines are set aside; the middle is matched by a longest common
 * subsequence when it is small enough, and otherwise shown as one replacement
 * (still a correct patch, only a coarser one).
 */
const CONTEXT = 3;
/** Above this many cells the middle is one replacement instead of an LCS table. */
const MAX_TABLE = 4_000_000;

export function unifiedDiff(file: string, before: string, after: string): string {
  if (before === after) return '';
  const a = splitLines(before);
  const b = splitLines(after);
  const ops = diffLines(a, b);
  let out = `--- a/${file}\n+++ b/${file}\n`;
  // Hunks: runs of changes with up to 2×CONTEXT unchanged lines between them.
  let i = 0;
  let oldLine = 1;
  let newLine = 1;
  const positions = ops.map((op) => {
    const at = { old: oldLine, new: newLine };
    if (op.kind !== '+') oldLine++;
    if (op.kind !== '-') newLine++;
    return at;
  });
  while (i < ops.length) {
    if (ops[i].kind === ' ') {
      i++;
      continue;
    }
    let start = Math.max(0, i - CONTEXT);
    while (start > 0 && start < i && ops[start - 1].kind !== ' ') start--;
    let end = i;
    for (;;) {
      while (end < ops.length && ops[end].kind !== ' ') end++;
      let gap = 0;
      while (end + gap < ops.length && ops[end + gap].kind === ' ') gap++;
      if (end + gap < ops.length && gap <= 2 * CONTEXT) end += gap;
      else {
        end = Math.min(ops.length, end + CONTEXT);
        break;
      }
    }
    const hunk = ops.slice(start, end);
    const oldCount = hunk.filter((o) => o.kind !== '+').length;
    const newCount = hunk.filter((o) => o.kind !== '-').length;
    const oldStart = oldCount === 0 ? positions[start].old - 1 : positions[start].old;
    const newStart = newCount === 0 ? positions[start].new - 1 : positions[start].new;
    out += `@@ -${oldStart},${oldCount} +${newStart},${newCount} @@\n`;
    for (const op of hunk) out += `${op.kind}${op.line.text}\n${op.line.eol ? '' : '\\ No newline at end of file\n'}`;
    i = end;
  }
  return out;
}

interface Line {
  text: string;
  /** Whether a line break ends it (the last line of a file may have none). */
  eol: boolean;
}

function splitLines(text: string): Line[] {
  if (text === '') return [];
  const parts = text.split('\n');
  const last = parts.pop()!;
  const lines = parts.map((p) => ({ text: p, eol: true }));
  if (last !== '') lines.push({ text: last, eol: false });
  return lines;
}

const same = (x: Line, y: Line) => x.text === y.text && x.eol === y.eol;

function diffLines(a: Line[], b: Line[]): { kind: ' ' | '-' | '+'; line: Line }[] {
  let head = 0;
  while (head < a.length && head < b.length && same(a[head], b[head])) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && same(a[a.length - 1 - tail], b[b.length - 1 - tail])) tail++;
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  const ops: { kind: ' ' | '-' | '+'; line: Line }[] = a.slice(0, head).map((line) => ({ kind: ' ', line }));
  if (midA.length * midB.length > MAX_TABLE) {
    for (const line of midA) ops.push({ kind: '-', line });
    for (const line of midB) ops.push({ kind: '+', line });
  } else {
    // lcs[i][j]: the longest common subsequence of midA[i..] and midB[j..].
    const n = midA.length;
    const m = midB.length;
    const lcs = new Uint32Array((n + 1) * (m + 1));
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lcs[i * (m + 1) + j] = same(midA[i], midB[j])
          ? lcs[(i + 1) * (m + 1) + j + 1] + 1
          : Math.max(lcs[(i + 1) * (m + 1) + j], lcs[i * (m + 1) + j + 1]);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && same(midA[i], midB[j])) {
        ops.push({ kind: ' ', line: midA[i++] });
        j++;
      } else if (i < n && (j === m || lcs[(i + 1) * (m + 1) + j] >= lcs[i * (m + 1) + j + 1])) ops.push({ kind: '-', line: midA[i++] });
      else ops.push({ kind: '+', line: midB[j++] });
    }
  }
  for (const line of a.slice(a.length - tail)) ops.push({ kind: ' ', line });
  return ops;
}
