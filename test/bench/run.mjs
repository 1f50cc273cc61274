#!/usr/bin/env node
// `npm run bench`: bundles each benchmark with esbuild (as the CLI and the server are
// bundled: tsx's keep-names wrappers would otherwise dominate the figures), then runs
// them in turn in fresh processes with --expose-gc. Each *-bench.ts exports run().
import * as esbuild from 'esbuild';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = join(import.meta.dirname, '..', '..');
const outDir = join(root, 'out', 'bench');
mkdirSync(outDir, { recursive: true });
const only = process.argv[2];

for (const name of ['process-bench', 'core-bench', 'layout-bench', 'preview-bench', 'lsp-bench', 'check-phases']) {
  if (only && !name.startsWith(only)) continue;
  const source = join(import.meta.dirname, `${name}.ts`);
  if (!existsSync(source)) continue;
  const outfile = join(outDir, `${name}.mjs`);
  await esbuild.build({
    stdin: { contents: `import { run } from ${JSON.stringify(source)}; await run();`, resolveDir: root, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    // esbuild itself (the process bench builds the lexer floor) runs from node_modules.
    external: ['esbuild'],
    logLevel: 'warning',
    // Some dependencies are CommonJS and call require(); give the ESM bundle one.
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  const r = spawnSync(process.execPath, ['--expose-gc', outfile], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, SEAMS_BENCH_RUNNER: '1' },
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
