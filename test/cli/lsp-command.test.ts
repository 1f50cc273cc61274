/**
 * `seams lsp --stdio` starts the language server on stdin/stdout: it answers
 * `initialize` with its capabilities, keeps stdout for the protocol alone, and
 * exits on `shutdown` + `exit`. Without `--stdio` it is a usage error (exit 2).
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { pathToFileURL } from 'node:url';
import { before, test } from 'node:test';
import { buildCli, CLI, oneErrorLine, ROOT, runCli } from './cli-harness.js';

before(buildCli);

function frame(message: object): string {
  const body = JSON.stringify({ jsonrpc: '2.0', ...message });
  return `Content-Length: ${Buffer.byteLength(body, 'utf8')}\r\n\r\n${body}`;
}

/** Reads framed messages from the server's stdout until one with `id` arrives. */
function responses(stdout: NodeJS.ReadableStream) {
  let buffer = Buffer.alloc(0);
  const seen: { id?: number; method?: string; result?: unknown }[] = [];
  const waiters: { id: number; resolve: (m: { result?: unknown }) => void }[] = [];
  stdout.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const headerEnd = buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = buffer.subarray(0, headerEnd).toString('ascii');
      const match = /Content-Length: (\d+)/i.exec(header);
      assert.ok(match, `not an LSP header: ${JSON.stringify(header)}`);
      const length = Number(match[1]);
      if (buffer.length < headerEnd + 4 + length) return;
      const message = JSON.parse(buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8')) as (typeof seen)[number];
      buffer = buffer.subarray(headerEnd + 4 + length);
      seen.push(message);
      for (const w of waiters.filter((w) => w.id === message.id)) w.resolve(message);
    }
  });
  return (id: number) =>
    new Promise<{ result?: unknown }>((resolve) => {
      const found = seen.find((m) => m.id === id);
      if (found) resolve(found);
      else waiters.push({ id, resolve });
    });
}

test('initialize, shutdown and exit over stdio', async () => {
  const child = spawn(process.execPath, [CLI, 'lsp', '--stdio'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const response = responses(child.stdout);
  const exited = once(child, 'exit');

  child.stdin.write(
    frame({
      id: 1,
      method: 'initialize',
      params: {
        processId: process.pid,
        rootUri: pathToFileURL(ROOT).href,
        capabilities: {},
        workspaceFolders: [{ uri: pathToFileURL(`${ROOT}/examples`).href, name: 'examples' }],
      },
    }),
  );
  const init = (await response(1)) as { result: { capabilities: Record<string, unknown> } };
  assert.ok(init.result.capabilities.textDocumentSync !== undefined, JSON.stringify(init.result));
  child.stdin.write(frame({ method: 'initialized', params: {} }));
  child.stdin.write(frame({ id: 2, method: 'shutdown' }));
  await response(2);
  child.stdin.write(frame({ method: 'exit' }));
  const [code] = await exited;
  assert.equal(code, 0, stderr);
});

test('lsp without --stdio is a usage error', () => {
  const r = runCli(['lsp']);
  assert.equal(r.status, 2);
  assert.match(oneErrorLine(r), /--stdio/);
});
