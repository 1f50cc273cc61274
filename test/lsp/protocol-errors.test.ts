/**
 * The stdio server speaks JSON-RPC by the book when the client does not:
 * - a request before `initialize` gets -32002 (server not initialized);
 * - a body that is not JSON gets -32700 (parse error), and the server goes on;
 * - a request without the params it needs gets -32602 with a readable message;
 * - broken framing (a header that is no header, a huge or wrong Content-Length)
 *   makes the server exit, so the editor restarts it, instead of living on deaf;
 * - a client refusing `client/registerCapability` (file watchers) is survived.
 * Raw bytes over the child's stdin and stdout: no client library in between.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { HoverRequest } from 'vscode-languageserver-protocol/node.js';
import { LspSession, SERVER, tempWorkspace } from './lsp-session.js';

interface Message {
  jsonrpc: string;
  id?: number | string | null;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string };
}

class RawServer {
  readonly child: ChildProcess;
  readonly messages: Message[] = [];
  private pending = Buffer.alloc(0);
  private waiters: { test: (m: Message) => boolean; resolve: (m: Message) => void }[] = [];
  stderr = '';
  readonly exited: Promise<number | null>;

  constructor() {
    this.child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout!.on('data', (b: Buffer) => this.onData(b));
    this.child.stderr!.on('data', (b: Buffer) => (this.stderr += b.toString()));
    this.child.stdin!.on('error', () => undefined); // the server may be gone by the time we write
    this.exited = new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
  }

  private onData(b: Buffer): void {
    this.pending = Buffer.concat([this.pending, b]);
    for (;;) {
      const end = this.pending.indexOf('\r\n\r\n');
      if (end < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.pending.subarray(0, end).toString())?.[1]);
      if (this.pending.length < end + 4 + length) return;
      const message = JSON.parse(this.pending.subarray(end + 4, end + 4 + length).toString()) as Message;
      this.pending = this.pending.subarray(end + 4 + length);
      this.messages.push(message);
      this.waiters = this.waiters.filter((w) => !(w.test(message) && (w.resolve(message), true)));
    }
  }

  raw(bytes: string | Buffer): void {
    this.child.stdin!.write(bytes);
  }

  send(message: object): void {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }));
    this.raw(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body]));
  }

  next(test: (m: Message) => boolean, what: string): Promise<Message> {
    const now = this.messages.find(test);
    if (now) return Promise.resolve(now);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}; stderr: ${this.stderr}`)), 15_000);
      this.waiters.push({ test, resolve: (m) => (clearTimeout(timer), resolve(m)) });
    });
  }

  reply(id: number, what = `the answer to request ${id}`): Promise<Message> {
    return this.next((m) => m.id === id && m.method === undefined, what);
  }

  async exitWithin(what: string): Promise<number | null> {
    const timeout = new Promise<'alive'>((r) => setTimeout(() => r('alive'), 15_000).unref());
    const result = await Promise.race([this.exited, timeout]);
    assert.notEqual(result, 'alive', `${what}: the server is still running`);
    return result as number | null;
  }

  kill(): void {
    if (this.child.exitCode === null) this.child.kill();
  }
}

const servers: RawServer[] = [];
const ws = tempWorkspace(false);
writeFileSync(join(ws.folder, 'a.seams'), 'service a {\n  owner nobody\n}\n');
const folderUri = pathToFileURL(ws.folder).href;

after(() => {
  for (const s of servers) s.kill();
  ws.remove();
});

function start(): RawServer {
  const s = new RawServer();
  servers.push(s);
  return s;
}

async function initialized(): Promise<RawServer> {
  const s = start();
  s.send({ id: 1, method: 'initialize', params: { processId: null, rootUri: folderUri, capabilities: {} } });
  await s.reply(1);
  s.send({ method: 'initialized', params: {} });
  return s;
}

test('a request before initialize gets -32002 and the server still initializes afterwards', async () => {
  const s = start();
  s.send({
    id: 7,
    method: 'textDocument/hover',
    params: { textDocument: { uri: `${folderUri}/a.seams` }, position: { line: 0, character: 0 } },
  });
  const early = await s.reply(7);
  assert.equal(early.error?.code, -32002, JSON.stringify(early));
  s.send({ id: 8, method: 'initialize', params: { processId: null, rootUri: folderUri, capabilities: {} } });
  const init = await s.reply(8);
  assert.ok(init.result, 'initialize answered');
});

test('invalid JSON gets a parse error, and the server answers the next request', async () => {
  const s = await initialized();
  const body = Buffer.from('{"jsonrpc":"2.0","id":3,"method":');
  s.raw(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body]));
  const parseError = await s.next((m) => m.error?.code === -32700, 'a parse error');
  assert.equal(parseError.id, null);
  s.send({ id: 4, method: 'workspace/symbol', params: { query: 'a' } });
  const answer = await s.reply(4);
  assert.ok(Array.isArray(answer.result), JSON.stringify(answer));
});

test('requests with missing params get -32602 naming what is missing', async () => {
  const s = await initialized();
  const uri = `${folderUri}/a.seams`;
  const cases: [string, unknown][] = [
    ['textDocument/hover', undefined],
    ['textDocument/hover', { textDocument: { uri } }],
    ['textDocument/definition', { position: { line: 0, character: 0 } }],
    ['textDocument/references', {}],
    ['textDocument/documentSymbol', {}],
    ['textDocument/completion', { textDocument: { uri }, position: { line: 'x', character: 0 } }],
    ['textDocument/codeAction', { textDocument: { uri } }],
    ['textDocument/rename', { textDocument: { uri }, position: { line: 1, character: 9 } }],
    ['textDocument/prepareRename', { textDocument: {} }],
    ['textDocument/formatting', null],
    ['textDocument/semanticTokens/full', {}],
    ['textDocument/foldingRange', {}],
    ['textDocument/documentHighlight', {}],
    ['workspace/symbol', {}],
  ];
  let id = 100;
  for (const [method, params] of cases) {
    const n = id++;
    s.send(params === undefined ? { id: n, method } : { id: n, method, params });
    const answer = await s.reply(n, method);
    assert.equal(answer.error?.code, -32602, `${method} ${JSON.stringify(params)}: ${JSON.stringify(answer)}`);
    assert.match(answer.error!.message, /needs params|params but received none/, method);
    assert.doesNotMatch(answer.error!.message, /TypeError|Cannot read|undefined/, method);
  }
  assert.equal(s.child.exitCode, null);
});

test('random bytes instead of a header make the server exit', async () => {
  const s = await initialized();
  s.raw(Buffer.from('\x00\xff garbage that is no header at all\r\n\r\n{}'));
  const code = await s.exitWithin('random bytes');
  assert.notEqual(code, 0);
  assert.match(s.stderr, /framing|header/i);
  assert.doesNotMatch(s.stderr, /\n\s+at /, 'no stack trace');
});

test('a huge Content-Length makes the server exit', async () => {
  const s = await initialized();
  s.raw('Content-Length: 99999999999999\r\n\r\n{"jsonrpc":"2.0","id":9,"method":"shutdown"}');
  await s.exitWithin('huge Content-Length');
});

test('a Content-Length shorter than the body makes the server exit', async () => {
  const s = await initialized();
  const body = '{"jsonrpc":"2.0","id":9,"method":"workspace/symbol","params":{"query":""}}';
  s.raw(`Content-Length: ${body.length - 20}\r\n\r\n${body}`);
  s.send({ id: 10, method: 'workspace/symbol', params: { query: '' } });
  await s.exitWithin('short Content-Length');
});

test('a client that refuses the file-watcher registration is survived', async () => {
  const folder = tempWorkspace(false);
  writeFileSync(join(folder.folder, 'b.seams'), 'service b {\n}\n');
  const lsp = await LspSession.start(folder.folder, { dynamicWatch: true, refuseRegistration: true });
  try {
    const registrations = await lsp.registrations;
    assert.ok(registrations.length > 0, 'the server asked to register watchers');
    await lsp.next(() => true, 'first diagnostics');
    const hover = await lsp.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri: lsp.uri('b.seams') },
      position: { line: 0, character: 9 },
    });
    assert.ok(hover, 'still answering');
    assert.equal(lsp.child.exitCode, null, 'still running');
  } finally {
    await lsp.stop();
    folder.remove();
  }
});
