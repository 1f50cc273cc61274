/**
 * The server keeps answering whatever the editor sends: random edits (garbage,
 * half-deleted declarations, stray braces, non-ASCII, CRLF) with every kind of
 * request at random positions in between, including positions past the end.
 * Seeded, so a failure replays.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import {
  CodeActionRequest,
  CompletionRequest,
  DefinitionRequest,
  DocumentFormattingRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  SemanticTokensRequest,
  WorkspaceSymbolRequest,
  type Position,
} from 'vscode-languageserver-protocol/node.js';
import { random } from '../helpers/generate-architecture.js';
import { LspSession, tempWorkspace } from './lsp-session.js';

let ws: { folder: string; remove: () => void };
let lsp: LspSession;

before(async () => {
  ws = tempWorkspace(true);
  lsp = await LspSession.start(ws.folder);
  await lsp.next(() => true, 'first diagnostics');
});

after(async () => {
  await lsp?.stop();
  ws?.remove();
});

const JUNK = [
  '{',
  '}',
  '.',
  ' ',
  '\n',
  '\r\n',
  '"',
  '//',
  '/*',
  '*/',
  'calls ',
  'service ',
  'v1.',
  '300ms',
  '99.9%',
  'é',
  '😀',
  '\t',
  '-',
  'seams-ignore ',
  'rules {',
  'x-y-',
  '0',
  'retry 2 backoff ',
];

test('random edits and requests never break the server', async () => {
  const rnd = random(20260124);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  let text = readFileSync(join(ws.folder, 'checkout.seams'), 'utf8');
  const uri = await lsp.open('checkout.seams', text);

  const positionAt = (offset: number): Position => {
    const before = text.slice(0, offset);
    const lines = before.split(/\r\n|\r|\n/);
    return { line: lines.length - 1, character: lines[lines.length - 1].length };
  };
  const randomPosition = (): Position =>
    rnd() < 0.1 ? { line: Math.floor(rnd() * 500), character: Math.floor(rnd() * 300) } : positionAt(Math.floor(rnd() * (text.length + 1)));

  for (let step = 0; step < 150; step++) {
    // An edit: replace a random span with junk (or delete it).
    const a = Math.floor(rnd() * (text.length + 1));
    const b = Math.min(text.length, a + Math.floor(rnd() * 40));
    const insert = rnd() < 0.3 ? '' : Array.from({ length: 1 + Math.floor(rnd() * 4) }, () => pick(JUNK)).join('');
    const range = { start: positionAt(a), end: positionAt(b) };
    text = text.slice(0, a) + insert + text.slice(b);
    await lsp.change(uri, [{ range, text: insert }]);

    const position = randomPosition();
    const doc = { textDocument: { uri } };
    const requests: Promise<unknown>[] = [
      lsp.connection.sendRequest(CompletionRequest.type, { ...doc, position }),
      lsp.connection.sendRequest(HoverRequest.type, { ...doc, position }),
      lsp.connection.sendRequest(DefinitionRequest.type, { ...doc, position }),
      lsp.connection.sendRequest(ReferencesRequest.type, { ...doc, position, context: { includeDeclaration: true } }),
      lsp.connection.sendRequest(PrepareRenameRequest.type, { ...doc, position }),
      lsp.connection.sendRequest(DocumentSymbolRequest.type, doc),
      lsp.connection.sendRequest(FoldingRangeRequest.type, doc),
      lsp.connection.sendRequest(SemanticTokensRequest.type, doc),
      lsp.connection.sendRequest(DocumentFormattingRequest.type, { ...doc, options: { tabSize: 2, insertSpaces: true } }),
      lsp.connection.sendRequest(CodeActionRequest.type, {
        ...doc,
        range: { start: position, end: position },
        context: { diagnostics: [] },
      }),
      lsp.connection.sendRequest(WorkspaceSymbolRequest.type, { query: pick(['', 'o', 'pay', '😀']) }),
    ];
    // A rename may be refused (a ResponseError with a reason); it must never crash.
    const rename = lsp.connection
      .sendRequest(RenameRequest.type, { ...doc, position, newName: pick(['x-y', 'orders', '1bad', 'z']) })
      .catch((e: Error) => {
        assert.match(e.message, /^Cannot rename: /, `step ${step}`);
      });
    await Promise.all([...requests, rename]);
  }

  // Still alive and still checking: a clean text gives clean diagnostics for this file.
  const clean = 'team robust-team { oncall "#r" }\n';
  const settled = lsp.until(uri, (d) => d.length === 0, 'diagnostics after the storm');
  await lsp.change(uri, [{ text: clean }]);
  await settled;
  assert.equal(lsp.child.exitCode, null, 'the server is still running');
  assert.deepEqual(lsp.stderr.join(''), '', 'the server wrote nothing to stderr');
});
