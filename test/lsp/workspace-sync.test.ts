/**
 * The language server's workspace model through the protocol: files read at
 * start, diagnostics across files, unsaved text winning over disk and falling
 * back on close, and files created and deleted on disk.
 */
import assert from 'node:assert/strict';
import { existsSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  DiagnosticSeverity,
  DidChangeWorkspaceFoldersNotification,
  FileChangeType,
  HoverRequest,
} from 'vscode-languageserver-protocol/node.js';
import { LspSession, SERVER, tempWorkspace } from './lsp-session.js';

if (!existsSync(SERVER)) throw new Error('dist/server.cjs is missing: run `node esbuild.mjs` first (npm test does).');

const ORDERS = `team shop-team { oncall "#shop" }

service orders {
  owner shop-team
  api orders-api v1
  calls billing.invoice-api v1 { timeout 1s circuit-breaker }
}
`;
const BILLING = `service billing {
  owner shop-team
  api invoice-api v1 v2
}
`;

let ws: { folder: string; remove: () => void };
let lsp: LspSession;

before(async () => {
  ws = tempWorkspace(false);
  writeFileSync(join(ws.folder, 'orders.seams'), ORDERS);
  writeFileSync(join(ws.folder, 'billing.seams'), BILLING);
  // Not part of the model: dependencies and dot-folders are skipped.
  for (const skipped of ['node_modules', '.git']) {
    const dir = join(ws.folder, skipped);
    (await import('node:fs')).mkdirSync(dir);
    writeFileSync(join(dir, 'x.seams'), 'service orders {}\n');
  }
  lsp = await LspSession.start(ws.folder);
});

after(async () => {
  await lsp?.stop();
  ws?.remove();
});

const codes = (ds: { code?: string | number }[]) => ds.map((d) => d.code).sort();

test('initialize announces the features', () => {
  const caps = lsp.initializeResult!.capabilities;
  for (const key of [
    'completionProvider',
    'hoverProvider',
    'definitionProvider',
    'referencesProvider',
    'renameProvider',
    'documentSymbolProvider',
    'workspaceSymbolProvider',
    'foldingRangeProvider',
    'semanticTokensProvider',
    'documentFormattingProvider',
    'codeActionProvider',
  ] as const) {
    assert.ok(caps[key], `${key} is announced`);
  }
});

test('an edit in one file re-publishes the diagnostics of the file it affects', async () => {
  const billing = await lsp.open('billing.seams');
  const orders = lsp.uri('orders.seams');
  // Renaming the api away breaks the reference in the other (unopened) file.
  const broken = lsp.until(orders, (d) => codes(d).includes('unresolved-reference'));
  await lsp.change(billing, [{ range: { start: { line: 2, character: 6 }, end: { line: 2, character: 17 } }, text: 'bill-api' }]);
  const diags = await broken;
  const unresolved = diags.find((d) => d.code === 'unresolved-reference')!;
  assert.match(unresolved.message, /billing has no api named invoice-api/);
  assert.equal(unresolved.severity, DiagnosticSeverity.Error);
  assert.deepEqual(unresolved.range, { start: { line: 5, character: 16 }, end: { line: 5, character: 27 } });

  // Undoing the edit clears the other file again (an empty publish, not silence).
  const cleared = lsp.until(orders, (d) => !codes(d).includes('unresolved-reference'), 'orders cleared');
  await lsp.change(billing, [{ range: { start: { line: 2, character: 6 }, end: { line: 2, character: 14 } }, text: 'invoice-api' }]);
  await cleared;
});

test('a duplicate across two files points at the other file as related information', async () => {
  const billing = lsp.uri('billing.seams');
  const orders = lsp.uri('orders.seams');
  // Whichever file the model reads second holds the duplicate; the related location names the other.
  const dup = lsp.next((p) => (p.uri === billing || p.uri === orders) && codes(p.diagnostics).includes('duplicate-definition'));
  await lsp.change(billing, [{ range: { start: { line: 0, character: 8 }, end: { line: 0, character: 15 } }, text: 'orders' }]);
  const published = await dup;
  const d = published.diagnostics.find((x) => x.code === 'duplicate-definition')!;
  assert.match(d.message, /service orders is already defined/);
  const other = published.uri === billing ? orders : billing;
  assert.equal(d.relatedInformation?.[0].location.uri, other);
  assert.equal(d.relatedInformation?.[0].location.range.start.line, other === orders ? 2 : 0);
  const fixed = lsp.until(orders, (x) => x.length === 0, 'orders clean');
  await lsp.change(billing, [{ range: { start: { line: 0, character: 8 }, end: { line: 0, character: 14 } }, text: 'billing' }]);
  await fixed;
});

test('typing in one file re-sends another file only when its related ranges really moved', async () => {
  // Each file's shared-database warning points at the other file's store line.
  const left = await lsp.open('left.seams', 'service left-svc {\n  owner shop-team\n  store common-db postgres\n}\n');
  const right = await lsp.open('right.seams', '// notes\nservice right-svc {\n  owner shop-team\n  store common-db postgres\n}\n');
  const relatedLine = async () => {
    const [d] = await lsp.until(left, (ds) => ds.some((x) => x.code === 'shared-database'));
    return d.relatedInformation?.[0].location.range.start.line;
  };
  assert.equal(await relatedLine(), 3);
  // Settled: the check of both opened files is out, and nothing else is pending. The publishes
  // of one check are written together, before the answer to any later request.
  await lsp.until(right, (ds) => ds.some((x) => x.code === 'shared-database'));
  let version = 1;
  const publishedBy = async (edit: () => Promise<void>, what: string): Promise<string[]> => {
    const from = lsp.published.length;
    // The check of this very edit: publishes carry the document version they were computed for.
    const expected = ++version;
    const edited = lsp.next((p) => p.uri === right && p.version === expected, what);
    await edit();
    await edited;
    await lsp.connection.sendRequest(HoverRequest.type, { textDocument: { uri: right }, position: { line: 0, character: 0 } });
    return lsp.published.slice(from).map((p) => p.uri);
  };

  // Within line 0 of right.seams: every offset after it moves, but no line or column in left's ranges.
  const typed = await publishedBy(
    () => lsp.change(right, [{ range: { start: { line: 0, character: 8 }, end: { line: 0, character: 8 } }, text: 's' }]),
    'typed',
  );
  assert.deepEqual(typed, [right], 'only the edited file is re-sent');

  // A new line above the store moves left's related range down a line: left is re-sent with it.
  const newline = await publishedBy(
    () => lsp.change(right, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n' }]),
    'newline',
  );
  assert.deepEqual(newline.sort(), [left, right].sort());
  assert.equal(await relatedLine(), 4);
  // Never saved: closing them takes them out of the model and clears what they showed.
  const cleared = Promise.all([left, right].map((uri) => lsp.next((p) => p.uri === uri && p.diagnostics.length === 0, 'cleared on close')));
  await lsp.close(left);
  await lsp.close(right);
  await cleared;
});

test('closing a document falls back to the text on disk', async () => {
  const billing = lsp.uri('billing.seams');
  const orders = lsp.uri('orders.seams');
  const broken = lsp.until(orders, (d) => d.length > 0, 'unsaved break shows');
  await lsp.change(billing, [{ range: { start: { line: 0, character: 8 }, end: { line: 0, character: 15 } }, text: 'payments' }]);
  await broken;
  const restored = lsp.until(orders, (d) => d.length === 0, 'disk text restored on close');
  await lsp.close(billing);
  await restored;
});

test('files created and deleted on disk join and leave the model', async () => {
  const orders = lsp.uri('orders.seams');
  // A second definition of billing in a new file: a duplicate in the new file.
  const extra = join(ws.folder, 'sub', 'extra.seams');
  (await import('node:fs')).mkdirSync(join(ws.folder, 'sub'));
  writeFileSync(extra, 'service billing {\n  owner shop-team\n}\n');
  const extraUri = lsp.uri('sub/extra.seams');
  const dup = lsp.until(extraUri, (d) => codes(d).includes('duplicate-definition'), 'created file checked');
  await lsp.watched([{ uri: extraUri, type: FileChangeType.Created }]);
  await dup;

  // A change on disk is read again.
  writeFileSync(extra, 'service invoicing {\n  owner nobody-team\n}\n');
  const changed = lsp.until(extraUri, (d) => d.some((x) => /no team named nobody-team/.test(x.message)), 'changed file re-read');
  await lsp.watched([{ uri: extraUri, type: FileChangeType.Changed }]);
  await changed;

  // Deleting it clears its diagnostics.
  unlinkSync(extra);
  const gone = lsp.next((p) => p.uri === extraUri && p.diagnostics.length === 0, 'deleted file cleared');
  await lsp.watched([{ uri: extraUri, type: FileChangeType.Deleted }]);
  await gone;
  assert.deepEqual(lsp.diagnostics.get(orders) ?? [], []);
});

test('a rename on disk (delete + create) keeps references resolved', async () => {
  const orders = lsp.uri('orders.seams');
  const from = join(ws.folder, 'billing.seams');
  const to = join(ws.folder, 'money.seams');
  writeFileSync(to, BILLING);
  unlinkSync(from);
  await lsp.watched([
    { uri: lsp.uri('billing.seams'), type: FileChangeType.Deleted },
    { uri: lsp.uri('money.seams'), type: FileChangeType.Created },
  ]);
  // Prove the model holds money.seams: break it on disk and see orders complain.
  writeFileSync(to, BILLING.replace('invoice-api', 'other-api'));
  const broken = lsp.until(orders, (d) => d.some((x) => /invoice-api/.test(x.message)), 'money.seams is in the model');
  await lsp.watched([{ uri: lsp.uri('money.seams'), type: FileChangeType.Changed }]);
  await broken;
});

test('files under node_modules and dot-folders are not read', () => {
  for (const uri of lsp.diagnostics.keys()) assert.ok(!/node_modules|\.git/.test(uri), `${uri} should not be in the model`);
  const dupes = [...lsp.diagnostics.values()].flat().filter((d) => d.code === 'duplicate-definition');
  assert.deepEqual(dupes, []);
});

test('an open document keeps its unsaved text when the file changes on disk', async () => {
  const orders = lsp.uri('orders.seams');
  const uri = await lsp.open('money.seams', BILLING.replace('invoice-api', 'gone-api'));
  await lsp.until(orders, (d) => d.some((x) => /invoice-api/.test(x.message)), 'unsaved text counts');
  // The disk copy changes (say, a git checkout) while the editor holds other text: the editor wins.
  writeFileSync(join(ws.folder, 'money.seams'), BILLING);
  await lsp.watched([{ uri, type: FileChangeType.Changed }]);
  // The hover reads the model of the texts as the server holds them after the event:
  // had the disk text won, invoice-api would be defined.
  const hover = await lsp.connection.sendRequest(HoverRequest.type, {
    textDocument: { uri: orders },
    position: { line: 5, character: 20 },
  });
  assert.match(JSON.stringify(hover), /invoice-api/);
  assert.match(JSON.stringify(hover), /not defined/);
  assert.ok(lsp.diagnostics.get(orders)!.some((x) => /invoice-api/.test(x.message)));
  // Closing falls back to the new disk text, which resolves the call.
  const clean = lsp.until(orders, (d) => d.length === 0, 'disk text after close');
  await lsp.close(uri);
  await clean;
});

test('with a client that allows it, the server registers its own file watcher', async () => {
  const other = await LspSession.start(ws.folder, { dynamicWatch: true });
  try {
    const registration = await other.registrations;
    assert.ok(
      registration.some((r) => r.method === 'workspace/didChangeWatchedFiles' && JSON.stringify(r.registerOptions).includes('**/*.seams')),
      JSON.stringify(registration),
    );
  } finally {
    await other.stop();
  }
});

test('workspace folders added and removed join and leave the model', async () => {
  const second = tempWorkspace(false);
  try {
    writeFileSync(join(second.folder, 'lonely.seams'), 'service lonely {\n  owner ghost-team\n}\n');
    const uri = pathToFileURL(join(second.folder, 'lonely.seams')).href;
    const folder = { uri: pathToFileURL(second.folder).href, name: 'second' };
    const arrived = lsp.until(uri, (d) => d.some((x) => /no team named ghost-team/.test(x.message)), 'the added folder is read');
    await lsp.connection.sendNotification(DidChangeWorkspaceFoldersNotification.type, { event: { added: [folder], removed: [] } });
    await arrived;
    const gone = lsp.next((p) => p.uri === uri && p.diagnostics.length === 0, 'the removed folder leaves');
    await lsp.connection.sendNotification(DidChangeWorkspaceFoldersNotification.type, { event: { added: [], removed: [folder] } });
    await gone;
  } finally {
    second.remove();
  }
});
