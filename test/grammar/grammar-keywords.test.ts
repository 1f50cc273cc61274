// The grammar and the parser agree on the keywords: every keyword the lexer
// knows is coloured as one, and none is taken for an optional trailing name.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { KEYWORDS } from '../../server/src/core/syntax/tokens.js';
import { scopesAt } from './scope-assertions.js';
import { scopesOf, tokenize } from './tokenizer.js';

const isKeywordScope = (s: string) => s.startsWith('keyword.');

test('the parser has the keywords the grammar colours', () => {
  assert.equal(KEYWORDS.length, 24, KEYWORDS.join(' '));
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
