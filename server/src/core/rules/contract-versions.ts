/** The versions a contract offers, sorted once per contract, and the ones fixes suggest. */
import type { Contract } from '../model/model.js';
import type { VersionLit } from '../syntax/ast.js';
import { compareVersions } from '../syntax/literals.js';

const ascending = new WeakMap<Contract, VersionLit[]>();

/** The contract's versions, oldest first (numerically: v1.9 before v1.10); computed once per contract. */
function sorted(contract: Contract): VersionLit[] {
  let list = ascending.get(contract);
  if (!list) {
    list = [...contract.versions].sort((a, b) => compareVersions(a.parts, b.parts));
    ascending.set(contract, list);
  }
  return list;
}

/** The newest version the contract offers (undefined when it offers none). */
export function newest(contract: Contract): VersionLit | undefined {
  return sorted(contract).at(-1);
}

/** Index of the first offered version newer than `parts` (binary search). */
function firstNewer(list: readonly VersionLit[], parts: readonly number[]): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareVersions(list[mid].parts, parts) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether the contract offers `version` (v1.0 is v1). Logarithmic in the versions offered. */
export function offers(contract: Contract, version: VersionLit): boolean {
  const list = sorted(contract);
  const i = firstNewer(list, version.parts);
  return i > 0 && compareVersions(list[i - 1].parts, version.parts) === 0;
}

/**
 * At most `count` offered versions nearest to `version` in the contract's
 * order, nearest first, the newer one first of two equally near. A contract
 * offering thousands of versions still gets a handful of fixes.
 */
export function closestVersions(contract: Contract, version: VersionLit, count: number): VersionLit[] {
  const list = sorted(contract);
  const at = firstNewer(list, version.parts);
  let above = at;
  let below = at - 1;
  const out: VersionLit[] = [];
  while (out.length < count && (above < list.length || below >= 0)) {
    const up = above < list.length ? above - at : Infinity;
    const down = below >= 0 ? at - 1 - below : Infinity;
    const v = up <= down ? list[above++] : list[below--];
    // A version written twice is one suggestion; the pin itself is never suggested.
    if (compareVersions(v.parts, version.parts) !== 0 && !out.some((o) => compareVersions(o.parts, v.parts) === 0)) out.push(v);
  }
  return out;
}
