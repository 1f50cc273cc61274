/**
 * Loads syntaxes/seams.tmLanguage.json into vscode-textmate with the oniguruma
 * WebAssembly engine — the same pair VS Code uses — so the grammar tests see
 * the scopes an editor would show.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
// Both packages are CommonJS: take their default export, as Node's ESM loader offers them.
import oniguruma from 'vscode-oniguruma';
import textmate from 'vscode-textmate';
import type { IGrammar } from 'vscode-textmate';

const require = createRequire(import.meta.url);
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const grammarPath = path.join(repoRoot, 'syntaxes/seams.tmLanguage.json');

/** One token: its text, zero-based line, start column and scope stack (outermost first). */
export interface Token {
  text: string;
  line: number;
  start: number;
  scopes: string[];
}

let grammarPromise: Promise<IGrammar> | undefined;

async function loadGrammar(): Promise<IGrammar> {
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName: string) =>
      scopeName === 'source.seams' ? textmate.parseRawGrammar(readFileSync(grammarPath, 'utf8'), grammarPath) : null,
  });
  const grammar = await registry.loadGrammar('source.seams');
  if (!grammar) throw new Error('source.seams did not load');
  return grammar;
}

/** The grammar, loaded once per test process. */
export function seamsGrammar(): Promise<IGrammar> {
  grammarPromise ??= loadGrammar();
  return grammarPromise;
}

/**
 * Tokenizes `text` line by line, carrying the rule stack across lines as an
 * editor does. `lineBreak` chooses how lines are split: VS Code removes CRLF
 * before tokenizing, other hosts may hand a trailing `\r` to the grammar.
 */
export async function tokenize(text: string, lineBreak: RegExp = /\r\n|\r|\n/): Promise<Token[]> {
  const grammar = await seamsGrammar();
  const tokens: Token[] = [];
  let stack = textmate.INITIAL;
  text.split(lineBreak).forEach((lineText, line) => {
    const result = grammar.tokenizeLine(lineText, stack);
    for (const t of result.tokens) {
      tokens.push({ text: lineText.slice(t.startIndex, t.endIndex), line, start: t.startIndex, scopes: t.scopes });
    }
    stack = result.ruleStack;
  });
  return tokens;
}

/**
 * The scopes of the token holding `text`, the `occurrence`-th time (0-based)
 * a token with exactly that text appears. Throws when there is none, so an
 * assertion never passes against a token that was split differently.
 */
export function scopesOf(tokens: Token[], text: string, occurrence = 0): string[] {
  const hits = tokens.filter((t) => t.text === text);
  const hit = hits[occurrence];
  if (!hit) {
    const seen = tokens.map((t) => JSON.stringify(t.text)).join(' ');
    throw new Error(`no token ${JSON.stringify(text)} #${occurrence}; tokens: ${seen}`);
  }
  return hit.scopes;
}

/** The innermost scope of that token (the one a theme colours by). */
export function scopeOf(tokens: Token[], text: string, occurrence = 0): string {
  const scopes = scopesOf(tokens, text, occurrence);
  return scopes[scopes.length - 1];
}

/** Tokens with an `invalid.*` scope, for "the grammar accepts this" checks. */
export function invalidTokens(tokens: Token[]): Token[] {
  return tokens.filter((t) => t.scopes.some((s) => s.startsWith('invalid')));
}
