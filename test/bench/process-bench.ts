/**
 * Whole-process figures, side by side with floors measured in the same run
 * (`npm run bench`, or `node test/bench/run.mjs process`). Every command is a
 * fresh `node BIN …` and the commands are run in turn, round after round, so
 * the machine's load falls on all of them alike; the table gives medians and
 * ratios, never pass/fail times:
 *
 * - `seams --version` and `seams check` of 100 services against bare
 *   `node -e ''` (goal: within 2.5×);
 * - `seams check` of 10,000 services in one 3 MB file against a bare Chevrotain
 *   lexer of the same file (test/bench/lexer-floor.ts; goal: within 1.5× in time
 *   and 1.2× in peak memory);
 * - `seams check` of 5,000 services against `likec4 validate` of the same
 *   architecture (test/bench/likec4-model.ts; goal: 20× faster), when LikeC4 can
 *   run here. LikeC4 1.59 needs Node ≥ 22: the bench installs `likec4` and
 *   `node@22` from npm into out/bench/peer once (SEAMS_BENCH_NO_INSTALL=1 skips
 *   that and uses the project's own likec4 devDependency on this Node instead;
 *   SEAMS_BENCH_NO_PEER=1 leaves LikeC4 out: its runs take minutes).
 *
 * Peak memory is the process's maximum resident set size, reported by a
 * preloaded script at exit (test/bench/max-rss.cjs), from one extra run each.
 */
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkSources } from '../../server/src/core/check.js';
import { generateArchitecture } from '../helpers/generate-architecture.js';
import { toLikeC4 } from './likec4-model.js';

const ROOT = join(import.meta.dirname, '..', '..');
// Bundled into out/bench/ by run.mjs: find the sources from the repository root instead.
const BENCH = join(ROOT, 'test', 'bench');
const OUT = join(ROOT, 'out', 'bench', 'process');
// SEAMS_BENCH_CLI measures another build (e.g. a copy of an older dist/) against the same floors.
const CLI = process.env.SEAMS_BENCH_CLI ?? join(ROOT, 'dist', 'cli.cjs');
const NODE = process.execPath;

interface Command {
  label: string;
  argv: string[];
  cwd?: string;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Runs the commands in turn, `rounds` times; the median wall time of each, in ms. */
function alternate(commands: Command[], rounds: number): number[] {
  const times = commands.map(() => [] as number[]);
  for (let r = 0; r < rounds; r++) {
    commands.forEach((c, i) => {
      const t0 = performance.now();
      const result = spawnSync(c.argv[0], c.argv.slice(1), { cwd: c.cwd ?? ROOT, stdio: 'ignore' });
      times[i].push(performance.now() - t0);
      if (result.error) throw new Error(`${c.label}: ${result.error.message}`);
    });
  }
  return times.map(median);
}

/** The peak resident memory of one run, in MB. */
function peakMb(c: Command): number {
  const file = join(tmpdir(), `seams-bench-rss-${process.pid}.txt`);
  rmSync(file, { force: true });
  const [bin, ...rest] = c.argv;
  spawnSync(bin, ['--require', join(BENCH, 'max-rss.cjs'), ...rest], {
    cwd: c.cwd ?? ROOT,
    stdio: 'ignore',
    env: { ...process.env, SEAMS_BENCH_RSS_FILE: file },
  });
  const kb = Number(readFileSync(file, 'utf8'));
  rmSync(file, { force: true });
  return kb / 1024;
}

function writeModel(dir: string, services: number): { file: string; text: string }[] {
  const files = generateArchitecture({ services, callsPerService: 3, seed: 1, backEdges: 0.05, healthy: true });
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const f of files) writeFileSync(join(dir, f.file), f.text);
  return files;
}

async function buildLexerFloor(): Promise<string> {
  const outfile = join(OUT, 'lexer-floor.mjs');
  await esbuild.build({
    entryPoints: [join(BENCH, 'lexer-floor.ts')],
    bundle: true,
    minify: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'warning',
  });
  return outfile;
}

interface Peer {
  label: string;
  node: string;
  bin: string;
}

/** `likec4` and a Node it runs on, or why there is none. */
function findLikeC4(): Peer | string {
  const peerDir = join(ROOT, 'out', 'bench', 'peer');
  const peerNode = join(peerDir, 'node_modules', 'node', 'bin', 'node');
  const peerBin = join(peerDir, 'node_modules', 'likec4', 'bin', 'likec4.mjs');
  if (!existsSync(peerBin) && !process.env.SEAMS_BENCH_NO_INSTALL) {
    console.error('(installing likec4 and node@22 from npm into out/bench/peer, once)');
    mkdirSync(peerDir, { recursive: true });
    if (!existsSync(join(peerDir, 'package.json'))) writeFileSync(join(peerDir, 'package.json'), '{ "private": true }\n');
    spawnSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', 'likec4@1.59', 'node@22'], {
      cwd: peerDir,
      stdio: 'ignore',
    });
  }
  const version = (dir: string) => (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
  if (existsSync(peerBin) && existsSync(peerNode)) {
    return {
      label: `likec4 ${version(join(peerDir, 'node_modules', 'likec4'))} (Node ${output(peerNode, ['--version'])})`,
      node: peerNode,
      bin: peerBin,
    };
  }
  const ownDir = join(ROOT, 'node_modules', 'likec4');
  if (existsSync(join(ownDir, 'bin', 'likec4.mjs'))) {
    return { label: `likec4 ${version(ownDir)} (Node ${process.version})`, node: NODE, bin: join(ownDir, 'bin', 'likec4.mjs') };
  }
  return 'LikeC4 is not installed and could not be installed';
}

function output(bin: string, args: string[]): string {
  return spawnSync(bin, args, { encoding: 'utf8' }).stdout.trim();
}

const ms = (x: number) => (x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(0)} ms`);
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

export async function run(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  if (!existsSync(CLI)) throw new Error('dist/cli.cjs is missing: run `node esbuild.mjs` first.');
  const lexer = await buildLexerFloor();
  writeModel(join(OUT, 'm100'), 100);
  const m5000 = writeModel(join(OUT, 'm5000'), 5_000);
  // 10,000 services in ONE file, as the floor was first measured (3 MB, one lexer run).
  const big = join(OUT, 'm10000.seams');
  writeFileSync(
    big,
    generateArchitecture({ services: 10_000, callsPerService: 3, seed: 1, backEdges: 0.05, healthy: true })
      .map((f) => f.text)
      .join('\n'),
  );
  const bigBytes = readFileSync(big).length;

  const bare: Command = { label: "node -e ''", argv: [NODE, '-e', ''] };
  const version: Command = { label: 'seams --version', argv: [NODE, CLI, '--version'] };
  const check100: Command = { label: 'seams check (100)', argv: [NODE, CLI, 'check', join(OUT, 'm100')] };
  const [bareMs, versionMs, check100Ms] = alternate([bare, version, check100], 11);

  const seams10k: Command = { label: 'seams check (10,000)', argv: [NODE, CLI, 'check', big] };
  const lexer10k: Command = { label: 'lexer (10,000)', argv: [NODE, lexer, big] };
  const [seams10kMs, lexer10kMs] = alternate([seams10k, lexer10k], 5);
  const seams10kMb = median([1, 2, 3].map(() => peakMb(seams10k)));
  const lexer10kMb = median([1, 2, 3].map(() => peakMb(lexer10k)));

  const rows: string[] = [
    `| \`seams --version\` | ${ms(versionMs)} | \`node -e ''\` ${ms(bareMs)} | ${ratio(versionMs, bareMs)} | ≤ 2.5× |`,
    `| \`seams check\`, 100 services | ${ms(check100Ms)} | \`node -e ''\` ${ms(bareMs)} | ${ratio(check100Ms, bareMs)} | ≤ 2.5× |`,
    `| \`seams check\`, 10,000 services (one ${(bigBytes / 1e6).toFixed(1)} MB file) | ${ms(seams10kMs)} | Chevrotain lexer ${ms(lexer10kMs)} | ${ratio(seams10kMs, lexer10kMs)} | ≤ 1.5× |`,
    `| peak memory, the same | ${seams10kMb.toFixed(0)} MB | lexer ${lexer10kMb.toFixed(0)} MB | ${ratio(seams10kMb, lexer10kMb)} | ≤ 1.2× |`,
  ];

  const peer = process.env.SEAMS_BENCH_NO_PEER ? 'skipped (SEAMS_BENCH_NO_PEER)' : findLikeC4();
  if (typeof peer === 'string') {
    rows.push(`| \`seams check\`, 5,000 services | — | ${peer} | — | ≥ 20× faster |`);
  } else {
    const c4 = join(OUT, 'c4-5000');
    rmSync(c4, { recursive: true, force: true });
    mkdirSync(c4, { recursive: true });
    writeFileSync(join(c4, 'model.c4'), toLikeC4(checkSources(m5000).model));
    // 1.59 spells it --no-layout; 1.46 --skip-layout.
    const help = output(peer.node, [peer.bin, 'validate', '--help']);
    const noLayout = help.includes('--no-layout') ? '--no-layout' : '--skip-layout';
    const seams5k: Command = { label: 'seams check (5,000)', argv: [NODE, CLI, 'check', join(OUT, 'm5000')] };
    const likec4: Command = { label: 'likec4 validate', argv: [peer.node, peer.bin, 'validate', noLayout, c4] };
    const [seams5kMs, likec4Ms] = alternate([seams5k, likec4], 2);
    rows.push(
      `| \`seams check\`, 5,000 services | ${ms(seams5kMs)} | \`${peer.label.split(' (')[0]} validate ${noLayout}\` ${ms(likec4Ms)} | ${(likec4Ms / seams5kMs).toFixed(1)}× faster | ≥ 20× faster |`,
    );
    console.error(`(peer: ${peer.label})`);
  }

  console.log('## Whole process, side by side (median wall time, alternated in one run)\n');
  console.log('| measure | Seams | floor or peer | ratio | goal |');
  console.log('|---|---:|---:|---:|---|');
  for (const r of rows) console.log(r);
  console.log(
    `\nLoad average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores; ${process.version}. Medians of 11 rounds (100 services), 5 (10,000) and 2 (5,000).\n`,
  );
}

// Alone (`node --import tsx` this file); under test/bench/run.mjs, which calls run() itself.
if (import.meta.url === `file://${process.argv[1]}` && !process.env.SEAMS_BENCH_RUNNER) await run();
