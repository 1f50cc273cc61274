// Runs the mocha suite inside code-server's extension host, the way @vscode/test-web does:
// the workbench URL carries extensionDevelopmentPath and extensionTestsPath, and the
// workbench reports the run through two functions the page exposes beforehand.
import { format } from 'node:util';
import type { BrowserContext } from 'playwright-core';
import type { CodeServer } from './code-server.js';

export interface SuiteRun {
  exitCode: number;
  /** The extension host's console (mocha's spec reporter), line by line. */
  output: string[];
}

export async function runSuiteInWorkbench(
  server: CodeServer,
  context: BrowserContext,
  options: { extensionPath: string; testsPath: string; workspace: string; timeoutMs: number },
): Promise<SuiteRun> {
  const page = await context.newPage();
  const output: string[] = [];
  try {
    let exit: (code: number) => void = () => {};
    const exited = new Promise<number>((resolve) => (exit = resolve));
    await page.exposeFunction('codeAutomationExit', (code: number) => exit(code));
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
      // The host forwards console calls unformatted (mocha's reporter uses '%s' patterns).
      const line = format(...(Array.isArray(args) ? args : [args]));
      output.push(type === 'log' || type === 'info' ? line : `[${type}] ${line}`);
    });
    const payload = [
      ['extensionDevelopmentPath', server.remoteUri(options.extensionPath)],
      ['extensionTestsPath', server.remoteUri(options.testsPath)],
    ];
    const url = `${server.url}/?folder=${encodeURIComponent(options.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    await page.goto(url);
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`the editor suite did not finish within ${options.timeoutMs} ms; output so far:\n${output.join('\n')}`)),
        options.timeoutMs,
      );
    });
    try {
      return { exitCode: await Promise.race([exited, timedOut]), output };
    } finally {
      clearTimeout(timer);
    }
  } finally {
    await page.close();
  }
}
