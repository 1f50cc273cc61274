/**
 * The help text of each code as Markdown, read from the rule pages that ship with the
 * package (`docs/rules/<code>.md`, and the "Fixed errors" section of `docs/rules/README.md`).
 * SARIF carries it inline as `help.markdown`, so a code-scanning alert explains itself even
 * when the package has no web address to link to.
 *
 * Links between the pages are relative and would go nowhere inside an alert, so they are
 * turned into their text. Read lazily and once: only SARIF output needs it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

let docsDir: string | null | undefined;

/** The package's `docs/rules` folder: found upwards from the bundle (dist/) or the running script. */
function rulesDocsDir(): string | undefined {
  if (docsDir !== undefined) return docsDir ?? undefined;
  const starts = [typeof __dirname === 'string' ? __dirname : undefined, process.argv[1] ? dirname(process.argv[1]) : undefined];
  docsDir = null;
  for (const start of starts) {
    for (let dir = start; dir; ) {
      const candidate = join(dir, 'docs', 'rules');
      if (existsSync(join(candidate, 'README.md'))) return (docsDir = candidate);
      const parent = dirname(dir);
      dir = parent === dir ? undefined : parent;
    }
  }
  return undefined;
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
