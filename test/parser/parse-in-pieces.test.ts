/**
 * parse.ts lexes a large file piece by piece (cut at line starts) so that its
 * tokens die young. Cutting must change nothing: every file here, and seeded
 * mutations of them that put comments, strings, braces and directives across
 * lines, parses to the same tree and the same diagnostics when cut at every
 * line as when lexed whole.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parseSeams } from '../../server/src/core/syntax/parse.js';
import { generateArchitecture } from '../helpers/generate-architecture.js';
import { seededRandom } from '../helpers/seeded-random.js';

const ROOT = join(import.meta.dirname, '..', '..');
const FOLDERS = ['examples', 'test/parser/fixtures/ok', 'test/parser/fixtures/err', 'test/rules/fixtures', 'test/grammar/fixtures'];

const corpus = FOLDERS.flatMap((dir) =>
  readdirSync(join(ROOT, dir))
    .filter((f) => f.endsWith('.seams'))
    .map((f) => ({ name: `${dir}/${f}`, text: readFileSync(join(ROOT, dir, f), 'utf8') })),
);

/** Fragments that change how the lexer sees what follows: across a line break, some of them. */
const FRAGMENTS = [
  '/*',
  '*/',
  '/* a\nsystem x {\n*/',
  '"',
  '"\\q',
  '{',
  '}',
  '\n}\n',
  '\nsystem s {\n',
  '\nteam t\n',
  '// seams-ignore missing-owner\n',
  '\n// seams-ignore sync-cycle\n',
  '\r\n',
  '\r',
  '\n',
  '@',
  '\uFEFF',
];

function mutate(text: string, seed: number): string {
  const rnd = seededRandom(seed);
  let out = text;
  for (let i = 0; i < 4; i++) {
    const at = Math.floor(rnd() * (out.length + 1));
    out = out.slice(0, at) + FRAGMENTS[Math.floor(rnd() * FRAGMENTS.length)] + out.slice(at);
  }
  return out;
}

function assertCutChangesNothing(text: string, name: string): void {
  const whole = parseSeams(text, name, Infinity);
  const cut = parseSeams(text, name, 1);
  assert.deepEqual(cut, whole);
}

describe('parsing a file cut into pieces', () => {
  test('every example and fixture parses the same cut at every line', () => {
    assert.ok(corpus.length > 20, `only ${corpus.length} files found`);
    for (const f of corpus) assertCutChangesNothing(f.text, f.name);
  });

  test('seeded mutations parse the same cut at every line', () => {
    let seed = 1;
    for (const f of corpus) for (let i = 0; i < 8; i++) assertCutChangesNothing(mutate(f.text, seed++), f.name);
  });

  test('a block comment left open swallows the rest of the file, cut or not', () => {
    const text = 'team a {\n}\n/* open\nsystem s {\n  service x { }\n}\n';
    const parsed = parseSeams(text, 'open.seams', 1);
    assert.deepEqual(parsed, parseSeams(text, 'open.seams', Infinity));
    assert.equal(parsed.ast.declarations.length, 1);
    assert.deepEqual(
      parsed.diagnostics.map((d) => d.message),
      ['this block comment has no closing `*/`'],
    );
  });

  test('a file larger than one piece parses as if whole, at the default piece size', () => {
    const text = generateArchitecture({ services: 1000, callsPerService: 3, seed: 7, backEdges: 0.05 })
      .map((f) => f.text)
      .join('\n// seams-ignore missing-owner\n');
    assert.ok(text.length > 3 * 65536, `${text.length} characters is less than three pieces`);
    assert.deepEqual(parseSeams(text, 'big.seams'), parseSeams(text, 'big.seams', Infinity));
  });
});
