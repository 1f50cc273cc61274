/**
 * The Mermaid flowchart of a diff: the services a change touches and their
 * direct neighbours (in either model), with the calls and subscriptions
 * between them. Added elements are green, removed ones red and dashed, changed
 * ones amber; the rest keep Mermaid's default look. Pure: models in, text out.
 *
 * Ids and labels are quoted by the export's Mermaid helpers (core/export/
 * mermaid.ts), so no name or label can break the syntax.
 */
import { mermaidEdgeLabel, mermaidIds, mermaidText } from '../export/mermaid.js';
import type { Model } from '../model/model.js';
import type { Change, ModelDiff } from './diff-models.js';
import { callId, elementKey, subscriptionId } from './elements.js';

/** More than this and the chart is no longer read by anyone: the rest is counted. */
export const MAX_CHART_SERVICES = 40;

export const CHANGE_COLOURS = {
  added: { fill: '#dafbe1', stroke: '#1a7f37', text: '#0b3d1a' },
  removed: { fill: '#ffebe9', stroke: '#cf222e', text: '#5c0b0b' },
  changed: { fill: '#fff8c5', stroke: '#9a6700', text: '#3b2300' },
} as const;

export interface DiffChart {
  /** The flowchart source, without the ``` fence; empty when no service is touched. */
  text: string;
  /** Services drawn. */
  services: number;
  /** Services touched or neighbouring that were left out for size. */
  omitted: number;
}

const SERVICE_KINDS = new Set<Change['kind']>(['service', 'api', 'event', 'call', 'subscription', 'store']);

export function diffFlowchart(before: Model, after: Model, diff: ModelDiff): DiffChart {
  const touched = new Set<string>();
  const nodeState = new Map<string, Change['change']>();
  const edgeState = new Map<string, Change['change']>();
  for (const c of diff.changes) {
    if (!SERVICE_KINDS.has(c.kind)) continue;
    for (const s of c.services) if (before.services.has(s) || after.services.has(s)) touched.add(s);
    if (c.kind === 'service') nodeState.set(c.id, c.change);
    else if (c.kind === 'call' || c.kind === 'subscription') edgeState.set(elementKey(c.kind, c.id, c.ordinal), c.change);
    else for (const s of c.services) if (!nodeState.has(s)) nodeState.set(s, 'changed');
  }
  // A service whose only change is an added api is amber; added/removed wins over that.
  for (const c of diff.changes) if (c.kind === 'service') nodeState.set(c.id, c.change);
  if (touched.size === 0) return { text: '', services: 0, omitted: 0 };

  const neighbours = new Set<string>();
  for (const model of [before, after]) {
    for (const name of touched) {
      const s = model.services.get(name);
      if (!s) continue;
      for (const c of s.calls) neighbours.add(c.target.name);
      for (const c of s.callers) neighbours.add(c.from.name);
      for (const sub of s.subscriptions) neighbours.add(sub.publisher.name);
      for (const sub of s.subscribers) neighbours.add(sub.subscriber.name);
    }
  }
  const wanted = [...touched, ...[...neighbours].filter((n) => !touched.has(n) && (before.services.has(n) || after.services.has(n)))];
  const drawn = wanted.slice(0, MAX_CHART_SERVICES);
  const allocate = mermaidIds();
  const ids = new Map(drawn.map((name) => [name, allocate.id('service', name)]));

  const lines = ['flowchart LR'];
  for (const name of drawn) {
    const state = nodeState.get(name);
    lines.push(`  ${ids.get(name)}[${mermaidText(name)}]${state ? `:::${state}` : ''}`);
  }

  // Edges of both models between drawn services, each once (the new one when both have it).
  const edges = new Map<string, { from: string; to: string; label: string; dashed: boolean }>();
  for (const model of [after, before]) {
    for (const s of model.services.values()) {
      const seen = new Map<string, number>();
      for (const call of s.calls) {
        const id = callId(call);
        const ordinal = seen.get(id) ?? 0;
        seen.set(id, ordinal + 1);
        const key = elementKey('call', id, ordinal);
        if (edges.has(key) || !ids.has(s.name) || !ids.has(call.target.name)) continue;
        const label = [call.api?.name, call.version?.text].filter(Boolean).join(' ');
        edges.set(key, { from: s.name, to: call.target.name, label, dashed: false });
      }
      const seenSubs = new Map<string, number>();
      for (const sub of s.subscriptions) {
        const id = subscriptionId(sub);
        const ordinal = seenSubs.get(id) ?? 0;
        seenSubs.set(id, ordinal + 1);
        const key = elementKey('subscription', id, ordinal);
        if (edges.has(key) || !ids.has(s.name) || !ids.has(sub.publisher.name)) continue;
        const label = [sub.event?.name, sub.version?.text].filter(Boolean).join(' ');
        edges.set(key, { from: sub.publisher.name, to: s.name, label, dashed: true });
      }
    }
  }
  const styles: string[] = [];
  let index = 0;
  for (const [key, e] of edges) {
    const arrow = e.dashed ? '-.->' : '-->';
    lines.push(`  ${ids.get(e.from)} ${arrow}${mermaidEdgeLabel(e.label)} ${ids.get(e.to)}`);
    const state = edgeState.get(key);
    if (state) {
      const colour = CHANGE_COLOURS[state].stroke;
      styles.push(`  linkStyle ${index} stroke:${colour},stroke-width:2px${state === 'removed' ? ',stroke-dasharray:5 4' : ''}`);
    }
    index++;
  }
  for (const state of ['added', 'removed', 'changed'] as const) {
    const c = CHANGE_COLOURS[state];
    lines.push(
      `  classDef ${state} fill:${c.fill},stroke:${c.stroke},color:${c.text},stroke-width:2px${state === 'removed' ? ',stroke-dasharray:5 4' : ''}`,
    );
  }
  lines.push(...styles);
  return { text: lines.join('\n'), services: drawn.length, omitted: wanted.length - drawn.length };
}
