/**
 * The tokens of the Seams language (see docs/language.md, "Lexical rules") and
 * the scanner that finds them.
 *
 * The scanner reads character codes, not regular expressions, and makes no
 * object per token: `scanSeams` fills parallel typed arrays of kind, start and
 * end, which the parser reads by index. `lexTokens` gives the same tokens as
 * small objects for the formatter and completion, which want their text.
 *
 * Keywords are contextual: a keyword may stand where the grammar requires a name
 * (`service store { }`), so the parser treats every keyword as a name there.
 * Optional trailing names (a store's kind, an api's protocol) accept only plain
 * identifiers, so a keyword there starts the next member instead of being swallowed.
 */
import { KEYWORDS as VOCABULARY_KEYWORDS } from '../vocabulary.js';

/** Token kinds. Keywords follow `FIRST_KEYWORD`, one per word of the vocabulary, in its order. */
export const EOF = 0;
export const IDENTIFIER = 1;
export const VERSION = 2;
export const DURATION = 3;
export const PERCENT = 4;
export const NUMBER = 5;
export const STRING = 6;
/** A string missing its closing quote; the parser reads it as a string. */
export const UNTERMINATED_STRING = 7;
export const LBRACE = 8;
export const RBRACE = 9;
export const DOT = 10;
export const FIRST_KEYWORD = 11;

/** Every keyword as written, for completion and the grammar tests (the vocabulary's list). */
export const KEYWORDS: readonly string[] = VOCABULARY_KEYWORDS;

/** The kind of the keyword `word`. */
export function keywordKind(word: (typeof VOCABULARY_KEYWORDS)[number]): number {
  return FIRST_KEYWORD + VOCABULARY_KEYWORDS.indexOf(word);
}

/** The number of token kinds: sizes the parser's tables. */
export const KIND_COUNT = FIRST_KEYWORD + VOCABULARY_KEYWORDS.length;

/** True for keyword kinds. */
export function isKeyword(kind: number): boolean {
  return kind >= FIRST_KEYWORD;
}

/** True for the kinds that stand in a value position (`timeout 300ms`, `retry 2`): keywords are not values. */
export function isValue(kind: number): boolean {
  return kind >= IDENTIFIER && kind <= UNTERMINATED_STRING;
}

/** True for the kinds usable as a required name: identifiers and every keyword. */
export function isName(kind: number): boolean {
  return kind === IDENTIFIER || kind >= FIRST_KEYWORD;
}

const KIND_NAMES = [
  'EOF',
  'Identifier',
  'Version',
  'Duration',
  'Percent',
  'Number',
  'String',
  'UnterminatedString',
  'LBrace',
  'RBrace',
  'Dot',
];

/** The kind's name as the tests write it: `Identifier`, `Version`, or the keyword itself. */
export function kindName(kind: number): string {
  return kind >= FIRST_KEYWORD ? VOCABULARY_KEYWORDS[kind - FIRST_KEYWORD] : KIND_NAMES[kind];
}

/** Keywords by their first character, longest-standing first (the vocabulary's order). */
const KEYWORDS_BY_FIRST: (readonly number[] | undefined)[] = [];
VOCABULARY_KEYWORDS.forEach((word, i) => {
  const c = word.charCodeAt(0);
  KEYWORDS_BY_FIRST[c] = [...(KEYWORDS_BY_FIRST[c] ?? []), FIRST_KEYWORD + i];
});

// Character classes by table, tested inline in the loops: the scanner runs cold
// at every start of the CLI (a small check scans once, in V8's interpreter),
// where each helper call per character costs more than the test itself.
const DIGIT = 1;
const LETTER = 2; // A-Z a-z _
const SPACE = 4;
const CLASS = new Uint8Array(128);
for (let c = 48; c <= 57; c++) CLASS[c] = DIGIT;
for (let c = 65; c <= 90; c++) CLASS[c] = CLASS[c + 32] = LETTER;
CLASS[95] = LETTER;
for (const c of [32, 9, 10, 13, 12]) CLASS[c] = SPACE;

/** The class of `c` (0 for anything else; NaN past the end is nothing). */
const classOf = (c: number) => (c < 128 ? CLASS[c] : c === 0xfeff ? SPACE : 0);
const isDigit = (c: number) => c >= 48 && c <= 57;
const isWordChar = (c: number) => c < 128 && (CLASS[c] & (LETTER | DIGIT)) !== 0;
/** Characters that may not follow a duration's unit (`3msx` is a number and a name). */
const isNameChar = (c: number) => isWordChar(c) || c === 45;

/**
 * Where an unexpected character's run ends: at the first character that can
 * begin a token, a comment or white space. The run is reported as one error.
 */
function canBeginToken(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (classOf(c) !== 0 || c === 34 || c === 123 || c === 125 || c === 46) return true;
  if (c === 47) {
    const n = text.charCodeAt(i + 1);
    return n === 47 || n === 42;
  }
  return false;
}

/**
 * Where a string starting at `offset` ends, and whether it is closed: `"…"` on
 * one line, `\` escaping the next character unless the line (or text) ends there.
 */
function scanString(text: string, offset: number): { end: number; closed: boolean } {
  let i = offset + 1;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) return { end: i + 1, closed: true };
    if (c === 10 || c === 13) break;
    if (c === 92) {
      // A backslash escapes the next character, unless the line (or text) ends there.
      const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 10;
      if (next === 10 || next === 13 || next === 0x2028 || next === 0x2029) break;
      i++;
    }
  }
  return { end: i, closed: false };
}

/** The end of the identifier starting at `i`: word characters, then `-word` parts (`orders-db`). */
function identifierEnd(text: string, i: number): number {
  let e = i + 1;
  for (;;) {
    const c = text.charCodeAt(e);
    if (c < 128 && (CLASS[c] & (LETTER | DIGIT)) !== 0) e++;
    else if (c === 45 && isWordChar(text.charCodeAt(e + 1))) e += 2;
    else return e;
  }
}

/** A lexical problem, in the words users read. */
export interface LexError {
  start: number;
  end: number;
  message: string;
}

/** A comment as scanned. */
export interface ScannedComment {
  kind: 'line' | 'block';
  text: string;
  start: number;
  end: number;
  /** A block comment with no closing `*`+`/`. */
  unterminated: boolean;
}

/**
 * A cursor over the tokens of a text: `next()` moves to the next code token and
 * returns its kind (EOF at the end); `start` and `end` are its offsets. Comments,
 * unexpected characters and string problems go to the hooks as they are passed.
 */
export class Scanner {
  start = 0;
  end = 0;
  private pos = 0;

  constructor(
    private readonly text: string,
    private readonly onComment: (comment: ScannedComment) => void = () => {},
    /** Unexpected characters. */
    private readonly onCharError: (error: LexError) => void = () => {},
    /** Unknown escapes and unterminated strings. */
    private readonly onStringError: (error: LexError) => void = () => {},
  ) {}

  next(): number {
    const text = this.text;
    const length = text.length;
    let i = this.pos;
    for (;;) {
      let c = text.charCodeAt(i);
      while (c < 128 ? CLASS[c] === SPACE : c === 0xfeff) c = text.charCodeAt(++i);
      if (i >= length) {
        this.pos = this.start = this.end = length;
        return EOF;
      }
      if (c === 47) {
        const n = text.charCodeAt(i + 1);
        if (n === 47) {
          let e = i + 2;
          while (e < length) {
            const d = text.charCodeAt(e);
            if (d === 10 || d === 13) break;
            e++;
          }
          this.onComment({ kind: 'line', text: text.slice(i, e), start: i, end: e, unterminated: false });
          i = e;
          continue;
        }
        if (n === 42) {
          const close = text.indexOf('*/', i + 2);
          const e = close < 0 ? length : close + 2;
          this.onComment({ kind: 'block', text: text.slice(i, e), start: i, end: e, unterminated: close < 0 });
          i = e;
          continue;
        }
      }
      this.start = i;
      const cls = c < 128 ? CLASS[c] : 0;
      if (cls === LETTER) return this.word(i, c);
      if (cls === DIGIT) return this.number(i);
      switch (c) {
        case 34:
          return this.string(i);
        case 123:
          return this.single(i, LBRACE);
        case 125:
          return this.single(i, RBRACE);
        case 46:
          return this.single(i, DOT);
      }
      // Unexpected characters: one error for the whole run, then scan on.
      let e = i + 1;
      while (e < length && !canBeginToken(text, e)) e++;
      this.onCharError({ start: i, end: e, message: `unexpected character \`${text.slice(i, e)}\`` });
      i = e;
    }
  }

  private single(i: number, kind: number): number {
    this.end = this.pos = i + 1;
    return kind;
  }

  private word(i: number, c: number): number {
    const text = this.text;
    const end = identifierEnd(text, i);
    this.end = this.pos = end;
    if (c === 118 /* v */ && isDigit(text.charCodeAt(i + 1))) {
      // `v1.4.0` is a version unless the name goes on further (`v1x`, `v1-beta`).
      let v = i + 2;
      while (isDigit(text.charCodeAt(v))) v++;
      while (text.charCodeAt(v) === 46 && isDigit(text.charCodeAt(v + 1))) {
        v += 2;
        while (isDigit(text.charCodeAt(v))) v++;
      }
      if (v >= end) {
        this.end = this.pos = v;
        return VERSION;
      }
      return IDENTIFIER;
    }
    // A keyword only as a whole name: `tier-db` and `teams` are identifiers.
    const candidates = KEYWORDS_BY_FIRST[c];
    if (candidates) {
      // An indexed loop: `for…of` costs an iterator per name while the code runs cold.
      for (let k = 0; k < candidates.length; k++) {
        const kind = candidates[k];
        const word = VOCABULARY_KEYWORDS[kind - FIRST_KEYWORD];
        if (text.startsWith(word, i)) return word.length === end - i ? kind : IDENTIFIER;
      }
    }
    return IDENTIFIER;
  }

  private number(i: number): number {
    const text = this.text;
    let e = i + 1;
    while (isDigit(text.charCodeAt(e))) e++;
    if (text.charCodeAt(e) === 46 && isDigit(text.charCodeAt(e + 1))) {
      e += 2;
      while (isDigit(text.charCodeAt(e))) e++;
    }
    const u = text.charCodeAt(e);
    let kind = NUMBER;
    let end = e;
    // A number directly followed by a name character is not a duration (`3msx`).
    if (u === 109 /* m */ && text.charCodeAt(e + 1) === 115 /* s */ && !isNameChar(text.charCodeAt(e + 2))) {
      kind = DURATION;
      end = e + 2;
    } else if ((u === 115 /* s */ || u === 109) && !isNameChar(text.charCodeAt(e + 1))) {
      kind = DURATION;
      end = e + 1;
    } else if (u === 37 /* % */) {
      kind = PERCENT;
      end = e + 1;
    }
    this.end = this.pos = end;
    return kind;
  }

  private string(i: number): number {
    const text = this.text;
    const { end, closed } = scanString(text, i);
    this.end = this.pos = end;
    // The contract knows two escapes, \" and \\; anything else is a mistake worth naming.
    for (let b = i + 1; b < end; b++) {
      if (text.charCodeAt(b) !== 92) continue;
      const escaped = text[++b];
      if (escaped !== '"' && escaped !== '\\') {
        this.onStringError({
          start: b - 1,
          end: b + 1,
          message: `unknown escape \`\\${escaped}\` in a string; only \\" and \\\\ are allowed`,
        });
      }
    }
    if (closed) return STRING;
    this.onStringError({ start: i, end, message: 'this string has no closing quote' });
    return UNTERMINATED_STRING;
  }
}

/** The code tokens of a text, packed: token `i` has kind `kinds[i]` and spans `starts[i]`..`ends[i]`. */
export interface ScannedTokens {
  count: number;
  kinds: Uint8Array;
  starts: Int32Array;
  ends: Int32Array;
}

/**
 * Scans a whole text into packed arrays. Unterminated strings are stored as
 * strings (their error is reported to the hook), so one missing quote does not
 * cascade into the parse.
 */
export function scanSeams(
  text: string,
  onComment?: (comment: ScannedComment) => void,
  onCharError?: (error: LexError) => void,
  onStringError?: (error: LexError) => void,
): ScannedTokens {
  const scanner = new Scanner(text, onComment, onCharError, onStringError);
  // About one token per five characters in real files; grown by doubling when not.
  let capacity = Math.max(64, (text.length / 5) | 0);
  let kinds = new Uint8Array(capacity);
  let starts = new Int32Array(capacity);
  let ends = new Int32Array(capacity);
  let count = 0;
  for (let kind = scanner.next(); kind !== EOF; kind = scanner.next()) {
    if (count === capacity) {
      capacity *= 2;
      kinds = grown(kinds, new Uint8Array(capacity));
      starts = grown(starts, new Int32Array(capacity));
      ends = grown(ends, new Int32Array(capacity));
    }
    kinds[count] = kind === UNTERMINATED_STRING ? STRING : kind;
    starts[count] = scanner.start;
    ends[count] = scanner.end;
    count++;
  }
  return { count, kinds, starts, ends };
}

/** `bigger`, holding what `array` holds. */
function grown<T extends Uint8Array | Int32Array>(array: T, bigger: T): T {
  bigger.set(array);
  return bigger;
}

/** One token as an object, for code that wants its text (the formatter, completion). */
export interface Token {
  kind: number;
  start: number;
  end: number;
  image: string;
}

/** The code tokens and the comments of a text, as objects. */
export function lexTokens(text: string): { tokens: Token[]; comments: ScannedComment[] } {
  const comments: ScannedComment[] = [];
  const scanner = new Scanner(text, (c) => comments.push(c));
  const tokens: Token[] = [];
  for (let kind = scanner.next(); kind !== EOF; kind = scanner.next()) {
    tokens.push({ kind, start: scanner.start, end: scanner.end, image: text.slice(scanner.start, scanner.end) });
  }
  return { tokens, comments };
}
