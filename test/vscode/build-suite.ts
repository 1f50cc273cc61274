// Bundles the in-editor mocha suite (test/vscode/suite/) to out/test/vscode/suite/*.cjs, the
// form VS Code's extension host can `require` as extensionTestsPath. `vscode` comes from the
// host and mocha from the repository's node_modules, so neither is bundled.
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as esbuild from 'esbuild';

export const repoRoot = resolve(import.meta.dirname, '../..');
const suiteDir = join(repoRoot, 'test/vscode/suite');
export const suiteOutDir = join(repoRoot, 'out/test/vscode/suite');
/** The file to pass as extensionTestsPath. */
export const suiteEntry = join(suiteOutDir, 'index.cjs');

export async function buildEditorSuite(): Promise<string> {
  const entries = readdirSync(suiteDir).filter((name) => name === 'index.ts' || name.endsWith('.suite.ts'));
  await esbuild.build({
    entryPoints: entries.map((name) => join(suiteDir, name)),
    outdir: suiteOutDir,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  return suiteEntry;
}
