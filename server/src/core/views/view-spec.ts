/**
 * What a picture shows (a view) and the space it must fit (a pane). Views
 * follow language.md, "Views": `auto`, `landscape`, `system:NAME`,
 * `team:NAME`, `service:NAME[:HOPS]`, `all`. Pure and tiny, so the webview,
 * the preview protocol and the CLI share it.
 */

export type ViewSpec =
  | { kind: 'auto' }
  | { kind: 'landscape' }
  | { kind: 'all' }
  | { kind: 'system'; name: string }
  | { kind: 'team'; name: string }
  | { kind: 'service'; name: string; hops: number };

export type ViewKind = ViewSpec['kind'];

export const DEFAULT_HOPS = 1;
/** More hops than this are read as this many (a neighbourhood of 10 hops is everything anyway). */
export const MAX_HOPS = 10;

/** Parses `auto`, `landscape`, `all`, `system:NAME`, `team:NAME`, `service:NAME`, `service:NAME:HOPS`. */
export function parseViewSpec(text: string): ViewSpec | { error: string } {
  const t = text.trim();
  if (t === 'auto' || t === 'landscape' || t === 'all') return { kind: t };
  const colon = t.indexOf(':');
  const head = colon < 0 ? t : t.slice(0, colon);
  const rest = colon < 0 ? '' : t.slice(colon + 1);
  if (head === 'system' || head === 'team') {
    if (!isName(rest)) return { error: `view '${t}' needs a name: ${head}:NAME` };
    return { kind: head, name: rest };
  }
  if (head === 'service') {
    const parts = rest.split(':');
    if (parts.length > 2 || !isName(parts[0] ?? '')) return { error: `view '${t}' needs a name: service:NAME or service:NAME:HOPS` };
    let hops = DEFAULT_HOPS;
    if (parts.length === 2) {
      if (!/^\d+$/.test(parts[1]!)) return { error: `view '${t}': HOPS must be a whole number, got '${parts[1]}'` };
      hops = Math.min(MAX_HOPS, Number(parts[1]));
    }
    return { kind: 'service', name: parts[0]!, hops };
  }
  return { error: `unknown view '${t}'; use auto, landscape, all, system:NAME, team:NAME or service:NAME[:HOPS]` };
}

/** The text form `parseViewSpec` reads back: `system:shop`, `service:orders:2` (hops shown when not 1). */
export function formatViewSpec(view: ViewSpec): string {
  switch (view.kind) {
    case 'auto':
    case 'landscape':
    case 'all':
      return view.kind;
    case 'system':
    case 'team':
      return `${view.kind}:${view.name}`;
    case 'service':
      return view.hops === DEFAULT_HOPS ? `service:${view.name}` : `service:${view.name}:${view.hops}`;
  }
}

export function sameView(a: ViewSpec, b: ViewSpec): boolean {
  return formatViewSpec(a) === formatViewSpec(b);
}

export function isViewSpec(v: unknown): v is ViewSpec {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  switch (o.kind) {
    case 'auto':
    case 'landscape':
    case 'all':
      return true;
    case 'system':
    case 'team':
      return typeof o.name === 'string' && isName(o.name);
    case 'service':
      return typeof o.name === 'string' && isName(o.name) && typeof o.hops === 'number' && Number.isInteger(o.hops) && o.hops >= 0;
    default:
      return false;
  }
}

/** The space a picture must fit, in CSS px. */
export interface PaneSize {
  width: number;
  height: number;
}

/** A VS Code side pane. */
export const DEFAULT_PANE: PaneSize = { width: 520, height: 760 };

/** A picture is readable when fitted into its pane it is drawn at this share of its natural size or more. */
export const READABLE_SCALE = 0.6;

/** The scale that fits `box` into `pane`, never above 1 (a small picture is not blown up). */
export function fitScale(box: { width: number; height: number }, pane: PaneSize = DEFAULT_PANE): number {
  if (box.width <= 0 || box.height <= 0) return 1;
  return Math.min(pane.width / box.width, pane.height / box.height, 1);
}

export function isReadable(box: { width: number; height: number }, pane: PaneSize = DEFAULT_PANE): boolean {
  return fitScale(box, pane) >= READABLE_SCALE;
}

/** Parses `WxH` (e.g. `520x760`); undefined unless both are whole numbers from 50 to 100,000. */
export function parsePaneSize(text: string): PaneSize | undefined {
  const m = /^(\d+)x(\d+)$/i.exec(text.trim());
  if (!m) return undefined;
  const width = Number(m[1]);
  const height = Number(m[2]);
  const ok = (v: number): boolean => v >= 50 && v <= 100_000;
  return ok(width) && ok(height) ? { width, height } : undefined;
}

function isName(text: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_-]*$/.test(text);
}
