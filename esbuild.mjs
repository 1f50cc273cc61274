// One build script, one esbuild context per target (see docs/ARCHITECTURE.md).
// Node targets are CommonJS with `vscode` external; the webview is a browser IIFE;
// the command line is ESM split into chunks (below). Type checking is a separate
// step (`npm run typecheck`): esbuild only strips types. Every entry point must
// exist: a missing one fails the build.
import * as esbuild from 'esbuild';
import { chmodSync, existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
// `--no-minify` keeps names readable, e.g. for a CPU profile (node --cpu-prof dist/cli.cjs …).
const minify = !process.argv.includes('--no-minify');

const node = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  // Minified always: Node compiles every byte of a bundle at start-up, and a smaller
  // bundle starts faster (source maps keep the names for debugging).
  minify,
  external: ['vscode'],
  // The package is "type": "module" (chevrotain 11 is ESM-only), so CommonJS bundles end in .cjs.
  outExtension: { '.js': '.cjs' },
  logLevel: 'warning',
};

/**
 * The command line: `server/src/cli/main.ts` imports each command's module with
 * `await import(…)`, and esbuild's code splitting (ESM only) puts each such module,
 * and what only it needs, in a chunk of its own, so a command loads only what it
 * runs: `seams --version` loads commander alone, `seams check` neither the layout
 * engine nor the language server. Chunks sit beside the entry (dist/cli-*.mjs), so
 * `__dirname` is dist/ in every chunk as it is in the CommonJS bundles. The banner
 * gives each chunk the `require`, `__dirname` and `__filename` that bundled
 * CommonJS dependencies and our own code expect.
 */
const cli = {
  ...node,
  format: 'esm',
  splitting: true,
  entryPoints: { cli: 'server/src/cli/main.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  chunkNames: 'cli-[name]-[hash]',
  banner: {
    js: [
      "import { createRequire as __seamsRequire } from 'node:module';",
      "import { dirname as __seamsDirname } from 'node:path';",
      "import { fileURLToPath as __seamsPath } from 'node:url';",
      'const require = __seamsRequire(import.meta.url);',
      'const __filename = __seamsPath(import.meta.url);',
      'const __dirname = __seamsDirname(__filename);',
    ].join(' '),
  },
};

const targets = [
  { ...node, entryPoints: { client: 'client/src/extension.ts' }, outdir: 'dist' },
  { ...node, entryPoints: { server: 'server/src/lsp/main.ts' }, outdir: 'dist' },
  { ...node, entryPoints: { 'layout-worker': 'server/src/lsp/layout-worker.ts' }, outdir: 'dist' },
  cli,
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

const missing = targets.flatMap((t) => Object.values(t.entryPoints)).filter((p) => !existsSync(p));
if (missing.length > 0) {
  console.error(`[esbuild] missing entry point${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}`);
  process.exit(1);
}

/**
 * dist/cli.cjs, the package's `bin`, stays a file that `node dist/cli.cjs` runs
 * as before; it only loads the ESM entry.
 */
function writeCliShim() {
  writeFileSync('dist/cli.cjs', "#!/usr/bin/env node\n'use strict';\nimport('./cli.mjs');\n");
  // `npm ci` links the `seams` bin before `prepare` builds it, so npm never marks it
  // executable; `npx seams` would then fail with "Permission denied".
  chmodSync('dist/cli.cjs', 0o755);
}

// Chunk names carry a content hash: remove the previous build's, so dist/ holds one set.
if (existsSync('dist')) {
  for (const f of readdirSync('dist')) if (/^cli-.*\.mjs(\.map)?$/.test(f)) rmSync(`dist/${f}`);
}

if (watch) {
  for (const t of targets) await (await esbuild.context(t)).watch();
  writeCliShim();
  console.log('[esbuild] watching', targets.length, 'targets');
} else {
  await Promise.all(targets.map((t) => esbuild.build(t)));
  writeCliShim();
}
