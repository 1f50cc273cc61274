/**
 * Randomised robustness: thousands of generated and mutated inputs go through
 * the parser and the whole check. Nothing may throw, every call returns, and
 * every diagnostic lies inside its file. Seeded, so a failure is reproducible:
 * the failing input is printed.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkSources, fixesOf, type SourceFile } from '../../server/src/core/check.js';
import { parseSeams } from '../../server/src/core/syntax/parse.js';
import { BACKOFFS, CADENCES, KEYWORDS, RULE_OFF, SEVERITIES, SLO_PERCENTILES, TIERS } from '../../server/src/core/vocabulary.js';
import { generateArchitecture, random } from '../helpers/generate-architecture.js';

// Every keyword and keyword value of the language (from the vocabulary, so new words are
// fuzzed as soon as they exist), then literals, punctuation and names.
const FRAGMENTS = [
  ...KEYWORDS,
  ...TIERS,
  ...CADENCES,
  ...BACKOFFS,
  ...SLO_PERCENTILES,
  ...SEVERITIES,
  RULE_OFF,
  'v1',
  'v2.1',
  '300ms',
  '2s',
  '99.9%',
  '3',
  '0',
  '{',
  '}',
  '{',
  '}',
  '.',
  '"str"',
  '"open',
  'orders',
  'catalog',
  'db',
  '//',
  '// seams-ignore missing-owner',
  '/*',
  '*/',
  '\n',
  '\r\n',
  ' ',
  '\t',
  '\uFEFF',
  '$',
  '-',
  '%',
  '\\',
  '\u00e9',
  '\ud83d\ude80',
];

function assertSane(sources: SourceFile[]): void {
  const result = checkSources(sources);
  const lengths = new Map(sources.map((s) => [s.file, s.text.length]));
  for (const d of result.diagnostics) {
    const len = lengths.get(d.location.file);
    assert.ok(len !== undefined, `diagnostic for unknown file ${d.location.file}`);
    assert.ok(
      d.location.start >= 0 && d.location.start <= d.location.end && d.location.end <= len!,
      `range out of file: ${JSON.stringify(d)}`,
    );
    assert.ok(d.message.length > 0 && d.code.length > 0);
    for (const fix of fixesOf(d, result.model)) {
      for (const e of fix.edits) {
        const flen = lengths.get(e.file);
        assert.ok(flen !== undefined && e.start >= 0 && e.start <= e.end && e.end <= flen, `fix edit out of file: ${JSON.stringify(e)}`);
      }
    }
  }
}

function mutate(text: string, rnd: () => number): string {
  let out = text;
  const edits = 1 + Math.floor(rnd() * 4);
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(rnd() * (out.length + 1));
    const kind = Math.floor(rnd() * 5);
    if (kind === 0)
      out = out.slice(0, at) + out.slice(at + 1 + Math.floor(rnd() * 8)); // delete a few chars
    else if (kind === 1)
      out = out.slice(0, at) + FRAGMENTS[Math.floor(rnd() * FRAGMENTS.length)] + out.slice(at); // insert a fragment
    else if (kind === 2)
      out = out.slice(0, at); // truncate
    else if (kind === 3)
      out = out.slice(0, at) + out.slice(at).replace(/[{}]/, ''); // drop a brace
    else out = out.slice(0, at) + String.fromCharCode(Math.floor(rnd() * 0x3000)) + out.slice(at); // any character
  }
  return out;
}

describe('the parser and checker never throw', () => {
  test('generated architectures parse cleanly and check', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const files = generateArchitecture({ services: 1 + (seed % 25), systemSize: 7, seed, backEdges: 0.2 });
      for (const f of files) {
        assert.deepEqual(parseSeams(f.text, f.file).diagnostics, [], `generated seed ${seed} ${f.file} has syntax errors`);
      }
      assertSane(files);
    }
  });

  test('3,000 mutated architectures', () => {
    const rnd = random(42);
    for (let i = 0; i < 3000; i++) {
      const files = generateArchitecture({ services: 2 + (i % 8), systemSize: 4, seed: i });
      const mutated = files.map((f) => ({ file: f.file, text: rnd() < 0.5 ? mutate(f.text, rnd) : f.text }));
      try {
        assertSane(mutated);
      } catch (e) {
        console.error('failing input:', JSON.stringify(mutated));
        throw e;
      }
    }
  });

  test('2,000 random token soups', () => {
    const rnd = random(7);
    for (let i = 0; i < 2000; i++) {
      const parts: string[] = [];
      const n = Math.floor(rnd() * 60);
      for (let k = 0; k < n; k++) parts.push(FRAGMENTS[Math.floor(rnd() * FRAGMENTS.length)], rnd() < 0.7 ? ' ' : '');
      const text = parts.join('');
      try {
        assertSane([{ file: 'soup.seams', text }]);
      } catch (e) {
        console.error('failing input:', JSON.stringify(text));
        throw e;
      }
    }
  });
});
