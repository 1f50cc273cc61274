/**
 * A seeded fuzzer of hostile inputs, run through the built CLI and the real
 * language server (`dist/server.cjs --stdio`) at a size that takes seconds:
 * control characters and bidi overrides in every slot, versions above 2^53,
 * huge durations, thousands of unresolved names, unterminated strings and
 * comments, deep braces, BOM/CRLF, special files, and bytes that are no
 * protocol at all. Every run must finish, print no stack trace, give a clean
 * answer (exit 0 or 1 with valid JSON and escape-free text; valid LSP answers)
 * and leave the server running (or, for broken framing, exited).
 * SEAMS_FUZZ_SCALE=N multiplies the number of cases for a longer local run.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import {
  CompletionRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  SemanticTokensRequest,
  type DocumentSymbol,
} from 'vscode-languageserver-protocol/node.js';
import { seededRandom as random } from '../helpers/seeded-random.js';
import { buildCli, CLI } from '../cli/cli-harness.js';
import { LspSession, SERVER, tempWorkspace } from '../lsp/lsp-session.js';

const SCALE = Math.max(1, Number(process.env.SEAMS_FUZZ_SCALE ?? 1) || 1);
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const HOSTILE = [
  '\u001b[2J',
  '\u001b]0;x\u0007',
  '\u0000',
  '\u202e',
  '\u2028',
  '\r',
  '\t',
  '\uFEFF',
  '\ud800',
  '😀',
  '"',
  '\\',
  '{',
  '}',
  '/*',
  '//',
  '.',
  '-',
];

before(() => buildCli());

function hostileModel(rnd: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const junk = () => Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => pick(HOSTILE)).join('');
  const name = () => pick(['orders', 'svc-1', `n${Math.floor(rnd() * 1e6)}`, 'a'.repeat(1 + Math.floor(rnd() * 300))]);
  const lines: string[] = [];
  if (rnd() < 0.3) lines.push('\uFEFF// bom');
  lines.push(`team t${junk().replace(/[\s\S]/g, '')} "${junk()}" { oncall "${junk()}" }`);
  const services = 2 + Math.floor(rnd() * 6);
  for (let i = 0; i < services; i++) {
    lines.push(`service s${i} "${junk()}" {`);
    lines.push(`  owner ${rnd() < 0.7 ? 't' : name()}`);
    lines.push(`  api a${i} v${pick(['9007199254740993', '9007199254740992', '1.10', '99999999999999999999999.1'])} rest`);
    lines.push(
      `  calls s${(i + 1) % services}.a${(i + 1) % services} v${pick(['9007199254740993', '9007199254740992', '1'])} { timeout ${pick(['1e40s', '10000000000000000000000000000000000000s', '0ms', '300ms', '1.5s'])} retry ${pick(['3', '99999999999999999999', '0'])} }`,
    );
    if (rnd() < 0.5) lines.push(`  ${pick(['calls', 'subscribes', 'owner', 'store', 'uses'])} ${junk()}${name()}`);
    if (rnd() < 0.2) lines.push(`  // seams-ignore ${junk()} -- ${junk()}`);
    lines.push(rnd() < 0.1 ? '' : '}');
  }
  if (rnd() < 0.3) lines.push('{'.repeat(500 + Math.floor(rnd() * 2000)));
  if (rnd() < 0.3) lines.push(`service many {\n${Array.from({ length: 2000 }, (_, i) => `  calls missing-${i}`).join('\n')}\n}`);
  if (rnd() < 0.2) lines.push(`team long "${'x'.repeat(100_000)}`);
  if (rnd() < 0.2) lines.push('/* never closed');
  const text = lines.join(rnd() < 0.3 ? '\r\n' : '\n');
  return text;
}

function runCli(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 60_000, maxBuffer: 256 * 1024 * 1024 });
  assert.equal(r.error, undefined, `seams ${args.join(' ')} did not finish: ${String(r.error)}`);
  assert.doesNotMatch(r.stderr, /\n\s+at |internal error|heap|RangeError/, `seams ${args.join(' ')} stderr: ${r.stderr.slice(0, 500)}`);
  return r;
}

test('the CLI gives a clean answer for every hostile model', () => {
  const rnd = random(0x5ea45);
  for (let n = 0; n < 4 * SCALE; n++) {
    const dir = mkdtempSync(join(tmpdir(), 'seams-fuzz-'));
    try {
      const text = hostileModel(rnd);
      writeFileSync(join(dir, 'a.seams'), text);
      writeFileSync(join(dir, `we\nird\u001b[1m${n}.seams`), hostileModel(rnd));
      if (n === 0) {
        execFileSync('mkfifo', [join(dir, 'fifo.seams')]);
        symlinkSync('/dev/zero', join(dir, 'zero.seams'));
      }
      const json = runCli(['check', '--format', 'json'], dir);
      assert.ok([0, 1, 2].includes(json.status!), `case ${n}: exit ${json.status}`);
      if (n !== 0) assert.notEqual(json.status, 2, `case ${n}: ${json.stderr}`);
      const report = JSON.parse(json.stdout) as { files: number; diagnostics: { line: number; column: number }[] };
      assert.ok(report.diagnostics.every((d) => d.line >= 1 && d.column >= 1));
      const textRun = runCli(['check'], dir);
      assert.equal(textRun.status, json.status);
      for (const line of (textRun.stdout + textRun.stderr).split('\n'))
        assert.doesNotMatch(line, CONTROL, `case ${n}: ${JSON.stringify(line.slice(0, 200))}`);
      const fix = runCli(['check', '--fix-dry-run'], dir);
      assert.equal(fix.status, json.status === 2 ? 2 : fix.status);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
});

let ws: { folder: string; remove: () => void };
let lsp: LspSession;

after(async () => {
  await lsp?.stop();
  ws?.remove();
});

test('the server answers validly for every hostile document', async () => {
  ws = tempWorkspace(true);
  lsp = await LspSession.start(ws.folder);
  await lsp.next(() => true, 'first diagnostics');
  const rnd = random(0xf022);
  for (let n = 0; n < 8 * SCALE; n++) {
    const text = hostileModel(rnd);
    const uri = await lsp.open(`hostile-${n}.seams`, text);
    const lines = text.split(/\r\n|\r|\n/);
    const doc = { textDocument: { uri } };
    const line = Math.floor(rnd() * lines.length);
    const position = { line, character: Math.floor(rnd() * (lines[line].length + 1)) };
    const [symbols, folding, tokens] = await Promise.all([
      lsp.connection.sendRequest(DocumentSymbolRequest.type, doc),
      lsp.connection.sendRequest(FoldingRangeRequest.type, doc),
      lsp.connection.sendRequest(SemanticTokensRequest.type, doc),
      lsp.connection.sendRequest(HoverRequest.type, { ...doc, position }),
      lsp.connection.sendRequest(CompletionRequest.type, { ...doc, position }),
    ]);
    const inside = (p: { line: number; character: number }) => p.line < lines.length && p.character <= lines[p.line].length;
    const walk = (ss: DocumentSymbol[]) => {
      for (const s of ss) {
        assert.ok(inside(s.range.end) && inside(s.selectionRange.end), `case ${n}: symbol ${s.name} outside the text`);
        const before = (a: typeof s.range.start, b: typeof s.range.start) =>
          a.line < b.line || (a.line === b.line && a.character < b.character);
        assert.ok(
          !before(s.selectionRange.start, s.range.start) && !before(s.range.end, s.selectionRange.end),
          `case ${n}: ${s.name} selectionRange outside range`,
        );
        walk(s.children ?? []);
      }
    };
    walk((symbols ?? []) as DocumentSymbol[]);
    for (const f of folding ?? []) assert.ok(f.startLine <= f.endLine && f.endLine < lines.length);
    assert.equal((tokens?.data.length ?? 0) % 5, 0);
    await assert.rejects(lsp.connection.sendRequest('textDocument/rename', { ...doc, position, newName: null }), /newName/);
    await lsp.close(uri);
  }
  assert.equal(lsp.child.exitCode, null, 'the server is still running');
});

test('bytes that are no protocol make the stdio server exit, never hang', async () => {
  const rnd = random(0xbad);
  for (let n = 0; n < 3 * SCALE; n++) {
    const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    child.stdin.on('error', () => undefined);
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    const junk = Buffer.from(Array.from({ length: 64 + Math.floor(rnd() * 4096) }, () => Math.floor(rnd() * 256)));
    junk[0] = 0xff; // never a header
    child.stdin.write(junk);
    const code = await Promise.race([exited, new Promise<'hung'>((r) => setTimeout(() => r('hung'), 15_000).unref())]);
    if (code === 'hung') child.kill();
    assert.notEqual(code, 'hung', `case ${n}: the server neither answered nor exited`);
    assert.doesNotMatch(stderr, /\n\s+at /, 'no stack trace');
  }
});
