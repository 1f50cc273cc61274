/**
 * A rename never corrupts a file and never changes what the model means:
 * - a closed file that changed on disk (no file event reached the server) is
 *   read again before the edits are computed, so they land on the right text;
 * - with `workspaceEdit.documentChanges` the answer is versioned
 *   `documentChanges` (open documents carry their version, closed files null);
 * - a new name that an unresolved reference already uses is refused, saying why;
 * - `newName: null` is an invalid-params error, never `"newText": null`.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { RenameRequest, type TextDocumentEdit, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver-protocol/node.js';
import { applyEdits, LspSession, positionOf, tempWorkspace } from './lsp-session.js';

const SHOP = `team shop-team { oncall "#shop" }

service shop {
  owner shop-team
  api shop-api v1
  calls catalog
}
`;
const ORDERS = `service orders {
  owner shop-team
  calls shop.shop-api v1 { timeout 1s circuit-breaker }
}
`;

let ws: { folder: string; remove: () => void };
let lsp: LspSession;

before(async () => {
  ws = tempWorkspace(false);
  writeFileSync(join(ws.folder, 'shop.seams'), SHOP);
  writeFileSync(join(ws.folder, 'orders.seams'), ORDERS);
  lsp = await LspSession.start(ws.folder, { documentChanges: true });
  await lsp.next(() => true, 'first diagnostics');
});

after(async () => {
  await lsp?.stop();
  ws?.remove();
});

/** The edits of a workspace edit by URI, from `documentChanges` (asserting it is used). */
function editsByUri(edit: WorkspaceEdit | null): Map<string, { version: number | null; edits: TextEdit[] }> {
  assert.ok(edit, 'a workspace edit');
  assert.equal(edit.changes, undefined, 'versioned documentChanges, not changes');
  assert.ok(Array.isArray(edit.documentChanges));
  const out = new Map<string, { version: number | null; edits: TextEdit[] }>();
  for (const change of edit.documentChanges as TextDocumentEdit[]) {
    out.set(change.textDocument.uri, { version: change.textDocument.version, edits: change.edits as TextEdit[] });
  }
  return out;
}

test('a closed file changed on disk is read again before a rename edits it', async () => {
  const shopUri = await lsp.open('shop.seams', SHOP);
  // orders.seams changes on disk and no file event tells the server (no watcher registered).
  const changed = `// Orders: the shop team's second service.\n// It calls the shop synchronously.\n${ORDERS}`;
  writeFileSync(join(ws.folder, 'orders.seams'), changed);

  const edit = await lsp.connection.sendRequest(RenameRequest.type, {
    textDocument: { uri: shopUri },
    position: positionOf(SHOP, 'service shop', 'service '.length + 1),
    newName: 'storefront',
  });
  const byUri = editsByUri(edit);
  assert.equal(byUri.get(shopUri)?.version, 1, 'the open document carries its version');
  const orders = byUri.get(lsp.uri('orders.seams'));
  assert.ok(orders, 'orders.seams is edited');
  assert.equal(orders.version, null, 'a closed file has no version');
  const onDisk = readFileSync(join(ws.folder, 'orders.seams'), 'utf8');
  assert.equal(applyEdits(onDisk, orders.edits), changed.replace('calls shop.', 'calls storefront.'));
  await lsp.close(shopUri);
});

test('a new name that an unresolved reference uses is refused, saying why', async () => {
  const shopUri = await lsp.open('shop.seams', SHOP);
  await assert.rejects(
    lsp.connection.sendRequest(RenameRequest.type, {
      textDocument: { uri: shopUri },
      position: positionOf(SHOP, 'service shop', 'service '.length + 1),
      newName: 'catalog',
    }),
    (e: Error) => {
      assert.match(e.message, /^Cannot rename: /);
      assert.match(e.message, /catalog/);
      assert.match(e.message, /already refer|already use/);
      return true;
    },
  );
  // The same for a contract: `calls shop.shop-api` exists; renaming another api of shop to shop-api clashes
  // with the definition, and renaming to a name only a reference uses clashes with the reference.
  await lsp.close(shopUri);
});

test('newName null is an invalid-params error, never an edit with null text', async () => {
  const shopUri = await lsp.open('shop.seams', SHOP);
  for (const newName of [null, 42, undefined]) {
    await assert.rejects(
      lsp.connection.sendRequest('textDocument/rename', {
        textDocument: { uri: shopUri },
        position: positionOf(SHOP, 'service shop', 'service '.length + 1),
        newName,
      }),
      (e: Error & { code?: number }) => {
        assert.equal(e.code, -32602, `newName ${String(newName)}: ${e.message}`);
        assert.match(e.message, /newName/);
        return true;
      },
    );
  }
  await lsp.close(shopUri);
  assert.equal(lsp.child.exitCode, null, 'the server is still running');
});
