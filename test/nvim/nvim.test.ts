// Neovim (Debian's 0.7) as a second real LSP client: it starts `seams lsp --stdio` on an
// example file and must receive the same diagnostics that `seams check` reports for it.
// Without nvim it prints a loud SKIP, except under CI, where it fails.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { seamsCheckJson } from '../helpers/seams-check-json.js';

const repoRoot = resolve(import.meta.dirname, '../..');
const cli = join(repoRoot, 'dist/cli.cjs');
const hasNvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' }).status === 0;
const skip = !hasNvim && !process.env.CI ? 'nvim is not installed' : undefined;
if (skip) console.log('\n*** SKIP test/nvim: nvim is not installed (apt-get install -y neovim). ***\n');

interface Reported {
  line: number;
  column: number;
  code: string;
}

test('Neovim receives the diagnostics of seams check from `seams lsp --stdio`', { skip, timeout: 120_000 }, (t) => {
  assert.ok(hasNvim, 'nvim is missing: apt-get install -y neovim');
  assert.ok(existsSync(cli), `${cli} is missing: run \`node esbuild.mjs\` first`);
  const work = mkdtempSync(join(tmpdir(), 'seams-nvim-'));
  t.after(() => rmSync(work, { recursive: true, force: true }));
  const root = join(work, 'examples');
  cpSync(join(repoRoot, 'examples'), root, { recursive: true });

  const all = seamsCheckJson(cli, root);
  // The file with the most diagnostics says the most about the server.
  const counts = new Map<string, number>();
  for (const d of all) counts.set(d.file, (counts.get(d.file) ?? 0) + 1);
  const [file] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? assert.fail('seams check reports nothing for the examples');
  const key = (d: Reported) => `${d.line}:${d.column} ${d.code}`;
  const expected = all
    .filter((d) => d.file === file)
    .map(key)
    .sort();

  const out = join(work, 'diagnostics.json');
  const nvim = spawnSync(
    'nvim',
    ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${join(import.meta.dirname, 'lsp-diagnostics.lua')}`],
    {
      cwd: root,
      encoding: 'utf8',
      timeout: 90_000,
      env: {
        ...process.env,
        SEAMS_NODE: process.execPath,
        SEAMS_CLI: cli,
        SEAMS_ROOT: root,
        SEAMS_FILE: join(root, file),
        SEAMS_OUT: out,
        SEAMS_MIN_DIAGNOSTICS: String(expected.length),
        SEAMS_TIMEOUT_MS: '60000',
      },
    },
  );
  assert.equal(nvim.status, 0, `nvim failed (${nvim.status ?? nvim.signal}):\n${nvim.stdout}\n${nvim.stderr}`);
  const result = JSON.parse(readFileSync(out, 'utf8')) as { arrived: boolean; exited: unknown; diagnostics: Reported[] };
  console.log(`[nvim] ${file}: ${JSON.stringify(result.diagnostics.map(key))}`);
  assert.ok(result.arrived, `no diagnostics arrived in time (server exit: ${JSON.stringify(result.exited)})`);
  assert.deepEqual(result.diagnostics.map(key).sort(), expected);
});
