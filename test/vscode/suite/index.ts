// Entry point that VS Code's extension host loads as `extensionTestsPath`. Both runners use
// it: code-server (test/vscode/vscode.test.ts) and @vscode/test-electron (run-electron.mjs).
// It is bundled to out/test/vscode/suite/index.cjs next to the *.suite.cjs files it runs;
// mocha itself stays external and is found in the repository's node_modules.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  // Colours would reach the terminal as escape codes through codeAutomationLog.
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, reporter: 'spec' });
  const here = __dirname;
  const files = readdirSync(here)
    .filter((name) => name.endsWith('.suite.cjs'))
    .sort();
  if (files.length === 0) return Promise.reject(new Error(`no *.suite.cjs files next to ${here}`));
  for (const name of files) mocha.addFile(join(here, name));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} editor test(s) failed`)) : resolve()));
  });
}
