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
 * Every run reports its own peak resident memory and CPU time at exit through
 * a preloaded script (test/bench/max-rss.cjs); the table gives the medians of
 * wall time and memory, and the ratio of CPU times as a second reading that
 * the machine's load disturbs less. SEAMS_BENCH_BEFORE=<path to another
 * build's dist/cli.cjs> adds that build's rows, measured in the same rounds.
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
// SEAMS_BENCH_BEFORE=<another checkout>/dist/cli.cjs measures that build too, in the same rounds.
const BEFORE = process.env.SEAMS_BENCH_BEFORE;
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

/** What one command cost: medians over the rounds. */
interface Cost {
  /** Wall time, ms. */
  wall: number;
  /** The process's own CPU time, user plus system, ms (steadier than wall time under load). */
  cpu: number;
  /** Peak resident memory, MB. */
  rss: number;
}

/**
 * Runs the commands in turn, `rounds` times, each with test/bench/max-rss.cjs
 * preloaded (every command alike, floors included); the medians of each.
 */
function alternate(commands: Command[], rounds: number): Cost[] {
  const samples = commands.map(() => ({ wall: [] as number[], cpu: [] as number[], rss: [] as number[] }));
  const file = join(tmpdir(), `seams-bench-usage-${process.pid}.json`);
  for (let r = 0; r < rounds; r++) {
    commands.forEach((c, i) => {
      rmSync(file, { force: true });
      const [bin, ...rest] = c.argv;
      const t0 = performance.now();
      const result = spawnSync(bin, ['--require', join(BENCH, 'max-rss.cjs'), ...rest], {
        cwd: c.cwd ?? ROOT,
        stdio: 'ignore',
        env: { ...process.env, SEAMS_BENCH_RSS_FILE: file },
      });
      samples[i].wall.push(performance.now() - t0);
      if (result.error) throw new Error(`${c.label}: ${result.error.message}`);
      if (!existsSync(file)) throw new Error(`${c.label}: exited with ${result.status} before reporting its usage`);
      const usage = JSON.parse(readFileSync(file, 'utf8')) as { maxRSS: number; user: number; system: number };
      samples[i].cpu.push((usage.user + usage.system) / 1000);
      samples[i].rss.push(usage.maxRSS / 1024);
    });
  }
  rmSync(file, { force: true });
  return samples.map((s) => ({ wall: median(s.wall), cpu: median(s.cpu), rss: median(s.rss) }));
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

  // Each build measured: this one and, with SEAMS_BENCH_BEFORE, another in the same rounds.
  const builds = [{ name: 'Seams', cli: CLI }, ...(BEFORE ? [{ name: 'before', cli: BEFORE }] : [])];
  const bare: Command = { label: "node -e ''", argv: [NODE, '-e', ''] };
  const lexer10k: Command = { label: 'lexer (10,000)', argv: [NODE, lexer, big] };
  const small = alternate(
    [
      bare,
      ...builds.flatMap((b) => [
        { label: `${b.name} --version`, argv: [NODE, b.cli, '--version'] },
        { label: `${b.name} check (100)`, argv: [NODE, b.cli, 'check', join(OUT, 'm100')] },
      ]),
    ],
    11,
  );
  const large = alternate([lexer10k, ...builds.map((b) => ({ label: `${b.name} check (10,000)`, argv: [NODE, b.cli, 'check', big] }))], 5);
  const [bareCost] = small;
  const [lexerCost] = large;

  const rows: string[] = [];
  builds.forEach((b, i) => {
    const tag = b.name === 'Seams' ? '' : ` (${b.name})`;
    const [versionCost, check100Cost] = small.slice(1 + 2 * i, 3 + 2 * i);
    const check10kCost = large[1 + i];
    rows.push(
      `| \`seams --version\`${tag} | ${ms(versionCost.wall)} | \`node -e ''\` ${ms(bareCost.wall)} | ${ratio(versionCost.wall, bareCost.wall)} | ${ratio(versionCost.cpu, bareCost.cpu)} | ≤ 2.5× |`,
      `| \`seams check\`, 100 services${tag} | ${ms(check100Cost.wall)} | \`node -e ''\` ${ms(bareCost.wall)} | ${ratio(check100Cost.wall, bareCost.wall)} | ${ratio(check100Cost.cpu, bareCost.cpu)} | ≤ 2.5× |`,
      `| \`seams check\`, 10,000 services (one ${(bigBytes / 1e6).toFixed(1)} MB file)${tag} | ${ms(check10kCost.wall)} | Chevrotain lexer ${ms(lexerCost.wall)} | ${ratio(check10kCost.wall, lexerCost.wall)} | ${ratio(check10kCost.cpu, lexerCost.cpu)} | ≤ 1.5× |`,
      `| peak memory, the same${tag} | ${check10kCost.rss.toFixed(0)} MB | lexer ${lexerCost.rss.toFixed(0)} MB | ${ratio(check10kCost.rss, lexerCost.rss)} | | ≤ 1.2× |`,
    );
  });

  const peer = process.env.SEAMS_BENCH_NO_PEER ? 'skipped (SEAMS_BENCH_NO_PEER)' : findLikeC4();
  if (typeof peer === 'string') {
    rows.push(`| \`seams check\`, 5,000 services | — | ${peer} | — | — | ≥ 20× faster |`);
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
    const [seams5kMs, likec4Ms] = alternate([seams5k, likec4], 2).map((c) => c.wall);
    rows.push(
      `| \`seams check\`, 5,000 services | ${ms(seams5kMs)} | \`${peer.label.split(' (')[0]} validate ${noLayout}\` ${ms(likec4Ms)} | ${(likec4Ms / seams5kMs).toFixed(1)}× faster | | ≥ 20× faster |`,
    );
    console.error(`(peer: ${peer.label})`);
  }

  console.log('## Whole process, side by side (median wall time, alternated in one run)\n');
  console.log('| measure | Seams | floor or peer | ratio | CPU time ratio | goal |');
  console.log('|---|---:|---:|---:|---:|---|');
  for (const r of rows) console.log(r);
  console.log(
    `\nLoad average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores; ${process.version}. Medians of 11 rounds (100 services), 5 (10,000) and 2 (5,000); CPU time is each process's own, user plus system.\n`,
  );
}

// Alone (`node --import tsx` this file); under test/bench/run.mjs, which calls run() itself.
if (import.meta.url === `file://${process.argv[1]}` && !process.env.SEAMS_BENCH_RUNNER) await run();
