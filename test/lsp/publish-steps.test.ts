/**
 * A check is published file by file, with pending requests let in between:
 * through the real server (`dist/server.cjs --stdio`), one edit changes the
 * diagnostics of every one of FILES files, and a request sent as soon as the
 * first of those publishes arrives is answered before the last one (the
 * connection writes messages in order, so this is ordering, not timing). An
 * edit made during that publish stops it: files not reached are never sent the
 * stale diagnostics, and every file ends up showing the newest check.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { FoldingRangeRequest, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node.js';
import { LspSession, tempWorkspace } from './lsp-session.js';

/** Enough files that publishing them all takes many turns of the server's event loop. */
const FILES = 1_500;
const TEAMS = 'team t\n';

let ws: { folder: string; remove: () => void };
let lsp: LspSession;
let teamsUri: string;
const serviceUris = new Set<string>();

before(async () => {
  ws = tempWorkspace(false);
  writeFileSync(join(ws.folder, 'teams.seams'), TEAMS);
  for (let i = 0; i < FILES; i++) writeFileSync(join(ws.folder, `s${i}.seams`), `service s${i} {\n  owner t\n}\n`);
  lsp = await LspSession.start(ws.folder);
  teamsUri = lsp.uri('teams.seams');
  for (let i = 0; i < FILES; i++) serviceUris.add(lsp.uri(`s${i}.seams`));
  // Every file is clean; the first publish after the scan is the teams file opening below.
  teamsUri = await lsp.open('teams.seams', TEAMS);
  await lsp.next((p) => p.uri === teamsUri, 'the teams file published');
});

after(async () => {
  await lsp?.stop();
  ws?.remove();
});

const unknownTeam = (p: PublishDiagnosticsParams) => p.diagnostics.some((d) => /no team named t\b/.test(d.message));

test('a request sent while a large publish runs is answered before it ends', async () => {
  const before = lsp.published.length;
  const first = lsp.next((p) => serviceUris.has(p.uri) && unknownTeam(p), 'the first file with an unknown team', 120_000);
  // Renaming the team leaves every service's owner unknown: FILES files to publish.
  await lsp.change(teamsUri, [{ range: { start: { line: 0, character: 5 }, end: { line: 0, character: 6 } }, text: 'u' }]);
  await first;
  const answer = lsp.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri: 'untitled:none' } });
  await answer;
  const publishedBeforeAnswer = lsp.published.slice(before).filter((p) => serviceUris.has(p.uri)).length;
  // All of them arrive in the end.
  await until(() => [...serviceUris].every((u) => lsp.diagnostics.get(u)?.some((d) => /no team named t\b/.test(d.message))));
  assert.ok(publishedBeforeAnswer >= 1);
  assert.ok(
    publishedBeforeAnswer < FILES,
    `the answer came after ${publishedBeforeAnswer} of ${FILES} publishes: it waited for the whole publish`,
  );
});

test('an edit during a publish stops it, and every file ends up showing the newest check', async () => {
  const before = lsp.published.length;
  const first = lsp.next((p) => serviceUris.has(p.uri) && !unknownTeam(p), 'the first file cleaned', 120_000);
  // Back to `team t`: every file is clean again…
  await lsp.change(teamsUri, [{ range: { start: { line: 0, character: 5 }, end: { line: 0, character: 6 } }, text: 't' }]);
  await first;
  // …and at once `team u` again: the publish of the clean lists is stale.
  await lsp.change(teamsUri, [{ range: { start: { line: 0, character: 5 }, end: { line: 0, character: 6 } }, text: 'u' }]);
  await until(() => [...serviceUris].every((u) => lsp.diagnostics.get(u)?.some((d) => /no team named t\b/.test(d.message))));
  const sent = lsp.published.slice(before).filter((p) => serviceUris.has(p.uri));
  const cleaned = new Set(sent.filter((p) => !unknownTeam(p)).map((p) => p.uri));
  assert.ok(cleaned.size >= 1);
  assert.ok(cleaned.size < FILES, `all ${FILES} files were sent the stale clean list: the publish did not stop`);
  // A file sent the stale list got the newest one after it; the others were never touched twice.
  assert.equal(sent.length, 2 * cleaned.size);
  // Nothing more arrives for them once the last check is published (its list is already shown).
  await lsp.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri: 'untitled:none' } });
  assert.equal(lsp.published.slice(before).filter((p) => serviceUris.has(p.uri)).length, sent.length);
});

/** Waits (event-driven, on each publish) until `done()` holds. */
async function until(done: () => boolean): Promise<void> {
  while (!done()) await lsp.next(() => true, 'more diagnostics', 120_000);
}
