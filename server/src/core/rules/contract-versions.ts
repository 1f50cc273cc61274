/** The versions a contract offers, sorted once per contract, and the ones fixes suggest. */
import type { Contract } from '../model/model.js';
import type { VersionLit } from '../syntax/ast.js';
import { compareVersionTexts } from '../syntax/literals.js';

const ascending = new WeakMap<Contract, VersionLit[]>();

/** Up to this many versions, `offers` first looks for the text as written. */
const EXACT_SCAN = 8;

/** The contract's versions, oldest first (numerically: v1.9 before v1.10); computed once per contract. */
function sorted(contract: Contract): VersionLit[] {
  let list = ascending.get(contract);
  if (!list) {
    list = [...contract.versions].sort((a, b) => compareVersionTexts(a.text, b.text));
    ascending.set(contract, list);
  }
  return list;
}

/** The newest version the contract offers (undefined when it offers none). */
export function newest(contract: Contract): VersionLit | undefined {
  return sorted(contract).at(-1);
}

/** Index of the first offered version newer than `version` (binary search, exact at any length). */
function firstNewer(list: readonly VersionLit[], version: string): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareVersionTexts(list[mid].text, version) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Whether the contract offers `version` (v1.0 is v1). A version written exactly
 * as offered, the usual case, is found without sorting the contract's versions
 * or parsing any version text; otherwise a binary search, logarithmic in the
 * versions offered.
 */
export function offers(contract: Contract, version: VersionLit): boolean {
  const written = contract.versions;
  // A handful of versions: a scan is cheaper than the sorted copy it spares.
  if (written.length <= EXACT_SCAN) for (let i = 0; i < written.length; i++) if (written[i].text === version.text) return true;
  const list = sorted(contract);
  const i = firstNewer(list, version.text);
  return i > 0 && compareVersionTexts(list[i - 1].text, version.text) === 0;
}

/**
 * At most `count` offered versions nearest to `version` in the contract's
 * order, nearest first, the newer one first of two equally near. A contract
 * offering thousands of versions still gets a handful of fixes.
 */
export function closestVersions(contract: Contract, version: VersionLit, count: number): VersionLit[] {
  const list = sorted(contract);
  const at = firstNewer(list, version.text);
  let above = at;
  let below = at - 1;
  const out: VersionLit[] = [];
  while (out.length < count && (above < list.length || below >= 0)) {
    const up = above < list.length ? above - at : Infinity;
    const down = below >= 0 ? at - 1 - below : Infinity;
    const v = up <= down ? list[above++] : list[below--];
    // A version written twice is one suggestion; the pin itself is never suggested.
    if (compareVersionTexts(v.text, version.text) !== 0 && !out.some((o) => compareVersionTexts(o.text, v.text) === 0)) out.push(v);
  }
  return out;
}
