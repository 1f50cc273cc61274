/**
 * Every id of a graph node or edge is built and read here, nowhere else.
 *
 * Nodes:  `service:NAME`, `store:NAME`, `group:system:NAME`, `group:team:NAME`,
 *         and groups that stand for what has no system or no owner, and for
 *         the landscape's folded rest: `group:no-system`, `group:unowned`,
 *         `group:more`; a compact box that stands for a system's services
 *         outside a system or team view: `outside:system:NAME`,
 *         `outside:no-system`, `outside:more`.
 * Edges:  `call:A->B:N`, `sub:PUBLISHER->SUBSCRIBER:N` (N counts repeats of the
 *         same pair, in model order), `store:SERVICE->STORE`, and a bundled line
 *         standing for several: `KIND:[SOURCE-ID]->[TARGET-ID]`.
 *
 * Names are Seams identifiers (letters, digits, `-`, `_`), so they never hold
 * `:`, `->`, `[` or `]`, and every id parses back unambiguously.
 */

export type GroupKind = 'system' | 'team';
/** Groups that do not come from a declaration. */
export type SpecialGroup = 'no-system' | 'unowned' | 'more';

export type ParsedNodeId =
  | { kind: 'service'; name: string }
  | { kind: 'store'; name: string }
  | { kind: 'group'; group: GroupKind; name: string }
  | { kind: 'group'; group: SpecialGroup; name?: undefined }
  | { kind: 'outside'; system?: string; more?: true };

export type EdgeIdKind = 'call' | 'subscription' | 'store';

export type ParsedEdgeId =
  | { kind: 'call' | 'subscription'; from: string; to: string; index: number; bundled?: undefined }
  | { kind: 'store'; from: string; to: string; index?: undefined; bundled?: undefined }
  /** A bundled line: `from` and `to` are node ids. */
  | { kind: EdgeIdKind; from: string; to: string; index?: undefined; bundled: true };

export function serviceId(name: string): string {
  return `service:${name}`;
}

export function storeId(name: string): string {
  return `store:${name}`;
}

export function groupId(kind: GroupKind, name: string): string {
  return `group:${kind}:${name}`;
}

export const NO_SYSTEM_GROUP_ID = 'group:no-system';
export const UNOWNED_GROUP_ID = 'group:unowned';
/** The landscape's box for the boxes that did not fit (landscape-layout.ts). */
export const MORE_GROUP_ID = 'group:more';

/** The compact box for the services of `system` (undefined: of no system) outside a system or team view. */
export function outsideId(system: string | undefined): string {
  return system === undefined ? 'outside:no-system' : `outside:system:${system}`;
}

/** The compact box for the outside systems a system or team view has no room for. */
export const OUTSIDE_MORE_ID = 'outside:more';

export function specialGroupId(group: SpecialGroup): string {
  return group === 'no-system' ? NO_SYSTEM_GROUP_ID : group === 'unowned' ? UNOWNED_GROUP_ID : MORE_GROUP_ID;
}

export function callEdgeId(from: string, to: string, index: number): string {
  return `call:${from}->${to}:${index}`;
}

export function subscriptionEdgeId(publisher: string, subscriber: string, index: number): string {
  return `sub:${publisher}->${subscriber}:${index}`;
}

export function storeEdgeId(service: string, store: string): string {
  return `store:${service}->${store}`;
}

const EDGE_PREFIX: Record<EdgeIdKind, string> = { call: 'call', subscription: 'sub', store: 'store' };

/** The id of one line standing for every line of `kind` from node `source` to node `target`. */
export function bundledEdgeId(kind: EdgeIdKind, source: string, target: string): string {
  return `${EDGE_PREFIX[kind]}:[${source}]->[${target}]`;
}

/** The pieces of a node id, or undefined for text that is no node id. */
export function parseNodeId(id: string): ParsedNodeId | undefined {
  if (id === NO_SYSTEM_GROUP_ID) return { kind: 'group', group: 'no-system' };
  if (id === UNOWNED_GROUP_ID) return { kind: 'group', group: 'unowned' };
  if (id === MORE_GROUP_ID) return { kind: 'group', group: 'more' };
  if (id === OUTSIDE_MORE_ID) return { kind: 'outside', more: true };
  if (id === 'outside:no-system') return { kind: 'outside' };
  if (id.startsWith('outside:system:')) {
    const system = id.slice('outside:system:'.length);
    return isName(system) ? { kind: 'outside', system } : undefined;
  }
  const colon = id.indexOf(':');
  if (colon < 0) return undefined;
  const head = id.slice(0, colon);
  const rest = id.slice(colon + 1);
  if (head === 'service' || head === 'store') return isName(rest) ? { kind: head, name: rest } : undefined;
  if (head !== 'group') return undefined;
  const second = rest.indexOf(':');
  if (second < 0) return undefined;
  const group = rest.slice(0, second);
  const name = rest.slice(second + 1);
  if ((group === 'system' || group === 'team') && isName(name)) return { kind: 'group', group, name };
  return undefined;
}

/** The pieces of an edge id, or undefined for text that is no edge id. */
export function parseEdgeId(id: string): ParsedEdgeId | undefined {
  const colon = id.indexOf(':');
  if (colon < 0) return undefined;
  const prefix = id.slice(0, colon);
  const kind: EdgeIdKind | undefined =
    prefix === 'call' ? 'call' : prefix === 'sub' ? 'subscription' : prefix === 'store' ? 'store' : undefined;
  if (!kind) return undefined;
  const rest = id.slice(colon + 1);
  const bundled = /^\[(.+)\]->\[(.+)\]$/.exec(rest);
  if (bundled) return { kind, from: bundled[1]!, to: bundled[2]!, bundled: true };
  const arrow = rest.indexOf('->');
  if (arrow < 0) return undefined;
  const from = rest.slice(0, arrow);
  const tail = rest.slice(arrow + 2);
  if (kind === 'store') return isName(from) && isName(tail) ? { kind, from, to: tail } : undefined;
  const last = tail.lastIndexOf(':');
  if (last < 0) return undefined;
  const to = tail.slice(0, last);
  const index = Number(tail.slice(last + 1));
  if (!isName(from) || !isName(to) || !Number.isInteger(index) || index < 0) return undefined;
  return { kind, from, to, index };
}

/** The name a node id stands for (`orders` for `service:orders`), or the id itself. */
export function nameOfNodeId(id: string): string {
  const parsed = parseNodeId(id);
  if (!parsed) return id;
  if (parsed.kind === 'outside') return parsed.system ?? (parsed.more ? 'more' : 'no system');
  if (parsed.kind === 'group' && parsed.name === undefined)
    return parsed.group === 'unowned' ? 'no owner' : parsed.group === 'more' ? 'more' : 'no system';
  return parsed.name!;
}

function isName(text: string): boolean {
  return text !== '' && !/[:[\]\s]/.test(text) && !text.includes('->');
}
