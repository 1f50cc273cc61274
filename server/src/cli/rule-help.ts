/**
 * The help text of each code as Markdown, read from the rule pages that ship with the
 * package (`docs/rules/<code>.md`, and the "Fixed errors" section of `docs/rules/README.md`).
 * SARIF carries it inline as `help.markdown`, so a code-scanning alert explains itself even
 * when the package has no web address to link to.
 *
 * Links between the pages are relative and would go nowhere inside an alert, so they are
 * turned into their text. Read lazily and once: only SARIF output needs it.
 */
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let docsDir: string | null | undefined;

/** Where this code runs from: the bundle in dist/ (ESM or CommonJS) or, in tests, this source file. */
function startingPoints(): string[] {
  const starts: string[] = [];
  try {
    if (typeof import.meta.url === 'string' && import.meta.url.startsWith('file:')) starts.push(dirname(fileURLToPath(import.meta.url)));
  } catch {
    // Not an ES module (the CommonJS bundle): __dirname below.
  }
  if (typeof __dirname === 'string') starts.push(__dirname);
  // `npx seams` runs a link in node_modules/.bin: follow it to the package.
  if (process.argv[1]) {
    try {
      starts.push(dirname(realpathSync(process.argv[1])));
    } catch {
      // A script that no longer exists has no folder to search from.
    }
  }
  return starts;
}

/** Seams's own `docs/rules`: beside a package.json named `seams`, found upwards from the code. */
function rulesDocsDir(): string | undefined {
  if (docsDir !== undefined) return docsDir ?? undefined;
  docsDir = null;
  for (const start of startingPoints()) {
    for (let dir: string | undefined = start; dir;) {
      const candidate = join(dir, 'docs', 'rules');
      if (existsSync(join(candidate, 'README.md')) && isSeamsPackage(dir)) return (docsDir = candidate);
      const parent = dirname(dir);
      dir = parent === dir ? undefined : parent;
    }
  }
  return undefined;
}

/** Guards against a user's own docs/rules folder above a linked bin. */
function isSeamsPackage(dir: string): boolean {
  try {
    return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string }).name === 'seams';
  } catch {
    return false;
  }
}

const cache = new Map<string, string | undefined>();

/** The Markdown help of a rule code or a fixed error (`fixed: true`), or undefined when absent. */
export function ruleHelpMarkdown(code: string, fixed = false): string | undefined {
  const key = fixed ? 'fixed-errors' : code;
  if (cache.has(key)) return cache.get(key);
  const dir = rulesDocsDir();
  let text: string | undefined;
  try {
    if (dir && fixed) text = section(readFileSync(join(dir, 'README.md'), 'utf8'), /^##\s+Fixed errors/im);
    else if (dir && /^[a-z0-9-]+$/.test(code)) text = readFileSync(join(dir, `${code}.md`), 'utf8');
  } catch {
    text = undefined;
  }
  const help = text === undefined ? undefined : unlinkRelative(text).trim();
  cache.set(key, help);
  return help;
}

/** From the heading that matches to the next heading of the same or a higher level. */
function section(markdown: string, heading: RegExp): string | undefined {
  const match = heading.exec(markdown);
  if (!match) return undefined;
  const level = /^#+/.exec(match[0])![0].length;
  const rest = markdown.slice(match.index + match[0].length);
  const end = new RegExp(`^#{1,${level}}\\s`, 'm').exec(rest);
  return match[0] + (end ? rest.slice(0, end.index) : rest);
}

/** `[text](other.md)` and `[text](#anchor)` → `text`; links with a scheme (https:, mailto:) stay. */
export function unlinkRelative(markdown: string): string {
  return markdown.replace(/\[([^\]]*)\]\((?![a-z][a-z0-9+.-]*:)([^)]*)\)/gi, '$1');
}
