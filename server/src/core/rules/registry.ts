/**
 * Every anti-pattern rule, one per file in this folder. The order here is the
 * order of the contract's table, the README's table and of `docs/rules/`.
 */
import { complianceLeak } from './compliance-leak.js';
import { implicitContract } from './implicit-contract.js';
import { inappropriateIntimacy } from './inappropriate-intimacy.js';
import { missingCircuitBreaker } from './missing-circuit-breaker.js';
import { missingOncall } from './missing-oncall.js';
import { missingOwner } from './missing-owner.js';
import { missingSlo } from './missing-slo.js';
import { missingTimeout } from './missing-timeout.js';
import { noApiGateway } from './no-api-gateway.js';
import { retryWithoutBackoff } from './retry-without-backoff.js';
import type { Rule } from './rule.js';
import { sharedDatabase } from './shared-database.js';
import { sharedLibrary } from './shared-library.js';
import { syncChainDepth } from './sync-chain-depth.js';
import { syncCycle } from './sync-cycle.js';
import { syncFanOut } from './sync-fan-out.js';
import { syncToBackground } from './sync-to-background.js';
import { teamOverload } from './team-overload.js';
import { timeoutBudget } from './timeout-budget.js';
import { tooManyStandards } from './too-many-standards.js';
import { unjustifiedSplit } from './unjustified-split.js';
import { unpinnedVersion } from './unpinned-version.js';
import { unusedSuppression } from './unused-suppression.js';
import { unversionedContract } from './unversioned-contract.js';
import { versionNotProvided } from './version-not-provided.js';

export const RULES: readonly Rule[] = [
  sharedDatabase,
  complianceLeak,
  missingOwner,
  missingOncall,
  teamOverload,
  unjustifiedSplit,
  missingTimeout,
  missingCircuitBreaker,
  retryWithoutBackoff,
  syncFanOut,
  syncChainDepth,
  syncCycle,
  syncToBackground,
  timeoutBudget,
  implicitContract,
  unpinnedVersion,
  unversionedContract,
  versionNotProvided,
  missingSlo,
  inappropriateIntimacy,
  sharedLibrary,
  tooManyStandards,
  noApiGateway,
  unusedSuppression,
];
