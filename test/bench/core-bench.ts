/**
 * `npm run bench`: how fast Seams is, as medians and as ratios to a baseline
 * measured in the same run (never as pass/fail timings). Run through
 * test/bench/run.mjs, which bundles it as the CLI is bundled.
 *
 * Core: for generated models of 100, 1,000 and 10,000 services (about 3 calls
 * each), the median of several warm runs of lexing alone (the floor), parsing,
 * and a full check (parse, model, every rule), and full check ÷ lexing. Memory:
 * the heap retained by a full check result.
 */
import { checkSources } from '../../server/src/core/check.js';
import { parseSeams } from '../../server/src/core/syntax/parse.js';
import { seamsLexer } from '../../server/src/core/syntax/tokens.js';
import { generateArchitecture } from '../helpers/generate-architecture.js';

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Runs `fn` `warmup` times unmeasured, then `runs` times; returns the median in ms. */
export function timeMedian(fn: () => unknown, runs: number, warmup = 2): number {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function heapMb(): number {
  gc();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

const fmt = (ms: number) => (ms < 10 ? ms.toFixed(2) : ms.toFixed(1));

async function coreBench(): Promise<void> {
  console.log('## Core: lex, parse, full check (median ms, warm, one process)\n');
  console.log('| services | size | findings | lex | parse | full check | full ÷ lex | retained heap |');
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const services of [100, 1_000, 10_000]) {
    const files = generateArchitecture({ services, callsPerService: 3, seed: 1, backEdges: 0.05, healthy: true });
    const bytes = files.reduce((n, f) => n + f.text.length, 0);
    const runs = services >= 10_000 ? 7 : 15;
    const lex = timeMedian(() => files.forEach((f) => seamsLexer.tokenize(f.text)), runs);
    const parse = timeMedian(() => files.forEach((f) => parseSeams(f.text, f.file)), runs);
    const full = timeMedian(() => checkSources(files), runs);
    const before = heapMb();
    const kept = checkSources(files);
    const retained = heapMb() - before;
    if (kept.model.services.size !== services) throw new Error('the generated model lost services');
    console.log(
      `| ${services.toLocaleString('en')} | ${(bytes / 1024).toFixed(0)} KB | ${kept.diagnostics.length} | ${fmt(lex)} | ${fmt(parse)} | ${fmt(full)} | ${(full / lex).toFixed(2)}× | ${retained.toFixed(1)} MB |`,
    );
  }
  console.log('\nGoal: a full check of 10,000 services within 5× of lexing them. The generated models are');
  console.log('mostly healthy (nesting timeouts; findings are shared stores, long chains from user-facing');
  console.log('services and a few back-edge cycles), as a team running Seams would have.\n');
}

/** Entry point for test/bench/run.mjs. */
export async function run(): Promise<void> {
  await coreBench();
}
