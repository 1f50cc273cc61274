/**
 * Line indexes per file, each built again only when its file's text changes.
 * The server converts ranges with it and signs its diagnostics with
 * it (lsp/diagnostic-signatures.ts).
 */
import { LineIndex } from './line-index.js';

export class Lines {
  private readonly cache = new Map<string, { text: string; index: LineIndex }>();

  /** `text(file)` gives a file's current text (undefined when the file is unknown). */
  constructor(private readonly text: (file: string) => string | undefined) {}

  of(file: string): LineIndex {
    const text = this.text(file) ?? '';
    const hit = this.cache.get(file);
    if (hit && hit.text === text) return hit.index;
    const index = new LineIndex(text);
    this.cache.set(file, { text, index });
    return index;
  }

  /** The file's current text, as the line indexes see it. */
  textOf(file: string): string | undefined {
    return this.text(file);
  }

  forget(file: string): void {
    this.cache.delete(file);
  }
}
