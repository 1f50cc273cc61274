/**
 * Runs the BUILT command line (dist/cli.cjs) the way a user does: in a folder of
 * its own, with a clean environment, capturing stdout, stderr and the exit code.
 * Each test file builds once in a `before` hook with `buildCli()`.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
export const CLI = join(ROOT, 'dist', 'cli.cjs');

export function buildCli(): void {
  const r = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`build failed:\n${r.stderr}`);
}

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node dist/cli.cjs ...args` in `cwd`; colour variables are cleared unless given. */
export function runCli(args: readonly string[], options: { cwd?: string; env?: Record<string, string> } = {}): CliRun {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['FORCE_COLOR', 'NO_COLOR', 'NODE_DISABLE_COLORS', 'CI']) delete env[name];
  Object.assign(env, options.env);
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: options.cwd ?? ROOT, env, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A temporary folder holding `files` (path → text or bytes); removed by the returned `dispose`. */
export function tempTree(files: Record<string, string | Uint8Array>): { dir: string; dispose(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'seams-cli-'));
  for (const [path, content] of Object.entries(files)) {
    const full = join(dir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Asserts the shape every exit-2 case must have: exactly one line on stderr, prefixed `seams:`. */
export function oneErrorLine(run: CliRun): string {
  const lines = run.stderr.split('\n');
  if (lines.length !== 2 || lines[1] !== '' || !lines[0].startsWith('seams: ')) {
    throw new Error(`expected one "seams: ..." line on stderr, got ${JSON.stringify(run.stderr)}`);
  }
  return lines[0];
}

/** A clean model: one team with on-call, one service with everything the rules ask for. */
export const CLEAN = `team shop-team {
  oncall "#shop-oncall"
}

service shop {
  owner shop-team
  tier internal
  api shop-api v1 rest
}
`;
