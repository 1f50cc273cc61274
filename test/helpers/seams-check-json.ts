// Runs the built `seams check --format json` on a folder. The editor tests (VS Code, its
// extension host, Neovim) compare what the editor shows with this reference.
import { spawnSync } from 'node:child_process';
import type { JsonDiagnostic } from '../../server/src/cli/format-json.js';

export type { JsonDiagnostic };

/** The diagnostics `seams check` reports for every `.seams` file under `folder`, paths relative to it. */
export function seamsCheckJson(cli: string, folder: string): JsonDiagnostic[] {
  const result = spawnSync(process.execPath, [cli, 'check', '--format', 'json'], {
    cwd: folder,
    encoding: 'utf8',
    // Inside desktop VS Code's extension host process.execPath is Electron; this makes it act as Node.
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
  });
  // Exit 1 only says that errors were found; 2 or a signal means the check itself failed.
  if (result.status !== 0 && result.status !== 1)
    throw new Error(`seams check failed (${result.status ?? result.signal}): ${result.stderr}`);
  return (JSON.parse(result.stdout) as { diagnostics: JsonDiagnostic[] }).diagnostics;
}
