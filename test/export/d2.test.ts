/** The D2 export, checked by D2's own compiler (test/export/d2-validate.ts). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { d2String, exportD2 } from '../../server/src/core/export/d2.js';
import { validateD2 } from './d2-validate.js';
import { exportModels, modelFromText } from './export-fixtures.js';

describe('seams export --format d2', () => {
  it('the validator really rejects broken D2', async () => {
    assert.equal((await validateD2('a -> b: "${missing}"')).ok, false);
    assert.equal((await validateD2('a.style: red')).ok, false);
    assert.equal((await validateD2('a: {')).ok, false);
  });

  for (const { name, model } of exportModels()) {
    it(`D2 compiles the export of ${name}, with every service, store and line`, async () => {
      const verdict = await validateD2(exportD2(model));
      assert.ok(verdict.ok, verdict.ok ? '' : verdict.error);
      const shapes = model.services.size + model.stores.size + model.systems.size;
      assert.equal(verdict.children, shapes);
      // Labels keep their text: D2 reads back every title exactly as written.
      for (const service of model.services.values()) {
        assert.ok(verdict.labels.includes(service.title || service.name), service.title || service.name);
      }
      for (const system of model.systems.values()) assert.ok(verdict.labels.includes(system.title || system.name));
    });
  }

  it('quotes keys and labels, escaping what D2 reads inside quotes', () => {
    assert.equal(d2String('a "b" \\ ${c}'), '"a \\"b\\" \\\\ \\${c}"');
  });

  it('maps names D2 reserves and keeps them as labels', async () => {
    const text = exportD2(
      modelFromText(`
system style {
  service label { calls shape }
  service shape "Shape \\"quoted\\" \${x}" {}
}
`),
    );
    assert.match(text, /^"style_2": "style" \{$/m);
    assert.match(text, /^ {2}"label_2": "label"$/m);
    assert.match(text, /^ {2}"shape_2": "Shape \\"quoted\\" \\\$\{x\}"$/m);
    assert.match(text, /^"style_2"\."label_2" -> "style_2"\."shape_2"$/m);
    const verdict = await validateD2(text);
    assert.ok(verdict.ok, verdict.ok ? '' : verdict.error);
  });
});
