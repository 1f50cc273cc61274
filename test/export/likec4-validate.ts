/**
 * LikeC4's own validator, `likec4 validate`, run as a child process.
 *
 * likec4 1.46 is the newest release that runs on Node 20 (later ones declare
 * Node >= 22), so it runs here under the same Node as the tests. Each start
 * costs seconds, so every model to check goes into ONE run: each becomes a
 * LikeC4 project of its own (a folder with `likec4.config.json`), which keeps
 * their names apart, and the errors are mapped back to the project's folder.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface LikeC4Result {
  /** The process's exit code (0: every project valid). */
  status: number | null;
  /** Error lines per model name (empty when valid). */
  errors: Map<string, string[]>;
  /** Everything likec4 printed, for a failure message. */
  output: string;
  /** likec4's version line. */
  version: string;
}

function likec4Bin(): string {
  const pkg = createRequire(import.meta.url).resolve('likec4/package.json');
  return join(dirname(pkg), 'bin', 'likec4.mjs');
}

/** Validates each named `.c4` text as its own project, in one `likec4 validate` run. */
export function validateLikeC4(models: ReadonlyMap<string, string>): LikeC4Result {
  const root = mkdtempSync(join(tmpdir(), 'seams-likec4-'));
  const folderOf = new Map<string, string>();
  try {
    let n = 0;
    for (const [name, text] of models) {
      const folder = `p${n++}`;
      folderOf.set(folder, name);
      mkdirSync(join(root, folder));
      writeFileSync(join(root, folder, 'likec4.config.json'), JSON.stringify({ name: `project-${folder}` }));
      writeFileSync(join(root, folder, 'model.c4'), text);
    }
    const run = spawnSync(process.execPath, [likec4Bin(), 'validate', '--ignore-layout', root], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
      timeout: 120_000,
    });
    // eslint-disable-next-line no-control-regex
    const output = `${run.stdout}${run.stderr}`.replace(/\u001b\[[0-9;]*m/g, '');
    const errors = new Map<string, string[]>();
    for (const name of models.keys()) errors.set(name, []);
    // "ERROR … Invalid /tmp/…/p3/model.c4" followed by indented "Line N: message" lines.
    let current: string | undefined;
    for (const line of output.split('\n')) {
      const invalid = /Invalid .*[\\/](p\d+)[\\/]model\.c4/.exec(line);
      if (invalid) {
        current = folderOf.get(invalid[1]);
        if (current !== undefined) errors.get(current)?.push(line.trim());
        continue;
      }
      if (current !== undefined && /^\s+Line \d+:/.test(line)) errors.get(current)?.push(line.trim());
      else if (!/^\s/.test(line)) current = undefined;
    }
    const version = /version (\d+\.\d+\.\d+)/.exec(output)?.[1];
    const found = /found (\d+) source files/.exec(output)?.[1];
    if (run.error || version === undefined || Number(found) !== models.size) {
      // Never let a validator that did not run pass for one that accepted everything.
      throw new Error(`likec4 validate did not run over the ${models.size} models: ${run.error?.message ?? ''}\n${output}`);
    }
    return { status: run.status, errors, output, version };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/**
 * The element and relationship titles of one `.c4` text as LikeC4 reads them:
 * `likec4 export json` of it, so quoting is judged by LikeC4's own unescaping.
 */
export function likec4Titles(text: string): { elements: string[]; relations: string[] } {
  const root = mkdtempSync(join(tmpdir(), 'seams-likec4-'));
  try {
    writeFileSync(join(root, 'model.c4'), text);
    const out = join(root, 'model.json');
    const run = spawnSync(process.execPath, [likec4Bin(), 'export', 'json', '-o', out, root], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
      timeout: 120_000,
    });
    if (run.status !== 0) throw new Error(`likec4 export json failed: ${run.error?.message ?? ''}\n${run.stdout}${run.stderr}`);
    const model = JSON.parse(readFileSync(out, 'utf8')) as {
      elements: Record<string, { title: string }>;
      relations: Record<string, { title?: string }>;
    };
    return {
      elements: Object.values(model.elements).map((e) => e.title),
      relations: Object.values(model.relations).map((r) => r.title ?? ''),
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
