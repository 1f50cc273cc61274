#!/usr/bin/env node
// Writes dist/README.vsix.md: the README as the extension's details page in VS Code shows it.
//
// The details page cannot follow a relative link or load a relative image: it is a webview
// that accepts only https: and data: images and opens only http(s) links. Published to the
// Marketplace, vsce would point both at the repository; a package with no web address has
// nowhere to point. So, for the package only:
// - every image under docs/images is embedded as a data: URI (the README's pictures ship
//   inside the README itself);
// - a relative link to another page becomes its text, because there is no address to open
//   (the pages themselves ship in the package for the editor: rule pages open from each
//   diagnostic's code).
// README.md itself is not changed; on GitHub its links and images work as written.
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const MIME = { '.png': 'image/png', '.svg': 'image/svg+xml', '.jpg': 'image/jpeg', '.gif': 'image/gif' };

/** A relative target inside the repository, or undefined for web links, anchors and data. */
function relativeTarget(target) {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('#') || target.startsWith('/')) return undefined;
  const path = normalize(target.split('#')[0]);
  return path.startsWith('..') ? undefined : path;
}

export function readmeForPackage(markdown, readFile = (p) => readFileSync(join(root, p))) {
  // Images first: ![alt](path "title")
  let out = markdown.replace(/!\[([^\]]*)\]\(([^)\s]+)(\s+"[^"]*")?\)/g, (whole, alt, target, title = '') => {
    const path = relativeTarget(target);
    const mime = path && MIME[extname(path).toLowerCase()];
    if (!mime) return whole;
    return `![${alt}](data:${mime};base64,${readFile(path).toString('base64')}${title})`;
  });
  // Then links that are not images: [text](path)
  out = out.replace(/(?<!!)\[([^\]]+)\]\(([^)\s]+)\)/g, (whole, text, target) => (relativeTarget(target) ? text : whole));
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const out = join(root, 'dist', 'README.vsix.md');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, readmeForPackage(readme));
  if (!existsSync(out)) process.exit(1);
  console.log(`[vsix-readme] ${out}`);
}
