// The grammar and the parser agree on the keywords: every keyword the lexer
// knows is coloured as one, and none is taken for an optional trailing name.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KEYWORDS } from '../../server/src/core/syntax/tokens.js';
import {
  BACKOFFS,
  CADENCES,
  DECLARATION_KEYWORDS,
  KEYWORDS as VOCABULARY_KEYWORDS,
  SLO_PERCENTILES,
  TIERS,
} from '../../server/src/core/vocabulary.js';
import { scopesAt } from './scope-assertions.js';
import { scopesOf, tokenize } from './tokenizer.js';

const isKeywordScope = (s: string) => s.startsWith('keyword.');

test('the parser has the keywords of the vocabulary', () => {
  assert.deepEqual([...KEYWORDS], [...VOCABULARY_KEYWORDS]);
});

test("every keyword list in the grammar is the vocabulary's, and every tier value is coloured", () => {
  const raw = readFileSync(join(import.meta.dirname, '../../syntaxes/seams.tmLanguage.json'), 'utf8');
  // The grammar spells the keywords out as one alternation wherever a name must not be a keyword.
  // The rules block ends before a line that starts a declaration: that list is the declaration keywords.
  const lists = [...raw.matchAll(/\(\?:(team\|[a-z|-]+)\)/g)].map((m) => m[1].split('|'));
  const declarations = lists.filter((l) => !l.includes('defaults'));
  const all = lists.filter((l) => l.includes('defaults'));
  assert.ok(all.length >= 4 && declarations.length >= 1, 'the grammar has its keyword lists');
  for (const list of all) assert.deepEqual(list.sort(), [...VOCABULARY_KEYWORDS].sort());
  for (const list of declarations) assert.deepEqual(list.sort(), [...DECLARATION_KEYWORDS].sort());
  assert.ok(raw.includes(`(${TIERS.join('|')})`), 'the tier values');
  assert.ok(raw.includes(`(${CADENCES.join('|')})`), 'the cadence values');
  assert.ok(raw.includes(`(${BACKOFFS.join('|')})`), 'the backoff values');
  assert.ok(raw.includes(`(${SLO_PERCENTILES.join('|')})`), 'the percentiles');
});

for (const word of KEYWORDS) {
  test(`keyword ${word} is coloured as a keyword where it belongs, and never as a trailing name`, async () => {
    // `max` only means something inside a rules block; every other keyword stands on its own.
    const where = word === 'max' ? `rules {\n  ${word}\n}` : `  ${word}`;
    assert.ok(scopesOf(await tokenize(where), word).some(isKeywordScope), `${word} alone`);

    const trailing = await tokenize(`store s ${word}\napi a v1 ${word}\ncompliance pci ${word}\n`);
    for (let i = 0; i < 3; i += 1) {
      const scopes = scopesOf(trailing, word, i);
      assert.ok(!scopes.includes('support.type.store-kind.seams'), `store kind ${word}`);
      assert.ok(!scopes.includes('support.type.protocol.seams'), `api protocol ${word}`);
      assert.ok(!scopes.includes('constant.other.compliance-tag.seams'), `compliance tag ${word}`);
    }
  });

  test(`keyword ${word} is a name where a name is required, and stays whole in kebab names`, async () => {
    const tokens = await tokenize(`service ${word} {\n  store ${word}-db\n  calls ${word}.x-${word}\n}\n`);
    const at = (line: number, column: number) => scopesAt(tokens, line, column) ?? [];
    assert.ok(at(0, 8).includes('entity.name.type.service.seams'), `service ${word}`);
    assert.ok(scopesOf(tokens, `${word}-db`).includes('entity.name.variable.store.seams'), `${word}-db`);
    assert.ok(at(2, 8).includes('variable.other.reference.service.seams'), `calls ${word}`);
    assert.ok(scopesOf(tokens, `x-${word}`).includes('variable.other.reference.api.seams'), `x-${word}`);
  });
}
