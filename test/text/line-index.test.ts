import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LineIndex } from '../../server/src/core/text/line-index.js';
import { seededRandom } from '../helpers/seeded-random.js';

/** The line starts by the definition, one character at a time: `\n`, `\r\n` and a lone `\r` each end a line. */
function naiveLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\r' && text[i + 1] === '\n') i++;
    if (text[i] === '\n' || text[i] === '\r') starts.push(i + 1);
  }
  return starts;
}

const PIECES = ['a', 'bc', ' ', '\n', '\r', '\r\n', '\n\r', '\u2028', '\t'];

function randomText(rnd: () => number): string {
  let text = '';
  const n = Math.floor(rnd() * 40);
  for (let i = 0; i < n; i++) text += PIECES[Math.floor(rnd() * PIECES.length)];
  return text;
}

describe('LineIndex', () => {
  test('agrees with the definition of a line on seeded texts of every kind of line break', () => {
    const rnd = seededRandom(13);
    for (let t = 0; t < 3000; t++) {
      const text = randomText(rnd);
      const starts = naiveLineStarts(text);
      const index = new LineIndex(text);
      assert.equal(index.lineCount, starts.length, JSON.stringify(text));
      for (let line = 0; line < starts.length; line++) assert.equal(index.lineStart(line), starts[line], JSON.stringify(text));
      for (let offset = -1; offset <= text.length + 1; offset++) {
        const clamped = Math.max(0, Math.min(offset, text.length));
        let line = 0;
        while (line + 1 < starts.length && starts[line + 1] <= clamped) line++;
        assert.deepEqual(index.positionAt(offset), { line, character: clamped - starts[line] }, `${JSON.stringify(text)} at ${offset}`);
        assert.equal(index.lineAt(offset), line);
      }
    }
  });

  test('a break at the very end starts an empty last line; CRLF is one break', () => {
    assert.equal(new LineIndex('a\r\n').lineCount, 2);
    assert.equal(new LineIndex('a\r').lineCount, 2);
    assert.equal(new LineIndex('a\n\r').lineCount, 3);
    assert.equal(new LineIndex('').lineCount, 1);
    const index = new LineIndex('ab\r\ncd\ref\ngh');
    assert.deepEqual(
      [0, 1, 2, 3].map((l) => [index.lineStart(l), index.lineEnd(l)]),
      [
        [0, 2],
        [4, 6],
        [7, 9],
        [10, 12],
      ],
    );
  });
});
