/**
 * The signer reuses a file's previous signature only when its diagnostics look
 * the same in the editor: after random edits of a generated workspace, each
 * file's signature equals the one computed from scratch.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Workspace } from '../../server/src/core/check.js';
import { Lines } from '../../server/src/core/text/lines.js';
import { diagnosticSignatures, DiagnosticSigner, groupByFile } from '../../server/src/lsp/diagnostic-signatures.js';
import { generateArchitecture, random } from '../helpers/generate-architecture.js';

test('signatures reused across edits equal signatures computed from scratch', () => {
  const files = generateArchitecture({ services: 120, systemSize: 20, seed: 3, backEdges: 0.1 });
  const ws = new Workspace();
  for (const f of files) ws.set(f.file, f.text);
  const lines = new Lines((file) => ws.text(file));
  const signer = new DiagnosticSigner(lines);
  const rnd = random(11);
  let reusedSome = false;
  let changedSome = false;
  let previous = new Map<string, string>();
  for (let step = 0; step < 40; step++) {
    // As the publisher signs: every file, one at a time, an empty list for a clean one.
    const byFile = groupByFile(ws.check().diagnostics);
    const signed = new Map<string, string>();
    for (const f of files) {
      const list = byFile.get(f.file) ?? [];
      const signature = signer.signFile(f.file, list);
      if (list.length > 0) signed.set(f.file, signature);
    }
    const fresh = diagnosticSignatures(ws.check().diagnostics, lines);
    assert.deepEqual(signed, fresh, `step ${step}`);
    for (const [file, s] of signed) {
      if (previous.get(file) === s) reusedSome = true;
      else if (previous.has(file)) changedSome = true;
    }
    previous = signed;
    // An edit: a line break or spaces inserted, a name typed over, or a call removed, in a random file.
    const f = files[Math.floor(rnd() * files.length)].file;
    const text = ws.text(f)!;
    const at = text.indexOf('\n', Math.floor(rnd() * text.length));
    const edits = [
      () => text.slice(0, at) + '\n' + text.slice(at),
      () => text.slice(0, at) + '   ' + text.slice(at),
      () => text.replace(/owner \S+/, 'owner nobody'),
      () => text.replace(/\n\s*calls [^\n]*/, ''),
    ];
    if (at >= 0) ws.set(f, edits[Math.floor(rnd() * edits.length)]());
  }
  assert.ok(reusedSome && changedSome, 'the edits both kept and changed signatures');
});
