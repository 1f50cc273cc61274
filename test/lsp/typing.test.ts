/**
 * Typing never produces an invalid answer. Declarations are typed one character
 * at a time (at the end of a file and inside a system) into the real server
 * (`dist/server.cjs --stdio`), and after every keystroke the editor's usual
 * requests are sent: document symbols, folding ranges, semantic tokens, hover
 * and completion at the cursor. Every answer must arrive (no error response)
 * and be valid for the text the client holds: positions inside the document,
 * a symbol's selectionRange inside its range (VS Code rejects the whole
 * outline otherwise), folding ranges ordered, semantic tokens on real
 * characters, a completion's edit range on one line and around the cursor.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import {
  CompletionRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  SemanticTokensRequest,
  type CompletionItem,
  type CompletionList,
  type DocumentSymbol,
  type Position,
  type Range,
} from 'vscode-languageserver-protocol/node.js';
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

const SERVICE = [
  'service typed-svc "Typed while you watch" {',
  '    owner checkout-team',
  '    tier user-facing',
  '    runtime go',
  '    uses typed-lib',
  '    store typed-db postgres readonly',
  '    api typed-api v1 v2 rest',
  '    event typed-event v1',
  '    slo latency p99 200ms availability 99.9%',
  '    calls orders.orders-api v2 { timeout 300ms retry 2 backoff exponential circuit-breaker }',
  '    subscribes orders.order-placed v3',
  '    defaults { timeout 1s }',
  '  }',
].join('\n');

const TOP_LEVEL = [
  SERVICE.replace(/\n {2}/g, '\n'),
  'team typed-team "Typed" { oncall "#typed" }',
  'library typed-lib "Shared lib" { owner typed-team }',
  'system typed-sys "S" { defaults { timeout 2s } }',
  'rules { missing-owner off sync-fan-out max 3 }',
].join('\n');

function lineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((l) => l.length);
}

function positionAt(text: string, offset: number): Position {
  const lines = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

function before_(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

class Validator {
  readonly lengths: number[];
  constructor(
    readonly text: string,
    readonly where: string,
  ) {
    this.lengths = lineLengths(text);
  }

  position(p: Position, what: string): void {
    assert.ok(
      Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.character >= 0,
      `${this.where}: ${what} has a bad position ${JSON.stringify(p)}`,
    );
    assert.ok(p.line < this.lengths.length, `${this.where}: ${what} line ${p.line} is past the end (${this.lengths.length} lines)`);
    assert.ok(p.character <= this.lengths[p.line], `${this.where}: ${what} character ${p.character} is past line ${p.line}'s end`);
  }

  range(r: Range, what: string): void {
    this.position(r.start, `${what} start`);
    this.position(r.end, `${what} end`);
    assert.ok(!before_(r.end, r.start), `${this.where}: ${what} ends before it starts ${JSON.stringify(r)}`);
  }

  inside(inner: Range, outer: Range, what: string): void {
    assert.ok(
      !before_(inner.start, outer.start) && !before_(outer.end, inner.end),
      `${this.where}: ${what} ${JSON.stringify(inner)} is not inside ${JSON.stringify(outer)}`,
    );
  }

  symbols(symbols: DocumentSymbol[] | null, path = 'symbol'): void {
    for (const s of symbols ?? []) {
      const name = `${path} ${s.name}`;
      assert.ok(s.name.length > 0, `${this.where}: ${name} has an empty name (VS Code rejects it)`);
      this.range(s.range, `${name} range`);
      this.range(s.selectionRange, `${name} selectionRange`);
      this.inside(s.selectionRange, s.range, `${name} selectionRange`);
      for (const c of s.children ?? []) this.inside(c.range, s.range, `${name} ▸ ${c.name} range`);
      this.symbols(s.children ?? [], `${name} ▸`);
    }
  }

  tokens(data: number[]): void {
    assert.equal(data.length % 5, 0, `${this.where}: semantic token data is not in fives`);
    let line = 0;
    let char = 0;
    for (let i = 0; i < data.length; i += 5) {
      const [dl, dc, len] = data.slice(i, i + 3);
      assert.ok(dl >= 0 && dc >= 0 && len > 0, `${this.where}: semantic token ${i / 5} is malformed`);
      line += dl;
      char = dl === 0 ? char + dc : dc;
      this.position({ line, character: char + len }, `semantic token ${i / 5}`);
    }
  }
}

async function typeInto(name: string, offset: number, insertion: string): Promise<void> {
  const original = readFileSync(join(ws.folder, name), 'utf8');
  const uri = await lsp.open(name, original);
  let text = original;
  try {
    for (let i = 0; i < insertion.length; i++) {
      const at = offset + i;
      const p = positionAt(text, at);
      text = text.slice(0, at) + insertion[i] + text.slice(at);
      await lsp.change(uri, [{ range: { start: p, end: p }, text: insertion[i] }]);
      const cursor = positionAt(text, at + 1);
      const where = `${name} after typing ${JSON.stringify(insertion.slice(0, i + 1).slice(-30))}`;
      const v = new Validator(text, where);
      const doc = { textDocument: { uri } };
      const [symbols, folding, tokens, hover, completion] = await Promise.all([
        lsp.connection.sendRequest(DocumentSymbolRequest.type, doc),
        lsp.connection.sendRequest(FoldingRangeRequest.type, doc),
        lsp.connection.sendRequest(SemanticTokensRequest.type, doc),
        lsp.connection.sendRequest(HoverRequest.type, { ...doc, position: cursor }),
        lsp.connection.sendRequest(CompletionRequest.type, { ...doc, position: cursor }),
      ]);
      v.symbols(symbols as DocumentSymbol[] | null);
      for (const f of folding ?? []) {
        assert.ok(f.startLine <= f.endLine, `${where}: folding range ends before it starts`);
        v.position({ line: f.endLine, character: 0 }, 'folding range end');
      }
      v.tokens(tokens?.data ?? []);
      if (hover?.range) v.range(hover.range, 'hover range');
      const items: CompletionItem[] = Array.isArray(completion) ? completion : ((completion as CompletionList | null)?.items ?? []);
      for (const item of items) {
        const edit = item.textEdit;
        if (!edit || !('range' in edit)) continue;
        v.range(edit.range, `completion ${item.label}`);
        assert.equal(edit.range.start.line, edit.range.end.line, `${where}: completion ${item.label} spans lines`);
        v.inside({ start: cursor, end: cursor }, edit.range, `cursor in completion ${item.label}'s range`);
      }
    }
  } finally {
    await lsp.close(uri);
  }
  assert.equal(lsp.child.exitCode, null, 'the server is still running');
}

test('typing declarations at the end of a file gives valid answers after every keystroke', async () => {
  const text = readFileSync(join(ws.folder, 'teams.seams'), 'utf8');
  await typeInto('teams.seams', text.length, '\n' + TOP_LEVEL + '\n');
});

test('typing a service inside a system gives valid answers after every keystroke', async () => {
  const text = readFileSync(join(ws.folder, 'checkout.seams'), 'utf8');
  // Just before the system's closing brace.
  const close = text.indexOf('\n}', text.indexOf('system checkout'));
  await typeInto('checkout.seams', close, '\n\n  ' + SERVICE);
});
