/** Lists of names for messages: "a and b", "a, b and c", long ones shortened. */

/** `a`, `a and b`, `a, b and c`; past `limit` names, `a, b, c and 4 more`. */
export function andList(names: readonly string[], limit = 6): string {
  if (names.length <= 1) return names[0] ?? '';
  if (names.length > limit) return `${names.slice(0, limit).join(', ')} and ${names.length - limit} more`;
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** `a, b, c` (versions, tags), shortened past `limit`. */
export function commaList(names: readonly string[], limit = 8): string {
  if (names.length > limit) return `${names.slice(0, limit).join(', ')}, … (${names.length} in all)`;
  return names.join(', ');
}

/**
 * A chain or cycle spelled with arrows. Past `limit` steps it keeps the head
 * and the last step: `a → b → … (4,990 more) … → z`.
 */
export function arrowPath(steps: readonly string[], limit = 12): string {
  if (steps.length <= limit) return steps.join(' → ');
  const head = steps.slice(0, limit - 2);
  return `${head.join(' → ')} → … (${steps.length - limit + 1} more) … → ${steps[steps.length - 1]}`;
}

/**
 * The first `limit` entries of `all` other than `self`, in order, without
 * walking the rest: each of N sharers of one store lists a few others, so
 * reporting a store shared by thousands stays linear.
 */
export function firstOthers<T>(all: readonly T[], self: T, limit: number): T[] {
  const out: T[] = [];
  for (let i = 0; i < all.length && out.length < limit; i++) if (all[i] !== self) out.push(all[i]);
  return out;
}
