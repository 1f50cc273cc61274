/**
 * The older collapse policy, kept for the preview's collapse toggles and
 * `seams render --collapse`: above AUTO_COLLAPSE_SERVICES services every group
 * of the chosen grouping starts collapsed. Views (`auto`, `landscape`, …)
 * supersede it; it lives here, in the core, so the CLI does not import the
 * preview's protocol module for a policy.
 */
import type { Grouping } from '../layout/graph.js';
import type { Model } from '../model/model.js';
import { groupId } from '../ids.js';

/**
 * Above this many services a fresh preview (or `render --collapse auto`)
 * starts with every system collapsed: the layered layout of 1,000 expanded
 * services takes seconds and the picture is unreadable anyway.
 */
export const AUTO_COLLAPSE_SERVICES = 150;

/** Every group id of `grouping` in the model (the groups `--collapse all` collapses). */
export function allGroupIds(model: Model, grouping: Grouping): string[] {
  if (grouping === 'system') return [...model.systems.keys()].map((name) => groupId('system', name));
  if (grouping === 'team') return [...model.teams.keys()].map((name) => groupId('team', name));
  return [];
}

/** The groups to collapse for `mode` (`auto`: all of them above AUTO_COLLAPSE_SERVICES services). */
export function collapsedGroups(model: Model, grouping: Grouping, mode: 'auto' | 'all' | 'none'): string[] {
  if (mode === 'none' || (mode === 'auto' && model.services.size <= AUTO_COLLAPSE_SERVICES)) return [];
  return allGroupIds(model, grouping);
}
