/** Values of literal tokens. Pure functions, shared by the parser and the formatter. */
import { exact } from '../exact-list.js';

/** The string's value: quotes removed, `\"` and `\\` (and any `\x`) unescaped. */
export function unquote(image: string): string {
  const inner = image.endsWith('"') && image.length >= 2 ? image.slice(1, -1) : image.slice(1);
  return inner.includes('\\') ? inner.replace(/\\(.)/g, '$1') : inner;
}

/** Writes a string literal for `value`, escaping quotes and backslashes. */
export function quote(value: string): string {
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/** `v1.4.0` → [1, 4, 0]. */
export function versionParts(image: string): number[] {
  // A hand loop: the parser calls this for every version, and split/map allocate.
  // The tree keeps every version's parts: at their exact length (exact-list.ts).
  const parts: number[] = [];
  let n = 0;
  for (let i = 1; i < image.length; i++) {
    const c = image.charCodeAt(i);
    if (c === 46 /* . */) {
      parts.push(n);
      n = 0;
    } else n = n * 10 + (c - 48);
  }
  parts.push(n);
  return exact(parts);
}

/**
 * Compares two version texts (`v1.10`, `v9007199254740993`) numerically part by
 * part, exactly at any length: parts are compared as digit strings, never as
 * doubles (which would make `v9007199254740993` equal `v9007199254740992`).
 * Missing parts count as 0 (`v1` = `v1.0`); leading zeros do not count.
 */
export function compareVersionTexts(a: string, b: string): number {
  const pa = a.slice(1).split('.');
  const pb = b.slice(1).split('.');
  const n = Math.max(pa.length, pb.length);
  for (let i = 0; i < n; i++) {
    const x = (pa[i] ?? '0').replace(/^0+(?=.)/, '');
    const y = (pb[i] ?? '0').replace(/^0+(?=.)/, '');
    if (x.length !== y.length) return x.length - y.length;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/**
 * Compares versions numerically part by part; missing parts count as 0 (`v1` = `v1.0`).
 * Exact only below 2^53 per part: compare the texts with `compareVersionTexts`.
 */
export function compareVersions(a: readonly number[], b: readonly number[]): number {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000 };

/** `300ms` → 300, `1.5s` → 1500, `2m` → 120000. */
export function durationMs(image: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m)$/.exec(image);
  if (!m) return NaN;
  return Number(m[1]) * UNIT_MS[m[2]];
}

/** Formats milliseconds the way people write them: 1200 → `1.2s`, 300 → `300ms`, 120000 → `2m`. */
export function formatMs(ms: number): string {
  if (ms >= 60_000 && ms % 60_000 === 0) return `${plainNumber(ms / 60_000)}m`;
  if (ms >= 1000) return `${plainNumber(ms / 1000)}s`;
  return `${plainNumber(ms)}ms`;
}

/**
 * A number as people write it: at most three decimals and fifteen significant
 * digits, so neither `0.30000000000000004` nor `1.0000000000000001e+37` is printed.
 */
export function plainNumber(x: number): string {
  return String(Number(Number(x.toFixed(3)).toPrecision(15)));
}
