/**
 * Completion is bounded: a long candidate list keeps what matches the name
 * typed so far (those starting with it first) and says it is incomplete; a
 * short one goes whole. The replaced range goes once in `itemDefaults` when the
 * client takes it, else in every item. Checked on the conversion and through
 * the real server on 1,200 services.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { CompletionRequest, type CompletionList, type TextEdit } from 'vscode-languageserver-protocol/node.js';
import type { CompletionResult } from '../../server/src/core/query/completion.js';
import { LineIndex } from '../../server/src/core/text/line-index.js';
import { MAX_COMPLETION_ITEMS, toCompletionList } from '../../server/src/lsp/completion-list.js';
import { generateArchitecture } from '../helpers/generate-architecture.js';
import { LspSession, positionOf, tempWorkspace } from './lsp-session.js';

const LINE = '    calls svc-1';
const lines = new LineIndex(`service a {\n${LINE}\n}\n`);
const at = `service a {\n`.length + '    calls '.length;

function services(n: number): CompletionResult {
  const candidates = Array.from({ length: n }, (_, i) => ({ label: `svc-${i}`, kind: 'service' as const }));
  // The name typed so far is replaced: from after `calls ` to the cursor.
  return { candidates, replaceStart: at, replaceEnd: at + 5 };
}

/** Whether the letters of `typed` occur in `label` in order, ignoring case. */
const matches = (typed: string, label: string) => {
  let i = 0;
  for (const ch of label.toLowerCase()) if (ch === typed[i]?.toLowerCase()) i++;
  return i === typed.length;
};

test('a list within the bound goes whole, complete, each item with its edit', () => {
  const list = toCompletionList(services(MAX_COMPLETION_ITEMS), 'zzz', lines, false);
  assert.equal(list.isIncomplete, false);
  assert.equal(list.items.length, MAX_COMPLETION_ITEMS);
  assert.equal(list.itemDefaults, undefined);
  for (const item of list.items) {
    assert.deepEqual((item.textEdit as TextEdit).range, { start: { line: 1, character: 10 }, end: { line: 1, character: 15 } });
    assert.equal((item.textEdit as TextEdit).newText, item.label);
  }
});

test('past the bound: only matches of the typed name, those starting with it first, and incomplete', () => {
  const all = services(3_000);
  const empty = toCompletionList(all, '', lines, false);
  assert.equal(empty.isIncomplete, true);
  assert.equal(empty.items.length, MAX_COMPLETION_ITEMS);

  // 111 names start with `svc-12` (svc-12, svc-120…, svc-1200…): all of them, in order, and nothing else first.
  const typed = 'svc-12';
  const list = toCompletionList(all, typed, lines, false);
  assert.equal(list.isIncomplete, true);
  const labels = list.items.map((i) => i.label);
  const starting = all.candidates.map((c) => c.label).filter((l) => l.startsWith(typed));
  assert.deepEqual(labels.slice(0, starting.length), starting);
  // Then names holding its letters in order, up to the bound.
  assert.equal(labels.length, Math.min(MAX_COMPLETION_ITEMS, all.candidates.filter((c) => matches(typed, c.label)).length));
  for (const label of labels.slice(starting.length)) assert.ok(matches(typed, label) && !label.startsWith(typed), label);

  // Letters in order, ignoring case: `S-29` finds `svc-29`, `svc-129`…, none starts with it.
  const loose = toCompletionList(all, 'S-29', lines, false);
  assert.ok(loose.items.length > 0);
  for (const item of loose.items) assert.ok(matches('S-29', item.label), item.label);
  assert.equal(loose.items.length, Math.min(MAX_COMPLETION_ITEMS, all.candidates.filter((c) => matches('S-29', c.label)).length));
  assert.deepEqual(toCompletionList(all, 'nothing like it', lines, false).items, []);
});

test('with itemDefaults.editRange the range is sent once, not in every item', () => {
  const list = toCompletionList(services(10), '', lines, true);
  assert.deepEqual(list.itemDefaults, { editRange: { start: { line: 1, character: 10 }, end: { line: 1, character: 15 } } });
  for (const item of list.items) assert.equal(item.textEdit, undefined);
});

test('through the server: `calls ` among 1,200 services is bounded, and the typed name narrows it', async () => {
  const ws = tempWorkspace(false);
  const files = generateArchitecture({ services: 1_200, callsPerService: 3, seed: 7 });
  for (const f of files) writeFileSync(join(ws.folder, f.file), f.text);
  const lsp = await LspSession.start(ws.folder, { completionItemDefaults: true });
  try {
    await lsp.next(() => true, 'first diagnostics', 60_000);
    const { file, text } = files[1];
    // A new last line in the first service (svc-0).
    const typed = text.replace('    event svc-0-changed v1\n', '    event svc-0-changed v1\n    calls svc-11\n');
    const uri = await lsp.open(file, typed);
    const complete = async (character: number) => {
      const position = { line: positionOf(typed, '    calls svc-11').line, character };
      return (await lsp.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position })) as CompletionList;
    };
    const all = await complete('    calls '.length);
    assert.equal(all.isIncomplete, true);
    assert.equal(all.items.length, MAX_COMPLETION_ITEMS);
    assert.ok(all.itemDefaults?.editRange);
    for (const item of all.items) assert.equal(item.textEdit, undefined);

    // `svc-11`: every service whose name starts with it (1 + 10 + 100 of 1,200), first.
    const narrowed = await complete('    calls svc-11'.length);
    const labels = narrowed.items.map((i) => i.label);
    const expected = Array.from({ length: 1_200 }, (_, i) => `svc-${i}`).filter((n) => n.startsWith('svc-11'));
    assert.deepEqual(labels.slice(0, expected.length).sort(), expected.sort());
    for (const label of labels) assert.ok(matches('svc-11', label), label);
    const range = narrowed.itemDefaults?.editRange as { start: { character: number }; end: { character: number } };
    assert.equal(range.start.character, '    calls '.length);
  } finally {
    await lsp.stop();
    ws.remove();
  }
});
