/**
 * Language server responsiveness, measured through the protocol against the
 * bundled server (dist/server.cjs --stdio) on a generated workspace of 1,000
 * services in 21 files:
 *
 * - keystroke → diagnostics: the time from a `didChange` of one character to
 *   the `publishDiagnostics` it causes (the edit toggles an owner between a
 *   known and an unknown team, so every keystroke changes the diagnostics);
 *   this includes the server's debounce.
 * - completion: the time of a `textDocument/completion` request at `calls `
 *   (1,000 or 10,000 candidate services, of which the server sends at most
 *   500, as an incomplete list) and after `calls X.` (the apis of X), each
 *   sent right after its keystroke, as an editor does, at typing pace (the
 *   previous keystroke's check has finished). A request that arrives while a
 *   check runs waits for the step in progress (the model, or one rule), at
 *   most; the diagnostics column bounds that worst case.
 *
 * Medians of several runs after warm-up. Targets: diagnostics ≤ 50 ms at
 * 1,000 services and ≤ 150 ms at 10,000, completion ≤ 30 ms at 10,000. `npm run bench` calls `run()`; run alone with
 * `node --import tsx test/bench/lsp-bench.ts`.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { CompletionRequest, FoldingRangeRequest } from 'vscode-languageserver-protocol/node.js';
import { MAX_COMPLETION_ITEMS } from '../../server/src/lsp/completion-list.js';
import { generateArchitecture } from '../helpers/generate-architecture.js';
import { LspSession, positionOf, SERVER } from '../lsp/lsp-session.js';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export interface LspBenchResult {
  services: number;
  diagnosticsMs: number;
  completionServicesMs: number;
  completionApisMs: number;
  /** A request that costs the server nothing, after a keystroke: the transport and scheduling floor. */
  roundTripMs: number;
}

export async function measureLsp(services = 1_000, runs = 21): Promise<LspBenchResult> {
  if (!existsSync(SERVER)) throw new Error('dist/server.cjs is missing: run `node esbuild.mjs` first.');
  const folder = mkdtempSync(join(tmpdir(), 'seams-lsp-bench-'));
  const files = generateArchitecture({ services, callsPerService: 3, seed: 7, backEdges: 0.05 });
  for (const f of files) writeFileSync(join(folder, f.file), f.text);
  // As VS Code: the client takes `itemDefaults.editRange` in completion lists.
  const lsp = await LspSession.start(folder, { completionItemDefaults: true });
  // A check of 10,000 services takes seconds on a loaded machine: wait for minutes, not 20 s.
  const wait = services >= 10_000 ? 600_000 : 20_000;
  try {
    // Wait until the whole workspace has been checked once: the teams file reports team-overload or similar,
    // but any first publish after the scan means the scan is done (the server checks once after reading all).
    await lsp.next(() => true, 'first diagnostics', Math.max(wait, 60_000));

    const name = files[1].file; // the first system file
    const text = files[1].text;
    const uri = await lsp.open(name, text);
    const owner = positionOf(text, '    owner team-', '    owner team-'.length);
    // Put the cursor at the end of the owner's team name.
    const line = text.split('\n')[owner.line];
    const end = { line: owner.line, character: line.length };

    const keystroke = async (i: number): Promise<number> => {
      // Odd keystrokes add an `x` (unknown team), even ones remove it again.
      const add = i % 2 === 0;
      const wanted = add;
      const waiting = lsp.next(
        (p) => p.uri === uri && p.diagnostics.some((d) => /no team named/.test(d.message)) === wanted,
        'keystroke diagnostics',
        wait,
      );
      const t0 = performance.now();
      if (add) await lsp.change(uri, [{ range: { start: end, end }, text: 'x' }]);
      else await lsp.change(uri, [{ range: { start: end, end: { line: end.line, character: end.character + 1 } }, text: '' }]);
      await waiting;
      return performance.now() - t0;
    };
    const diag: number[] = [];
    for (let i = 0; i < runs + 4; i++) {
      const ms = await keystroke(i);
      if (i >= 4) diag.push(ms);
    }

    // Completion right after a keystroke, on a new line typed at the end of the first service.
    const insertAt = positionOf(text, '\n  }\n', 1, 1);
    const callsLine = '    calls ';
    await lsp.change(uri, [{ range: { start: insertAt, end: insertAt }, text: callsLine + '\n' }]);
    const afterCalls = { line: insertAt.line, character: callsLine.length };
    const afterKeystroke = async (typed: string, request: () => Promise<unknown>): Promise<{ ms: number; answer: unknown }> => {
      // As an editor does: the keystroke, then at once the completion request. Afterwards wait
      // for the keystroke's diagnostics, so each run starts from a settled server (typing pace).
      const settled = lsp.next((p) => p.uri === uri, 'diagnostics after the completion keystroke', wait);
      await lsp.change(uri, [{ range: { start: afterCalls, end: { line: afterCalls.line, character: 200 } }, text: typed }]);
      const t0 = performance.now();
      const answer = await request();
      const ms = performance.now() - t0;
      await settled;
      return { ms, answer };
    };
    const completionAt = async (position: { line: number; character: number }, typed: string): Promise<{ ms: number; n: number }> => {
      const r = await afterKeystroke(typed, () => lsp.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position }));
      // An array (older builds) or a list, bounded past MAX_COMPLETION_ITEMS (completion-list.ts).
      const answer = r.answer as unknown[] | { items: unknown[] };
      return { ms: r.ms, n: Array.isArray(answer) ? answer.length : answer.items.length };
    };
    // The floor: a request the server answers without any work (folding ranges of a file it
    // does not know), under the same conditions. What completion adds to it is its own cost.
    const baseline = () =>
      afterKeystroke('x', () => lsp.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri: 'untitled:none' } }));
    const servicesMs: number[] = [];
    const apisMs: number[] = [];
    const baselineMs: number[] = [];
    for (let i = 0; i < runs + 4; i++) {
      const a = await completionAt(afterCalls, '');
      const typed = 'svc-3.';
      const b = await completionAt({ line: afterCalls.line, character: afterCalls.character + typed.length }, typed);
      if (a.n < Math.min(services - 1, MAX_COMPLETION_ITEMS) || b.n !== 1)
        throw new Error(`unexpected completion counts ${a.n} and ${b.n} at ${JSON.stringify(afterCalls)}`);
      const c = await baseline();
      if (i >= 4) {
        servicesMs.push(a.ms);
        apisMs.push(b.ms);
        baselineMs.push(c.ms);
      }
    }
    return {
      services,
      diagnosticsMs: median(diag),
      completionServicesMs: median(servicesMs),
      completionApisMs: median(apisMs),
      roundTripMs: median(baselineMs),
    };
  } finally {
    await lsp.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * A workspace of `services` services in ONE file: the time from starting the
 * server to that file's first diagnostics, and the size of that publish (the
 * server bounds a file's list to 1,000 diagnostics and a summary).
 */
export async function measureFirstDiagnostics(
  services: number,
): Promise<{ services: number; ms: number; messageMb: number; shown: number }> {
  const folder = mkdtempSync(join(tmpdir(), 'seams-lsp-first-'));
  const text = generateArchitecture({ services, callsPerService: 3, seed: 7, backEdges: 0.05 })
    .map((f) => f.text)
    .join('\n');
  writeFileSync(join(folder, 'all.seams'), text);
  const t0 = performance.now();
  const lsp = await LspSession.start(folder);
  try {
    const uri = lsp.uri('all.seams');
    const p = await lsp.next((x) => x.uri === uri, 'first diagnostics', 600_000);
    const ms = performance.now() - t0;
    return { services, ms, messageMb: Buffer.byteLength(JSON.stringify(p)) / 1024 / 1024, shown: p.diagnostics.length };
  } finally {
    await lsp.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}

const fmt = (ms: number) => (ms < 10 ? ms.toFixed(2) : ms.toFixed(1));

export async function run(): Promise<void> {
  const sizes = (process.env.SEAMS_BENCH_LSP_SIZES ?? '1000,10000').split(',').map(Number);
  console.log('## Language server, through the protocol (median ms)\n');
  console.log('| services | keystroke → diagnostics | completion after `calls ` | completion after `calls X.` | empty request (floor) |');
  console.log('|---:|---:|---:|---:|---:|');
  // SEAMS_BENCH_LSP_BEFORE=<another build's dist/server.cjs>: that build is measured too, just
  // before this one at each size, so a change is compared under the same load (ratios to each floor).
  const before = process.env.SEAMS_BENCH_LSP_BEFORE;
  for (const services of sizes) {
    for (const [label, server] of before ? [['before: ', before] as const, ['after: ', undefined] as const] : [['', undefined] as const]) {
      if (server) process.env.SEAMS_SERVER = server;
      else delete process.env.SEAMS_SERVER;
      const r = await measureLsp(services, services >= 10_000 ? 9 : 21);
      console.log(
        `| ${label}${r.services.toLocaleString('en')} | ${fmt(r.diagnosticsMs)} | ${fmt(r.completionServicesMs)} | ${fmt(r.completionApisMs)} | ${fmt(r.roundTripMs)} |`,
      );
    }
  }
  const first = await measureFirstDiagnostics(20_000);
  console.log('\n| one file of | start → first diagnostics | that publish | diagnostics in it |');
  console.log('|---:|---:|---:|---:|');
  console.log(
    `| ${first.services.toLocaleString('en')} services | ${(first.ms / 1000).toFixed(1)} s | ${first.messageMb.toFixed(2)} MB | ${first.shown.toLocaleString('en')} |`,
  );
  const load = loadavg()[0].toFixed(1);
  console.log(
    `\nTargets: keystroke → diagnostics ≤ 50 ms at 1,000 services and ≤ 150 ms at 10,000 (the server debounces 15 ms of that), completion ≤ 30 ms at 10,000. Load average after the run: ${load} on ${cpus().length} cores (other processes inflate every number).\n`,
  );
}

// Alone (`node --import tsx` this file); under test/bench/run.mjs, which calls run() itself.
if (import.meta.url === `file://${process.argv[1]}` && !process.env.SEAMS_BENCH_RUNNER) await run();
