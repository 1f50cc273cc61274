/**
 * The controls above the picture and the legend. It builds the elements and
 * reports what the user did through callbacks; main.ts decides what that means.
 */
import type { Direction, GraphOptions, Grouping } from '../../server/src/core/layout/graph.js';
import type { ExportFormat } from '../../server/src/protocol/preview-protocol.js';
import { htmlEl } from './dom.js';

export interface ToolbarActions {
  changeOptions(patch: Partial<GraphOptions>): void;
  search(text: string, next: boolean): void;
  focusSelected(hops: number): void;
  clearFocus(): void;
  collapseAll(collapse: boolean): void;
  fit(): void;
  actualSize(): void;
  zoom(factor: number): void;
  exportAs(format: ExportFormat): void;
}

export interface Toolbar {
  el: HTMLElement;
  legend: HTMLElement;
  searchInfo: HTMLElement;
  /** Show the options the current picture was drawn with. */
  showOptions(options: GraphOptions): void;
}

function button(label: string, title: string, id: string, onClick: () => void): HTMLButtonElement {
  const b = htmlEl('button', { type: 'button', title, id, 'aria-label': title }, label);
  b.addEventListener('click', onClick);
  return b;
}

function select<T extends string>(id: string, label: string, values: [T, string][], onChange: (v: T) => void): { wrap: HTMLElement; el: HTMLSelectElement } {
  const el = htmlEl('select', { id, 'aria-label': label });
  for (const [value, text] of values) el.append(htmlEl('option', { value }, text));
  el.addEventListener('change', () => onChange(el.value as T));
  const wrap = htmlEl('label', { class: 'field' });
  wrap.append(htmlEl('span', {}, label), el);
  return { wrap, el };
}

function checkbox(id: string, label: string, onChange: (v: boolean) => void): { wrap: HTMLElement; el: HTMLInputElement } {
  const el = htmlEl('input', { type: 'checkbox', id });
  el.addEventListener('change', () => onChange(el.checked));
  const wrap = htmlEl('label', { class: 'field' });
  wrap.append(el, htmlEl('span', {}, label));
  return { wrap, el };
}

export function buildToolbar(actions: ToolbarActions): Toolbar {
  const el = htmlEl('div', { class: 'toolbar', role: 'toolbar', 'aria-label': 'Preview controls' });

  const search = htmlEl('input', { type: 'search', id: 'search', placeholder: 'Find service', 'aria-label': 'Find service' });
  search.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') actions.search(search.value, true);
  });
  search.addEventListener('input', () => actions.search(search.value, false));
  const searchInfo = htmlEl('span', { class: 'search-info', 'aria-live': 'polite' });

  const grouping = select<Grouping>('grouping', 'Group', [['system', 'by system'], ['team', 'by team'], ['none', 'none']], (v) =>
    actions.changeOptions({ grouping: v }),
  );
  const direction = select<Direction>('direction', 'Direction', [['right', 'right'], ['down', 'down']], (v) =>
    actions.changeOptions({ direction: v }),
  );
  const stores = checkbox('stores', 'Stores', (v) => actions.changeOptions({ showStores: v }));
  const problems = checkbox('problems-only', 'Problems only', (v) => actions.changeOptions({ problemsOnly: v }));

  const hops = htmlEl('input', { type: 'number', id: 'focus-hops', min: 0, max: 9, value: 1, 'aria-label': 'Focus hops' });
  const hopsValue = (): number => Math.max(0, Math.min(9, Math.floor(Number(hops.value) || 0)));

  const groupOf = (...children: (HTMLElement | string)[]): HTMLElement => {
    const g = htmlEl('div', { class: 'group' });
    g.append(...children);
    return g;
  };

  el.append(
    groupOf(search, searchInfo),
    groupOf(grouping.wrap, direction.wrap, stores.wrap, problems.wrap),
    groupOf(
      button('Focus', 'Show the selected service and its neighbours', 'focus', () => actions.focusSelected(hopsValue())),
      hops,
      button('All', 'Leave focus mode', 'clear-focus', () => actions.clearFocus()),
    ),
    groupOf(
      button('Collapse', 'Collapse every group', 'collapse-all', () => actions.collapseAll(true)),
      button('Expand', 'Expand every group', 'expand-all', () => actions.collapseAll(false)),
    ),
    groupOf(
      button('−', 'Zoom out', 'zoom-out', () => actions.zoom(1 / 1.25)),
      button('+', 'Zoom in', 'zoom-in', () => actions.zoom(1.25)),
      button('Fit', 'Fit to window', 'fit', () => actions.fit()),
      button('100%', 'Actual size', 'actual-size', () => actions.actualSize()),
    ),
    groupOf(
      button('SVG', 'Export as SVG', 'export-svg', () => actions.exportAs('svg')),
      button('PNG', 'Export as PNG', 'export-png', () => actions.exportAs('png')),
    ),
  );

  return {
    el,
    legend: buildLegend(),
    searchInfo,
    showOptions(options) {
      grouping.el.value = options.grouping;
      direction.el.value = options.direction;
      stores.el.checked = options.showStores;
      problems.el.checked = options.problemsOnly;
      if (options.focusHops !== undefined) hops.value = String(options.focusHops);
    },
  };
}

function buildLegend(): HTMLElement {
  const details = htmlEl('details', { class: 'legend' });
  details.append(htmlEl('summary', {}, 'Legend'));
  const list = htmlEl('ul');
  const item = (swatchClass: string, text: string): void => {
    const li = htmlEl('li');
    li.append(htmlEl('span', { class: `swatch ${swatchClass}` }), htmlEl('span', {}, text));
    list.append(li);
  };
  item('line-call', 'synchronous call (caller → callee, api and version)');
  item('line-subscription', 'event subscription (publisher → subscriber, event)');
  item('line-store', 'service keeps data in store');
  item('sev-error', 'error');
  item('sev-warning', 'warning');
  item('sev-info', 'info');
  item('sev-hint', 'hint');
  item('active-file', 'declared in the active editor');
  details.append(list);
  return details;
}
