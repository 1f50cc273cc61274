/**
 * Identifiers for the export targets. Seams names are kebab-case and may be any
 * word, while each target has its own rules (Mermaid ids have no `-` and some
 * words are keywords; D2 reserves `shape`, `style` …). An `IdAllocator` maps
 * each (kind, name) to one identifier the target accepts, stable for the same
 * input, and never gives two elements the same one: when two names map to the
 * same identifier, or a name maps to a reserved word, a numeric suffix tells
 * them apart. The text a reader sees always goes into a label, never an id.
 */
export interface IdRules {
  /** Turns a name into the target's identifier alphabet (may return ''). */
  sanitize(name: string): string;
  /** Words the target reserves, compared lower-cased. */
  reserved?: ReadonlySet<string>;
  /** Put before every identifier of a kind (e.g. `svc_`), if the target needs one. */
  prefix?: (kind: string) => string;
  /** Used when `sanitize` leaves nothing. */
  fallback: string;
}

export class IdAllocator {
  private readonly byKey = new Map<string, string>();
  private readonly taken = new Set<string>();

  constructor(private readonly rules: IdRules) {}

  /** The identifier of one element; the same (kind, name) always gets the same one. */
  id(kind: string, name: string): string {
    const key = `${kind}\u0000${name}`;
    const known = this.byKey.get(key);
    if (known !== undefined) return known;
    const base = (this.rules.prefix?.(kind) ?? '') + (this.rules.sanitize(name) || this.rules.fallback);
    let candidate = base;
    for (let n = 2; this.taken.has(candidate.toLowerCase()) || this.isReserved(candidate); n++) {
      candidate = `${base}_${n}`;
    }
    this.taken.add(candidate.toLowerCase());
    this.byKey.set(key, candidate);
    return candidate;
  }

  private isReserved(candidate: string): boolean {
    return this.rules.reserved?.has(candidate.toLowerCase()) ?? false;
  }
}

/** Letters, digits and `_` only: every other character becomes `_`. */
export function wordCharacters(name: string): string {
  return name.replace(/[^A-Za-z0-9_]/g, '_');
}
