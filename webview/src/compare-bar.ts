/**
 * The banner over a diff picture ("Compare with…"): against what — the
 * revision as asked for and the commit it named — how much changed, with the
 * picture's own colours as the legend, and the ways on: pick another revision
 * or go back to the live view. Hidden for a live picture. Text only, set
 * through `textContent` (a branch name is user text).
 */
import type { CompareSummary } from '../../server/src/protocol/preview-protocol.js';
import { htmlEl } from './dom.js';

export interface CompareBar {
  el: HTMLElement;
  /** Show the banner for this comparison, or hide it (`undefined`: a live picture). */
  show(summary: CompareSummary | undefined): void;
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** The banner's words, e.g. `Compared with HEAD (abc1234)`. Pure, for tests. */
export function compareTitle(summary: CompareSummary): string {
  const short = summary.commit.slice(0, 7);
  return summary.base === summary.commit || summary.base.startsWith(short)
    ? `Compared with ${short}`
    : `Compared with ${summary.base} (${short})`;
}

export function buildCompareBar(actions: { change(): void; stop(): void }): CompareBar {
  const el = htmlEl('div', { class: 'compare-bar', role: 'region', 'aria-label': 'Comparison', hidden: '' });
  const title = htmlEl('span', { class: 'compare-title' });
  const change = htmlEl('button', { type: 'button', id: 'compare-change', title: 'Compare with another revision' }, 'Change…');
  change.addEventListener('click', () => actions.change());
  const stop = htmlEl('button', { type: 'button', id: 'compare-stop', title: 'Back to the live view' }, 'Live view');
  stop.addEventListener('click', () => actions.stop());
  const head = htmlEl('div', { class: 'compare-head' });
  head.append(title, change, stop);
  const counts = htmlEl('div', { class: 'compare-counts', 'aria-live': 'polite' });
  el.append(head, counts);

  const count = (kind: string, n: number, text: string): HTMLElement => {
    const item = htmlEl('span', { class: `count count-${kind}${n === 0 ? ' none' : ''}` });
    item.append(htmlEl('span', { class: `swatch change-${kind}`, 'aria-hidden': 'true' }), htmlEl('span', {}, `${n} ${text}`));
    return item;
  };

  return {
    el,
    show(summary) {
      el.hidden = summary === undefined;
      if (!summary) return;
      title.textContent = compareTitle(summary);
      title.title = `${summary.base} = commit ${summary.commit}`;
      const findings = htmlEl(
        'span',
        { class: 'count findings' },
        `${plural(summary.newFindings, 'new finding')}, ${summary.fixedFindings} fixed`,
      );
      const items: HTMLElement[] = [
        count('added', summary.added, 'added'),
        count('removed', summary.removed, 'removed'),
        count('changed', summary.changed, 'changed'),
        findings,
      ];
      if (summary.added + summary.removed + summary.changed === 0) {
        items.splice(0, 3, htmlEl('span', { class: 'count' }, 'No change to the architecture'));
      }
      if (summary.scope === 'changes') items.push(htmlEl('span', { class: 'count scope' }, 'only what changed and its neighbours'));
      counts.replaceChildren(...items);
    },
  };
}
