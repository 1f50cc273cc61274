/**
 * The LikeC4 export, checked by `likec4 validate` (test/export/likec4-validate.ts):
 * every model in one run of the validator.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exportLikeC4, likec4String } from '../../server/src/core/export/likec4.js';
import { exportModels, modelFromText } from './export-fixtures.js';
import { likec4Titles, validateLikeC4 } from './likec4-validate.js';

const BROKEN = 'specification {\n  element service\n}\nmodel {\n  a = service\n  a -> nowhere\n}\n';

describe('seams export --format likec4', () => {
  const texts = new Map<string, string>();
  for (const { name, model } of exportModels()) texts.set(name, exportLikeC4(model));
  texts.set(
    'reserved words and self-calls',
    exportLikeC4(
      modelFromText(`
system model "it's \\"model\\"" {
  service views { api it v1
    calls views.it v1 { timeout 1s } }
  service specification { calls views.it v1 { timeout 1s } }
  service _1 {}
}
`),
    ),
  );
  texts.set('a deliberately broken model', BROKEN);
  const result = validateLikeC4(texts);

  it(`likec4 validate (${result.version}) rejects the broken model, so it really checks`, () => {
    assert.notEqual(result.status, 0, result.output);
    assert.notDeepEqual(result.errors.get('a deliberately broken model'), [], result.output);
  });

  for (const name of texts.keys()) {
    if (name === 'a deliberately broken model') continue;
    it(`likec4 validate accepts the export of ${name}`, () => {
      assert.deepEqual(result.errors.get(name), [], `${result.errors.get(name)?.join('\n')}\n${texts.get(name)}`);
    });
  }

  it('LikeC4 reads every title of the odd-names export back as written', () => {
    const odd = exportModels().find((m) => m.name === 'odd-names.seams');
    assert.ok(odd);
    const titles = likec4Titles(exportLikeC4(odd.model));
    for (const service of odd.model.services.values()) {
      assert.ok(titles.elements.includes(service.title || service.name), service.title || service.name);
    }
    for (const system of odd.model.systems.values()) assert.ok(titles.elements.includes(system.title || system.name));
    assert.ok(titles.relations.includes('label v1'));
  });

  it('quotes titles with single quotes, escaping quote and backslash', () => {
    assert.equal(likec4String('it\'s a \\ "b"'), "'it\\'s a \\\\ \"b\"'");
  });

  it('writes systems, services, stores, relationship kinds and a view per system', () => {
    const text = exportLikeC4(
      modelFromText(`
system shop "Shop" {
  service orders { store orders-db postgres
    api orders-api v1
    event placed v2
    calls billing.invoice-api v1 { timeout 1s } }
  service billing { api invoice-api v1
    subscribes orders.placed v2 }
}
`),
    );
    assert.match(text, /^ {2}shop = system 'Shop' \{$/m);
    assert.match(text, /^ {4}orders-db = store 'orders-db' \{\n {6}technology 'postgres'\n {4}\}$/m);
    assert.match(text, /^ {2}shop\.orders -\[calls\]-> shop\.billing 'invoice-api v1'$/m);
    assert.match(text, /^ {2}shop\.orders -\[event\]-> shop\.billing 'placed v2'$/m);
    assert.match(text, /^ {2}shop\.orders -\[store\]-> shop\.orders-db$/m);
    assert.match(text, /^ {2}view system_shop of shop \{$/m);
  });
});
