/** The versions a contract offers, in the order fixes suggest them. */
import type { Contract } from '../model/model.js';
import type { VersionLit } from '../syntax/ast.js';
import { compareVersions } from '../syntax/literals.js';

/** The contract's versions, newest first (numerically: v1.10 before v1.9). */
export function newestFirst(contract: Contract): VersionLit[] {
  return [...contract.versions].sort((a, b) => compareVersions(b.parts, a.parts));
}
