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
import { seamsLexer } from './chevrotain-lexer.js';
import { generateArchitecture } from '../helpers/generate-architecture.js';
import { generateShape, SHAPES, type Shape } from '../helpers/generate-shapes.js';

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

/** The sizes the issue names; each is measured against half of it. */
const GROWTH_SIZES: Record<Shape, number> = { chain: 20_000, cycle: 5_000, 'fan-out': 5_000, 'one system': 50_000 };

/**
 * Growth: a full check of n and of 2n services of each shape that could hide
 * superlinear work, alternated, medians of warm runs after a full collection;
 * the ratio should stay near 2 (≤ ~2.3). test/performance/growth.test.ts
 * asserts the same ratios at smaller sizes.
 */
function growthBench(): void {
  console.log('## Growth: twice the input, how much more time (median ms, warm, one process)\n');
  console.log('| shape | n | check of n | check of 2n | ratio |');
  console.log('|---|---:|---:|---:|---:|');
  for (const shape of SHAPES) {
    const large = GROWTH_SIZES[shape];
    const a = [generateShape(shape, large / 2)];
    const b = [generateShape(shape, large)];
    checkSources(a);
    checkSources(b);
    const ta: number[] = [];
    const tb: number[] = [];
    for (let i = 0; i < 5; i++) {
      gc();
      let t0 = performance.now();
      checkSources(a);
      ta.push(performance.now() - t0);
      gc();
      t0 = performance.now();
      checkSources(b);
      tb.push(performance.now() - t0);
    }
    const ma = median(ta);
    const mb = median(tb);
    console.log(`| ${shape} | ${(large / 2).toLocaleString('en')} | ${fmt(ma)} | ${fmt(mb)} | ${(mb / ma).toFixed(2)}× |`);
  }
  console.log('\nGoal: every ratio ≤ ~2.3 (2 is linear, 4 quadratic).\n');
}

/** Entry point for test/bench/run.mjs. */
export async function run(): Promise<void> {
  await coreBench();
  growthBench();
}
