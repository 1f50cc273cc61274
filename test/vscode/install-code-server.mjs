#!/usr/bin/env node
// Installs code-server (a real VS Code 1.100.3 served to a browser) into .cache/code-server/,
// the way /work/shared/recipes/real-vscode.md describes for machines that reach only the npm
// registry and Debian. It is idempotent: a finished install is recognised and left alone.
//
// Usage: node test/vscode/install-code-server.mjs     (prints the code-server entry on stdout)
// Library: import { installCodeServer } from './install-code-server.mjs'
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const installDir = join(repoRoot, '.cache', 'code-server');
const packageDir = join(installDir, 'node_modules', 'code-server');
/** The script that starts code-server; run it with the current `node`. */
export const codeServerEntry = join(packageDir, 'out', 'node', 'entry.js');
// Written only after npm succeeded, so a half-finished install is never taken for a whole one.
const doneMarker = join(installDir, `installed-${CODE_SERVER_VERSION}`);

/** Debian packages that code-server's native modules and the browser tests need. */
export const DEBIAN_PACKAGES = ['libkrb5-dev', 'pkg-config', 'libx11-dev', 'libxkbfile-dev', 'libsecret-1-dev', 'ripgrep', 'chromium'];

export function missingDebianPackages(packages = DEBIAN_PACKAGES) {
  return packages.filter(
    (name) => spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' }).stdout?.includes('install ok installed') !== true,
  );
}

export function isCodeServerInstalled() {
  return existsSync(doneMarker) && existsSync(codeServerEntry);
}

/**
 * @vscode/ripgrep downloads its binary from GitHub during install, unless the archive already
 * sits in its cache under the temp folder. Debian's `rg` packed the same way stands in for it.
 */
function seedRipgrepCache(tempDir) {
  const rg = ['/usr/bin/rg', '/bin/rg'].find((p) => existsSync(p));
  if (!rg) throw new Error('ripgrep is not installed (/usr/bin/rg); run: apt-get install -y ripgrep');
  const cacheDir = join(tempDir, 'vscode-ripgrep-cache-1.15.11');
  mkdirSync(cacheDir, { recursive: true });
  const staging = mkdtempSync(join(tempDir, 'rg-'));
  copyFileSync(rg, join(staging, 'rg'));
  execFileSync('tar', ['-czf', join(cacheDir, 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz'), '-C', staging, 'rg']);
}

/** Installs code-server if needed and returns the path of its entry script. */
export function installCodeServer({ log = (line) => process.stderr.write(`${line}\n`) } = {}) {
  if (isCodeServerInstalled()) return codeServerEntry;

  const missing = missingDebianPackages();
  if (missing.length > 0) {
    throw new Error(
      `code-server cannot be installed: missing Debian packages ${missing.join(', ')}.\n` +
        `Install them first: apt-get update && apt-get install -y ${DEBIAN_PACKAGES.join(' ')}`,
    );
  }

  mkdirSync(installDir, { recursive: true });
  rmSync(doneMarker, { force: true });
  // A package.json of its own keeps npm from walking up into the extension's manifest.
  writeFileSync(join(installDir, 'package.json'), JSON.stringify({ name: 'seams-code-server-cache', private: true }, null, 2) + '\n');

  const tempDir = mkdtempSync(join(tmpdir(), 'seams-code-server-install-'));
  try {
    seedRipgrepCache(tempDir);
    log(`[install-code-server] npm install code-server@${CODE_SERVER_VERSION} into ${installDir} (a minute or two)`);
    const started = Date.now();
    // flock serialises npm runs on this machine (the team's rule: npm never runs twice at once).
    const result = spawnSync(
      'flock',
      [
        '/tmp/seams-npm.lock',
        'npm',
        'install',
        '--no-save',
        '--no-audit',
        '--no-fund',
        '--loglevel=error',
        `code-server@${CODE_SERVER_VERSION}`,
      ],
      {
        cwd: installDir,
        stdio: ['ignore', 'inherit', 'inherit'],
        env: {
          ...process.env,
          TMPDIR: tempDir,
          // Its install scripts refuse to run as root without this, and node-pty's install
          // step runs `npx node-gyp`, which must not stop to ask.
          npm_config_unsafe_perm: 'true',
          npm_config_yes: 'true',
          // Build native modules against the local Node headers instead of downloading them.
          ...(existsSync('/usr/include/node/common.gypi') && !process.env.npm_config_nodedir ? { npm_config_nodedir: '/usr' } : {}),
        },
      },
    );
    if (result.status !== 0)
      throw new Error(`npm install code-server@${CODE_SERVER_VERSION} failed (exit ${result.status ?? result.signal})`);
    if (!existsSync(codeServerEntry)) throw new Error(`code-server installed but ${codeServerEntry} is missing`);
    const installed = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')).version;
    if (installed !== CODE_SERVER_VERSION) throw new Error(`expected code-server ${CODE_SERVER_VERSION}, npm installed ${installed}`);
    writeFileSync(doneMarker, `${new Date().toISOString()}\n`);
    log(`[install-code-server] done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return codeServerEntry;
  } finally {
    rmSync(tempDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    console.log(installCodeServer());
  } catch (error) {
    console.error(`[install-code-server] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
