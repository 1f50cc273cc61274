/**
 * The way back up from a view — `Landscape › shop › orders` — and the views a
 * click on the picture leads to. The labels come from the server's graph
 * (`LaidOutGraph.breadcrumb`) and are set as text only.
 */
import type { BreadcrumbStep, LaidOutNode } from '../../server/src/core/layout/graph.js';
import { parseNodeId } from '../../server/src/core/ids.js';
import type { ViewSpec } from '../../server/src/core/views/view-spec.js';
import { htmlEl } from './dom.js';

/** Fills `nav` with the steps: every step a link but the last, which is where you are. */
export function renderBreadcrumb(nav: HTMLElement, steps: readonly BreadcrumbStep[] | undefined, open: (view: ViewSpec) => void): void {
  nav.replaceChildren();
  nav.hidden = !steps || steps.length === 0;
  if (!steps) return;
  steps.forEach((step, i) => {
    if (i > 0) nav.append(htmlEl('span', { class: 'sep', 'aria-hidden': 'true' }, '›'));
    if (i === steps.length - 1) {
      nav.append(htmlEl('span', { class: 'here', 'aria-current': 'page', title: step.label }, step.label));
    } else {
      const b = htmlEl('button', { type: 'button', class: 'crumb', title: `Open ${step.label}` }, step.label);
      b.addEventListener('click', () => open(step.view));
      nav.append(b);
    }
  });
}

/** The view a system or team box opens on double-click (undefined for other nodes). */
export function viewOfGroup(node: LaidOutNode): ViewSpec | undefined {
  if (node.kind !== 'group') return undefined;
  const parsed = parseNodeId(node.id);
  if (parsed?.kind !== 'group' || parsed.name === undefined) return undefined;
  return { kind: parsed.group, name: parsed.name };
}

/**
 * The view a compact outside box leads to: its own system (the frame it is
 * drawn in names it), else its team, else the service's own view.
 */
export function viewOfExternal(node: LaidOutNode): ViewSpec | undefined {
  if (node.kind !== 'external') return undefined;
  // A box standing for an outside system's services (`outside:system:NAME`) opens that system.
  const stands = parseNodeId(node.id);
  if (stands?.kind === 'outside') return stands.system !== undefined ? { kind: 'system', name: stands.system } : undefined;
  const parent = node.parent ? parseNodeId(node.parent) : undefined;
  if (parent?.kind === 'group' && parent.name !== undefined) return { kind: parent.group, name: parent.name };
  if (node.summary?.system) return { kind: 'system', name: node.summary.system };
  const own = parseNodeId(node.id);
  return own?.kind === 'service' ? { kind: 'service', name: own.name, hops: 1 } : undefined;
}
