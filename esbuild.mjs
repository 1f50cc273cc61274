// One build script, one esbuild context per target (see docs/ARCHITECTURE.md).
// Node targets are CommonJS with `vscode` external; the webview is a browser IIFE.
// Type checking is a separate step (`npm run typecheck`): esbuild only strips types.
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const node = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  external: ['vscode'],
  // The package is "type": "module" (chevrotain 11 is ESM-only), so CommonJS bundles end in .cjs.
  outExtension: { '.js': '.cjs' },
  logLevel: 'warning',
};

const targets = [
  { ...node, entryPoints: { client: 'client/src/extension.ts' }, outdir: 'dist' },
  { ...node, entryPoints: { server: 'server/src/lsp/main.ts' }, outdir: 'dist' },
  { ...node, entryPoints: { 'layout-worker': 'server/src/lsp/layout-worker.ts' }, outdir: 'dist' },
  { ...node, entryPoints: { 'check-worker': 'server/src/lsp/check-worker.ts' }, outdir: 'dist' },
  { ...node, entryPoints: { cli: 'server/src/cli/main.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' } },
  {
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    sourcemap: !production,
    minify: production,
    entryPoints: { webview: 'webview/src/main.ts' },
    outdir: 'dist',
    logLevel: 'warning',
  },
];

import { chmodSync, existsSync } from 'node:fs';
// A target whose entry point does not exist yet is skipped, so the build works while
// the project grows; once every entry exists nothing is skipped.
const present = targets.filter((t) => Object.values(t.entryPoints).every((p) => existsSync(p)));

if (watch) {
  for (const t of present) await (await esbuild.context(t)).watch();
  console.log('[esbuild] watching', present.length, 'targets');
} else {
  await Promise.all(present.map((t) => esbuild.build(t)));
  // `npm ci` links the `seams` bin before `prepare` builds it, so npm never marks it
  // executable; `npx seams` would then fail with "Permission denied".
  if (existsSync('dist/cli.cjs')) chmodSync('dist/cli.cjs', 0o755);
}
