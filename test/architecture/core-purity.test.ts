/**
 * The core (server/src/core) is shared by the language server, the CLI, the
 * webview (in a browser) and the tests, so it may import neither the editor
 * libraries nor Node's built-ins. This test fails the moment it does.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';

const root = join(import.meta.dirname, '..', '..');
const core = join(root, 'server', 'src', 'core');

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

const FORBIDDEN = [
  /^vscode$/,
  /^vscode-languageserver/,
  /^vscode-languageclient/,
  /^vscode-jsonrpc/,
  /^node:/,
  /^(fs|path|os|child_process|worker_threads|net|http|https|url|util|crypto)$/,
];

test('the core imports no editor, protocol or Node module', () => {
  const offenders: string[] = [];
  const files = tsFiles(core);
  assert.ok(files.length > 10, 'the core was found');
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
      const spec = m[1] ?? m[2];
      if (FORBIDDEN.some((re) => re.test(spec))) offenders.push(`${relative(root, file)} imports ${spec}`);
    }
  }
  assert.deepEqual(offenders, []);
});
