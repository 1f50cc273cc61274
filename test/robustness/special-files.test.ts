/**
 * Files that are not plain text files, or too large, or gone: `seams check`
 * reads only regular files, up to a size limit (50 MB by default,
 * `--max-file-size`), and never hangs on a FIFO or reads /dev/zero for ever.
 * Each such file is that file's problem (one line on stderr, exit 2); the other
 * files are still checked and reported. The language server reads the same
 * way when a file event names such a file, and keeps answering.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { FileChangeType, HoverRequest } from 'vscode-languageserver-protocol/node.js';
import { buildCli, CLI, tempTree } from '../cli/cli-harness.js';
import { LspSession, tempWorkspace } from '../lsp/lsp-session.js';

before(() => buildCli());

const GOOD = 'service good {\n  owner nobody\n}\n';

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 30_000 });
  assert.equal(r.error, undefined, `seams ${args.join(' ')} did not finish: ${String(r.error)}`);
  return r;
}

test("a FIFO, a link to /dev/zero and a dangling link are those files' problems; the rest is checked", () => {
  const tree = tempTree({ 'good.seams': GOOD });
  try {
    execFileSync('mkfifo', [join(tree.dir, 'fifo.seams')]);
    symlinkSync('/dev/zero', join(tree.dir, 'zero.seams'));
    symlinkSync(join(tree.dir, 'vanished.seams'), join(tree.dir, 'gone.seams'));
    const r = run(['check', '.', '--format', 'json'], tree.dir);
    assert.equal(r.status, 2, r.stderr);
    const report = JSON.parse(r.stdout) as { files: number; diagnostics: { file: string; message: string }[] };
    assert.equal(report.files, 1);
    assert.ok(report.diagnostics.some((d) => d.file === 'good.seams' && /no team named nobody/.test(d.message)));
    const lines = r.stderr.trimEnd().split('\n');
    assert.equal(lines.length, 3, r.stderr);
    assert.match(r.stderr, /cannot read fifo\.seams: it is not a regular file/);
    assert.match(r.stderr, /cannot read zero\.seams: it is not a regular file/);
    assert.match(r.stderr, /cannot read gone\.seams: no such file or folder/);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
  } finally {
    tree.dispose();
  }
});

test('a file above the size limit is refused with the limit named; --max-file-size changes it', () => {
  const big = `// ${'x'.repeat(2 * 1024 * 1024)}\n${GOOD}`;
  const tree = tempTree({ 'big.seams': big });
  try {
    const refused = run(['check', '--max-file-size', '1'], tree.dir);
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, /^seams: cannot read big\.seams: it is 2\.0 MB, above the limit of 1 MB per file \(--max-file-size\)\n$/);
    assert.equal(run(['check'], tree.dir).status, 1, 'within the default 50 MB it is read and checked');
    const usage = run(['check', '--max-file-size', 'lots'], tree.dir);
    assert.equal(usage.status, 2);
    assert.match(usage.stderr, /max-file-size/);
  } finally {
    tree.dispose();
  }
});

test('the language server survives file events naming a FIFO or /dev/zero', async () => {
  const ws = tempWorkspace(false);
  writeFileSync(join(ws.folder, 'good.seams'), GOOD);
  const lsp = await LspSession.start(ws.folder);
  after(async () => {
    await lsp.stop();
    ws.remove();
  });
  await lsp.next(() => true, 'first diagnostics');
  execFileSync('mkfifo', [join(ws.folder, 'fifo.seams')]);
  symlinkSync('/dev/zero', join(ws.folder, 'zero.seams'));
  await lsp.watched([
    { uri: pathToFileURL(join(ws.folder, 'fifo.seams')).href, type: FileChangeType.Created },
    { uri: pathToFileURL(join(ws.folder, 'zero.seams')).href, type: FileChangeType.Created },
  ]);
  const hover = lsp.connection.sendRequest(HoverRequest.type, {
    textDocument: { uri: lsp.uri('good.seams') },
    position: { line: 0, character: 9 },
  });
  const late = new Promise((_, reject) => setTimeout(() => reject(new Error('the server stopped answering')), 15_000).unref());
  assert.ok(await Promise.race([hover, late]), 'a hover answer');
  assert.equal(lsp.child.exitCode, null);
});
