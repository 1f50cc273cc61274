// What package.json promises the editor (grammar, configuration, snippets,
// icons) exists and has the shape VS Code and the marketplace expect.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { repoRoot } from './tokenizer.js';

const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
const inRepo = (p: string) => path.join(repoRoot, p);

test('the grammar, configuration and snippets package.json names exist and agree', () => {
  const language = manifest.contributes.languages.find((l: { id: string }) => l.id === 'seams');
  const grammar = manifest.contributes.grammars.find((g: { language: string }) => g.language === 'seams');
  const snippets = manifest.contributes.snippets.find((s: { language: string }) => s.language === 'seams');
  for (const p of [language.configuration, grammar.path, snippets.path, language.icon.light, language.icon.dark]) {
    assert.ok(existsSync(inRepo(p)), `${p} missing`);
  }
  const tm = JSON.parse(readFileSync(inRepo(grammar.path), 'utf8'));
  assert.equal(tm.scopeName, grammar.scopeName);
  assert.equal(tm.scopeName, 'source.seams');
});

test('the extension icon is a 128x128 PNG under 20 KB', () => {
  const file = inRepo(manifest.icon);
  const png = readFileSync(file);
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
  assert.equal(png.toString('latin1', 12, 16), 'IHDR');
  assert.equal(png.readUInt32BE(16), 128, 'width');
  assert.equal(png.readUInt32BE(20), 128, 'height');
  assert.ok(statSync(file).size < 20_000, `${statSync(file).size} bytes`);
});

test('the file icon is a small 16x16 SVG', () => {
  const svg = readFileSync(inRepo('client/media/file-icon.svg'), 'utf8');
  assert.match(svg, /^<svg [^>]*width="16" height="16" viewBox="0 0 16 16"/);
  assert.ok(svg.length < 20_000);
  assert.doesNotMatch(svg, /<script|href="http/, 'no scripts or remote references');
});

test('in .seams files a hyphen does not separate words, so double-click and word highlight keep kebab names whole', () => {
  const separators: string = manifest.contributes.configurationDefaults['[seams]']['editor.wordSeparators'];
  // VS Code's default separators, minus the hyphen.
  assert.equal(separators, '`~!@#$%^&*()=+[{]}\\|;:\'",.<>/?');
  const words = (line: string) => line.split(new RegExp(`[\\s${separators.replace(/[\\\]^-]/g, '\\$&')}]+`)).filter(Boolean);
  assert.deepEqual(words('store tier-db postgres'), ['store', 'tier-db', 'postgres']);
  assert.deepEqual(words('calls catalog.catalog-api v2 {'), ['calls', 'catalog', 'catalog-api', 'v2']);
});
