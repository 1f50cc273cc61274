/**
 * The hover card: a node's or edge's problems and, for services, a summary
 * (owner, tier, system, runtime, contracts, stores, libraries). A service's
 * problems include those of its calls and stores and those it takes part in
 * through a related location (core/layout/attach-problems.ts). Built with
 * textContent only.
 */
import type { LaidOutEdge, LaidOutNode, Problem } from '../../server/src/core/layout/graph.js';
import { htmlEl } from './dom.js';
import { problemTotal } from '../../server/src/core/layout/problem-list.js';

export class Tooltip {
  readonly el = htmlEl('div', { class: 'tooltip', role: 'tooltip', hidden: '' });

  showNode(node: LaidOutNode, clientX: number, clientY: number): void {
    const body: HTMLElement[] = [htmlEl('div', { class: 'tt-title' }, node.label)];
    if (node.sublabel) body.push(htmlEl('div', { class: 'tt-sub' }, node.sublabel));
    const s = node.summary;
    if (s) {
      const dl = htmlEl('dl');
      const row = (k: string, v: string | undefined): void => {
        if (!v) return;
        dl.append(htmlEl('dt', {}, k), htmlEl('dd', {}, v));
      };
      row('owner', s.owner ?? '(none)');
      row('tier', s.tier);
      row('system', s.system);
      row('runtime', s.runtime);
      row('contracts', s.contracts.join(', '));
      row('stores', s.stores.join(', '));
      row('libraries', s.libraries?.join(', '));
      body.push(dl);
    }
    if (node.kind === 'group' && node.memberCount !== undefined) {
      body.push(htmlEl('div', { class: 'tt-sub' }, `${node.memberCount} ${node.memberNoun ?? 'services'}`));
    }
    const hint =
      node.kind === 'group' && node.collapsed
        ? 'Double-click to open its view'
        : node.kind === 'external'
          ? 'Outside this view: click to open its system'
          : undefined;
    if (hint) body.push(htmlEl('div', { class: 'tt-hint' }, hint));
    body.push(problemList(node));
    this.show(body, clientX, clientY);
  }

  showEdge(edge: LaidOutEdge, fromLabel: string, toLabel: string, clientX: number, clientY: number): void {
    const verb = edge.kind === 'call' ? 'calls' : edge.kind === 'subscription' ? 'publishes to' : 'keeps data in';
    const body: HTMLElement[] = [htmlEl('div', { class: 'tt-title' }, `${fromLabel} ${verb} ${toLabel}`)];
    if (edge.label) body.push(htmlEl('div', { class: 'tt-sub' }, edge.label));
    body.push(problemList(edge));
    this.show(body, clientX, clientY);
  }

  hide(): void {
    this.el.hidden = true;
  }

  private show(body: HTMLElement[], clientX: number, clientY: number): void {
    this.el.replaceChildren(...body);
    this.el.hidden = false;
    // Keep the card inside the window: flip to the other side of the pointer near an edge.
    const w = this.el.offsetWidth;
    const h = this.el.offsetHeight;
    const left = clientX + 14 + w > window.innerWidth ? Math.max(0, clientX - 14 - w) : clientX + 14;
    const top = clientY + 14 + h > window.innerHeight ? Math.max(0, clientY - 14 - h) : clientY + 14;
    this.el.style.left = `${left}px`;
    this.el.style.top = `${top}px`;
  }
}

function problemList(item: { problems: readonly Problem[]; problemCount?: number }): HTMLElement {
  const problems = item.problems;
  if (!problems.length) return htmlEl('div', { class: 'tt-ok' }, 'No problems');
  const ul = htmlEl('ul', { class: 'tt-problems' });
  for (const p of problems) {
    const li = htmlEl('li', { class: `sev-${p.severity}` });
    li.append(htmlEl('span', { class: 'tt-sev' }, p.severity), ' ', htmlEl('span', {}, p.message), ' ', htmlEl('code', {}, p.code));
    ul.append(li);
  }
  // A box standing for many services lists only its worst problems (core/layout/problem-list.ts).
  const more = problemTotal(item) - problems.length;
  if (more > 0) ul.append(htmlEl('li', { class: 'tt-more' }, `… and ${more} more`));
  return ul;
}
