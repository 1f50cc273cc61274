// Finds declarations and references in the example workspace's text, so the editor tests
// can ask the language server about real names without hard-coding the examples' content.
import * as vscode from 'vscode';

export const ID = '[A-Za-z_][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)*';

export interface SeamsSource {
  readonly uri: vscode.Uri;
  readonly document: vscode.TextDocument;
}

export interface Match {
  readonly source: SeamsSource;
  /** The captured name. */
  readonly name: string;
  /** Where the captured name starts and ends. */
  readonly range: vscode.Range;
}

/**
 * Every match of `pattern` (a regex source whose first group is the name) at the start of
 * a line, in all sources. Anchoring at a line start keeps words inside comments out.
 */
export function findAll(sources: readonly SeamsSource[], pattern: string): Match[] {
  const found: Match[] = [];
  const regex = new RegExp(`^[ \\t]*${pattern}`, 'gm');
  for (const source of sources) {
    const text = source.document.getText();
    for (const m of text.matchAll(regex)) {
      const name = m[1]!;
      const start = m.index! + m[0].lastIndexOf(name);
      found.push({
        source,
        name,
        range: new vscode.Range(source.document.positionAt(start), source.document.positionAt(start + name.length)),
      });
    }
  }
  return found;
}

export function findFirst(sources: readonly SeamsSource[], pattern: string, what: string): Match {
  const match = findAll(sources, pattern)[0];
  if (!match) throw new Error(`the example workspace has no ${what} (/${pattern}/)`);
  return match;
}

/** The text of a service's body: from `service NAME` to the next top-level-looking keyword. */
export function serviceBody(sources: readonly SeamsSource[], service: string): string {
  const declaration = findFirst(sources, `service\\s+(${service})\\b`, `declaration of service ${service}`);
  const text = declaration.source.document.getText();
  const from = declaration.source.document.offsetAt(declaration.range.start);
  const rest = text.slice(from);
  const end = rest.slice(1).search(/^[ \t]*(service|system|team|rules)\b/m);
  return end < 0 ? rest : rest.slice(0, end + 1);
}
