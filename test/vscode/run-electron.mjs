#!/usr/bin/env node
// Runs the editor suite (test/vscode/suite/) in desktop VS Code with @vscode/test-electron.
//
// IT CANNOT RUN ON THE PROJECT'S BUILD MACHINES: runTests downloads VS Code from the VS Code
// update service, and those machines reach only the npm registry and Debian. There the same
// suite runs in code-server instead (test/vscode/vscode.test.ts, part of `npm test`). Use this
// on a machine with internet access, e.g. a contributor's laptop or a public CI:
//
//   node esbuild.mjs && node --import tsx test/vscode/run-electron.mjs [--version 1.100.3]
//
// (tsx is needed because the suite's bundler, build-suite.ts, is TypeScript.) It loads the
// extension from the working tree's dist/ rather than a .vsix; the code-server test covers
// the packaged extension.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { buildEditorSuite, repoRoot } from './build-suite.ts';

const versionFlag = process.argv.indexOf('--version');
const version = versionFlag > 0 ? process.argv[versionFlag + 1] : 'stable';

const extensionTestsPath = await buildEditorSuite();
// The suite edits its workspace (rename, quick fix, formatting), so it gets a copy.
const workspace = mkdtempSync(join(tmpdir(), 'seams-electron-'));
cpSync(join(repoRoot, 'examples'), workspace, { recursive: true });
try {
  await runTests({
    version,
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath,
    // Other installed extensions stay out of the way; the workspace is the examples' copy.
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
  });
} catch (error) {
  console.error(`[run-electron] ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  rmSync(workspace, { recursive: true, force: true });
}
