/**
 * The controls above the picture, the overflow menu and the legend. It builds
 * the elements and reports what the user did through callbacks; main.ts
 * decides what that means.
 *
 * One row fits a side pane (about 520 px): search, Focus, zoom, Fit and a
 * "More" button. Everything else (view, stores, problems only,
 * focus hops, 100%, export) sits in the menu that button opens.
 * The legend is docked under the picture (its own strip, closed by default), so
 * it never covers what it explains.
 */
import type { GraphOptions } from '../../server/src/core/layout/graph.js';
import type { ExportFormat } from '../../server/src/protocol/preview-protocol.js';
import { htmlEl } from './dom.js';

/** The views the menu offers directly; system, team and service views are reached from the picture. */
export type TopView = 'auto' | 'landscape' | 'all';

export interface ToolbarActions {
  changeOptions(patch: Partial<GraphOptions>): void;
  search(text: string, next: boolean): void;
  focusSelected(hops: number): void;
  clearFocus(): void;
  fit(): void;
  actualSize(): void;
  zoom(factor: number): void;
  exportAs(format: ExportFormat): void;
  openTopView(view: TopView): void;
  /** "Compare with…": the host asks which revision. */
  compare(): void;
}

export interface Toolbar {
  el: HTMLElement;
  /** The overflow menu (a popup over the picture while open). */
  menu: HTMLElement;
  legend: HTMLElement;
  searchInfo: HTMLElement;
  /** Show the options the current picture was drawn with. */
  showOptions(options: GraphOptions): void;
  /** Show which top view was asked for (`undefined`: a system, team or service view). */
  showTopView(view: TopView | undefined): void;
  closeMenu(): void;
}

function button(label: string, title: string, id: string, onClick: () => void, cls?: string): HTMLButtonElement {
  const b = htmlEl('button', { type: 'button', title, id, 'aria-label': title, class: cls }, label);
  b.addEventListener('click', onClick);
  return b;
}

function select<T extends string>(
  id: string,
  label: string,
  values: [T, string][],
  onChange: (v: T) => void,
): { wrap: HTMLElement; el: HTMLSelectElement } {
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

  const hops = htmlEl('input', { type: 'number', id: 'focus-hops', min: 0, max: 9, value: 1, 'aria-label': 'Focus hops' });
  const hopsValue = (): number => Math.max(0, Math.min(9, Math.floor(Number(hops.value) || 0)));

  // ---- the overflow menu ----
  const menu = htmlEl('div', { class: 'menu', id: 'more-menu', role: 'dialog', 'aria-label': 'More preview controls', hidden: '' });
  const more = button('⋯', 'More controls', 'more', () => (menu.hidden ? openMenu() : closeMenu()), 'more');
  more.setAttribute('aria-haspopup', 'dialog');
  more.setAttribute('aria-expanded', 'false');
  const openMenu = (): void => {
    menu.hidden = false;
    more.setAttribute('aria-expanded', 'true');
    (menu.querySelector('select, input, button') as HTMLElement | null)?.focus();
  };
  const closeMenu = (): void => {
    if (menu.hidden) return;
    menu.hidden = true;
    more.setAttribute('aria-expanded', 'false');
  };
  menu.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      closeMenu();
      more.focus();
    }
  });
  document.addEventListener('pointerdown', (e) => {
    if (!menu.hidden && e.target instanceof Node && !menu.contains(e.target) && !more.contains(e.target)) closeMenu();
  });

  const view = select<TopView | ''>(
    'view',
    'View',
    [
      ['auto', 'auto (fits the pane)'],
      ['landscape', 'landscape'],
      ['all', 'everything'],
      ['', '—'],
    ],
    (v) => {
      if (v) actions.openTopView(v);
    },
  );
  (view.el.querySelector('option[value=""]') as HTMLOptionElement).disabled = true;
  const stores = checkbox('stores', 'Stores', (v) => actions.changeOptions({ showStores: v }));
  const problems = checkbox('problems-only', 'Problems only', (v) => actions.changeOptions({ problemsOnly: v }));

  const row = (...children: (HTMLElement | string)[]): HTMLElement => {
    const g = htmlEl('div', { class: 'menu-row' });
    g.append(...children);
    return g;
  };
  const hopsField = htmlEl('label', { class: 'field' });
  hopsField.append(htmlEl('span', {}, 'Focus hops'), hops);
  menu.append(
    row(view.wrap),
    row(stores.wrap, problems.wrap),
    row(
      hopsField,
      button('Leave focus', 'Leave the service view', 'clear-focus', () => actions.clearFocus()),
    ),
    row(
      button('100%', 'Actual size', 'actual-size', () => actions.actualSize()),
      button('Export SVG', 'Export as SVG', 'export-svg', () => actions.exportAs('svg')),
      button('Export PNG', 'Export as PNG', 'export-png', () => actions.exportAs('png')),
    ),
    row(
      button('Compare with…', 'Show what changed since a git revision (HEAD, a branch, a tag)', 'compare-with', () => {
        closeMenu();
        actions.compare();
      }),
    ),
  );

  // ---- the row ----
  const searchGroup = htmlEl('div', { class: 'group search-group' });
  searchGroup.append(search, searchInfo);
  const groupOf = (...children: HTMLElement[]): HTMLElement => {
    const g = htmlEl('div', { class: 'group' });
    g.append(...children);
    return g;
  };
  el.append(
    searchGroup,
    groupOf(button('Focus', 'Show the selected service and its neighbours', 'focus', () => actions.focusSelected(hopsValue()))),
    groupOf(
      button('−', 'Zoom out', 'zoom-out', () => actions.zoom(1 / 1.25)),
      button('+', 'Zoom in', 'zoom-in', () => actions.zoom(1.25)),
      button('Fit', 'Fit to window', 'fit', () => actions.fit()),
    ),
    more,
  );

  return {
    el,
    menu,
    legend: buildLegend(),
    searchInfo,
    showOptions(options) {
      stores.el.checked = options.showStores;
      problems.el.checked = options.problemsOnly;
      if (options.focusHops !== undefined) hops.value = String(options.focusHops);
    },
    showTopView(v) {
      view.el.value = v ?? '';
    },
    closeMenu,
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
  item('line-call', 'call (caller → callee; api, version)');
  item('line-subscription', 'event (publisher → subscriber)');
  item('line-store', 'keeps data in store');
  item('box-system', 'system or team: double-click to open');
  item('box-external', 'outside the view: click for its system');
  item('sev-error', 'error');
  item('sev-warning', 'warning');
  item('sev-info', 'info');
  item('sev-hint', 'hint');
  item('active-file', 'declared in the active editor');
  details.append(list);
  return details;
}
