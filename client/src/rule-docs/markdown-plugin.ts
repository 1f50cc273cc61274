/**
 * The markdown-it plugin the extension gives VS Code's Markdown preview: ```seams code blocks
 * are coloured by highlight-seams.ts; every other language keeps the preview's own colouring.
 * Free of the `vscode` module so it can be tested under plain Node.
 */
import { highlightSeams } from './highlight-seams.js';

/** The subset of markdown-it that the preview hands to `extendMarkdownIt`. */
export interface MarkdownIt {
  options: { highlight?: ((code: string, lang: string, attrs: string) => string) | null };
}

export function extendMarkdownIt(md: MarkdownIt): MarkdownIt {
  const previous = md.options.highlight;
  md.options.highlight = (code, lang, attrs) => {
    if (lang.trim().toLowerCase() === 'seams') return `<div>${highlightSeams(code)}</div>`;
    return previous ? previous(code, lang, attrs) : '';
  };
  return md;
}
