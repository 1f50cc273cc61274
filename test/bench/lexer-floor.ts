/**
 * The floor `seams check` is measured against in the bench: a bare Chevrotain
 * lexer with the Seams token shapes (chevrotain-lexer.ts), as a whole
 * process. It reads each file named on the command line, tokenizes it and
 * prints the number of tokens — nothing else. The bench bundles and minifies it
 * as the CLI is bundled, so the two differ only in what they do.
 */
import { readFileSync } from 'node:fs';
import { seamsLexer } from './chevrotain-lexer.js';

let tokens = 0;
for (const path of process.argv.slice(2)) tokens += seamsLexer.tokenize(readFileSync(path, 'utf8')).tokens.length;
process.stdout.write(`${tokens} tokens\n`);
