import type { Fix } from '../diagnostics.js';
import type { Model, Service } from '../model/model.js';
import type { Finding, Rule } from './rule.js';
import { deeper, indentAt, isReal, lineBreakOf, lineEndAt, sameLine } from './text-layout.js';

/** At most this many `owner` fixes per service: the likeliest teams, not every team there is. */
const MAX_OWNER_FIXES = 5;

/**
 * Teams to suggest, likeliest first: those owning most of the services this
 * one calls, is called by, subscribes to, is subscribed by or shares a system
 * with; then the remaining teams by name.
 */
function candidateTeams(model: Model, s: Service): string[] {
  const neighbours = new Set<Service>();
  for (const c of s.calls) if (c.target.target) neighbours.add(c.target.target);
  for (const c of s.callers) neighbours.add(c.from);
  for (const sub of s.subscriptions) if (sub.publisher.target) neighbours.add(sub.publisher.target);
  for (const sub of s.subscribers) neighbours.add(sub.subscriber);
  for (const other of s.system?.services ?? []) neighbours.add(other);
  neighbours.delete(s);
  const votes = new Map<string, number>();
  for (const n of neighbours) {
    const team = n.owner?.target?.name;
    if (team) votes.set(team, (votes.get(team) ?? 0) + 1);
  }
  const ranked = [...votes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([t]) => t);
  if (ranked.length < MAX_OWNER_FIXES) {
    const rest = [...model.teams.keys()].filter((t) => !votes.has(t)).sort();
    ranked.push(...rest.slice(0, MAX_OWNER_FIXES - ranked.length));
  }
  return ranked.slice(0, MAX_OWNER_FIXES);
}

/** Inserts `owner <team>` as the first line of the service body (or first member of a one-line body). */
function ownerFix(s: Service, text: string, team: string, preferred: boolean): Fix | undefined {
  const braces = s.decl.braces;
  if (!braces || !isReal(braces.open) || !isReal(braces.close)) return undefined;
  const file = s.file;
  const { open, close } = braces;
  const first = s.decl.members[0];
  let edit;
  if (sameLine(text, open.start, close.start) && !first) {
    edit = { file, start: open.end, end: close.start, newText: ` owner ${team} ` };
  } else if (first && sameLine(text, open.start, first.start)) {
    // `{ tier internal …`: the owner becomes the first member on that line.
    edit = { file, start: open.end, end: open.end, newText: ` owner ${team}` };
  } else {
    const indent = first ? indentAt(text, first.start) : deeper(indentAt(text, open.start));
    const at = lineEndAt(text, open.end);
    edit = { file, start: at, end: at, newText: `${lineBreakOf(text)}${indent}owner ${team}` };
  }
  return { title: `Add owner ${team}`, edits: [edit], ...(preferred ? { preferred: true } : {}) };
}

export const missingOwner: Rule = {
  code: 'missing-owner',
  defaultSeverity: 'warning',
  summary: 'a service with no `owner`',
  rationale:
    'A service nobody owns is a service nobody answers for: its alerts page no one, its dependencies age, and ' +
    'every change to it has to start by finding out who may decide. Ownership is the cheapest architectural ' +
    'property to write down and the most expensive one to rediscover in an incident. Name the team that is ' +
    'responsible for it.',
  check(model) {
    const out: Finding[] = [];
    for (const s of model.services.values()) {
      if (s.owner) continue;
      out.push({
        message: `service ${s.name} has no owner`,
        location: s.location,
        fixes: () => {
          const text = model.files.get(s.file)?.text ?? '';
          return candidateTeams(model, s)
            .map((team, i) => ownerFix(s, text, team, i === 0))
            .filter((f): f is Fix => f !== undefined);
        },
      });
    }
    return out;
  },
};
