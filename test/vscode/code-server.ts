// Starts a real VS Code (code-server) in a throwaway sandbox for one test run and stops it,
// with its whole process tree, afterwards. See /work/shared/recipes/real-vscode.md.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { killProcessTree } from './process-tree.js';

export interface CodeServer {
  readonly url: string;
  readonly port: number;
  /** Root of the sandbox: HOME, XDG folders, TMPDIR, user data and extensions live below it. */
  readonly sandbox: string;
  readonly extensionsDir: string;
  /** Everything code-server printed, for failure messages. */
  log(): string;
  /** A `vscode-remote://` URI for an absolute path on this machine, as the workbench wants it. */
  remoteUri(path: string): string;
  stop(): Promise<void>;
}

export interface CodeServerOptions {
  /** The `code-server` entry script (see install-code-server.mjs). */
  entry: string;
  /** Folder opened when the workbench URL names none. */
  workspace: string;
  /** `.vsix` files installed with `--install-extension` before the server starts. */
  vsixFiles?: string[];
  /** Extra environment for code-server and so for the extension host and language server. */
  env?: Record<string, string>;
  /** User settings on top of the defaults below (e.g. `workbench.colorTheme`). */
  settings?: Record<string, unknown>;
}

const settings = {
  'workbench.startupEditor': 'none',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'workbench.tips.enabled': false,
  'security.workspace.trust.enabled': false,
  // Keeps screenshots and row counts stable: no chat, no welcome walkthroughs.
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'chat.commandCenter.enabled': false,
  // code-server otherwise offers to forward every port a process opens.
  'remote.autoForwardPorts': false,
  // The screenshot reads better without the sticky scope headers over the first lines.
  'editor.stickyScroll.enabled': false,
};

function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once `child` prints `pattern`; rejects if it exits or `timeoutMs` passes first. */
function waitForOutput(child: ChildProcess, pattern: RegExp, timeoutMs: number, log: () => string): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const onData = (chunk: Buffer) => {
      seen += chunk.toString('utf8');
      if (pattern.test(seen)) finish();
    };
    const onExit = (code: number | null) => finish(new Error(`code-server exited (${code}) before it was ready:\n${log()}`));
    const timer = setTimeout(() => finish(new Error(`code-server was not ready after ${timeoutMs} ms:\n${log()}`)), timeoutMs);
    function finish(error?: Error) {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stderr?.off('data', onData);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve();
    }
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
  });
}

export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  const sandbox = mkdtempSync(join(tmpdir(), 'seams-code-server-'));
  const dirs = {
    home: join(sandbox, 'home'),
    config: join(sandbox, 'xdg-config'),
    data: join(sandbox, 'xdg-data'),
    cache: join(sandbox, 'xdg-cache'),
    tmp: join(sandbox, 'tmp'),
    userData: join(sandbox, 'user-data'),
    extensions: join(sandbox, 'extensions'),
  };
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
  mkdirSync(join(dirs.userData, 'User'), { recursive: true });
  writeFileSync(join(dirs.userData, 'User', 'settings.json'), JSON.stringify({ ...settings, ...options.settings }, null, 2));

  // Nothing of code-server's may land in the real home folder or /tmp.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOME: dirs.home,
    XDG_CONFIG_HOME: dirs.config,
    XDG_DATA_HOME: dirs.data,
    XDG_CACHE_HOME: dirs.cache,
    TMPDIR: dirs.tmp,
    ...options.env,
  };
  const common = ['--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];

  for (const vsix of options.vsixFiles ?? []) {
    const result = spawnSync(process.execPath, [options.entry, ...common, '--install-extension', vsix], {
      env,
      encoding: 'utf8',
      timeout: 120_000,
    });
    if (result.status !== 0) {
      rmSync(sandbox, { recursive: true, force: true });
      throw new Error(
        `code-server --install-extension ${vsix} failed (${result.status ?? result.signal}):\n${result.stdout}\n${result.stderr}`,
      );
    }
  }

  const port = await freeLoopbackPort();
  const logFile = join(sandbox, 'code-server.log');
  const logStream = createWriteStream(logFile);
  const child = spawn(
    process.execPath,
    [
      options.entry,
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${port}`,
      ...common,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      options.workspace,
    ],
    { env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout.pipe(logStream);
  child.stderr.pipe(logStream);
  const log = () => {
    try {
      return readFileSync(logFile, 'utf8');
    } catch {
      return '';
    }
  };
  const url = `http://127.0.0.1:${port}`;

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      killProcessTree(child.pid!);
      await exited;
    }
    logStream.end();
    rmSync(sandbox, { recursive: true, force: true });
  };

  try {
    await waitForOutput(child, /HTTP server listening on/, 60_000, log);
    const health = await fetch(`${url}/healthz`);
    if (!health.ok) throw new Error(`${url}/healthz answered ${health.status}`);
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    url,
    port,
    sandbox,
    extensionsDir: dirs.extensions,
    log,
    remoteUri: (path) => `vscode-remote://127.0.0.1:${port}${path}`,
    stop,
  };
}
