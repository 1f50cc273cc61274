// A small hand-made laid-out graph for the webview tests: one system with three
// services, one store, a call with problems, a subscription and a store edge.
import type { LaidOutGraph, LaidOutNode } from '../../server/src/core/layout/graph.js';
import { DEFAULT_GRAPH_OPTIONS } from '../../server/src/core/layout/graph.js';

export const FILE = 'file:///work/shop.seams';

function service(name: string, x: number, y: number, extra: Partial<LaidOutNode> = {}): LaidOutNode {
  return {
    id: `service:${name}`,
    kind: 'service',
    label: name,
    parent: 'group:system:shop',
    source: { file: FILE, start: name.length * 10, end: name.length * 10 + name.length },
    problems: [],
    summary: { owner: 'orders-team', tier: 'internal', system: 'shop', contracts: [`api ${name}-api v1`], stores: [] },
    x,
    y,
    width: 120,
    height: 40,
    ...extra,
  };
}

export function sampleGraph(labels: { orders?: string } = {}): LaidOutGraph {
  const orders = labels.orders ?? 'orders';
  return {
    width: 640,
    height: 260,
    options: { ...DEFAULT_GRAPH_OPTIONS },
    nodes: [
      {
        id: 'group:system:shop',
        kind: 'group',
        label: 'shop',
        sublabel: 'Online shop',
        source: { file: FILE, start: 0, end: 4 },
        problems: [],
        x: 10,
        y: 10,
        width: 600,
        height: 220,
      },
      service('orders', 40, 60, {
        label: orders,
        source: { file: FILE, start: 120, end: 126 },
        problems: [
          { severity: 'warning', code: 'missing-owner', message: `service ${orders} has no owner` },
          { severity: 'error', code: 'sync-cycle', message: 'orders and catalog call each other' },
        ],
        severity: 'error',
      }),
      service('catalog', 300, 60),
      service('shipping', 300, 160),
      {
        id: 'store:orders-db',
        kind: 'store',
        label: 'orders-db',
        sublabel: 'postgres',
        parent: 'group:system:shop',
        source: { file: FILE, start: 140, end: 149 },
        problems: [],
        x: 40,
        y: 160,
        width: 120,
        height: 44,
      },
    ],
    edges: [
      {
        id: 'call:orders->catalog:0',
        kind: 'call',
        source: 'service:orders',
        target: 'service:catalog',
        label: 'catalog-api v2',
        sourceRef: { file: FILE, start: 200, end: 222 },
        problems: [{ severity: 'warning', code: 'missing-timeout', message: 'the call from orders to catalog has no timeout' }],
        severity: 'warning',
        points: [
          { x: 160, y: 80 },
          { x: 300, y: 80 },
        ],
        labelBox: { x: 190, y: 60, width: 80, height: 16 },
      },
      {
        id: 'subscription:orders->shipping:0',
        kind: 'subscription',
        source: 'service:orders',
        target: 'service:shipping',
        label: 'order-placed v3',
        sourceRef: { file: FILE, start: 300, end: 330 },
        problems: [],
        points: [
          { x: 160, y: 90 },
          { x: 230, y: 180 },
          { x: 300, y: 180 },
        ],
        labelBox: { x: 190, y: 185, width: 90, height: 16 },
      },
      {
        id: 'store:orders->orders-db',
        kind: 'store',
        source: 'service:orders',
        target: 'store:orders-db',
        problems: [],
        points: [
          { x: 100, y: 100 },
          { x: 100, y: 160 },
        ],
      },
    ],
  };
}

function box(id: string, label: string, x: number, y: number, extra: Partial<LaidOutNode> = {}): LaidOutNode {
  return { id, kind: 'group', label, problems: [], x, y, width: 160, height: 64, source: { file: FILE, start: 0, end: 4 }, ...extra };
}

/** The landscape: two systems as boxes and one bundled line between them. */
export function landscapeGraph(): LaidOutGraph {
  return {
    width: 420,
    height: 120,
    options: { ...DEFAULT_GRAPH_OPTIONS },
    view: { kind: 'landscape' },
    breadcrumb: [{ label: 'Landscape', view: { kind: 'landscape' } }],
    fitScale: 1,
    nodes: [
      box('group:system:shop', 'shop', 20, 20, { collapsed: true, memberCount: 3, source: { file: FILE, start: 0, end: 4 } }),
      box('group:system:back', 'back', 240, 20, { collapsed: true, memberCount: 2, source: { file: FILE, start: 400, end: 404 } }),
    ],
    edges: [
      {
        id: 'call:[group:system:shop]->[group:system:back]',
        kind: 'call',
        source: 'group:system:shop',
        target: 'group:system:back',
        label: '2 calls',
        count: 2,
        problems: [],
        points: [
          { x: 180, y: 52 },
          { x: 240, y: 52 },
        ],
      },
    ],
  };
}

/** system:shop: its services, and billing (of system back) as a compact outside box in back's frame. */
export function systemGraph(): LaidOutGraph {
  const g = sampleGraph();
  g.view = { kind: 'system', name: 'shop' };
  g.breadcrumb = [
    { label: 'Landscape', view: { kind: 'landscape' } },
    { label: 'shop', view: { kind: 'system', name: 'shop' } },
  ];
  g.width = 900;
  g.nodes.push(box('group:system:back', 'back', 660, 10, { width: 200, height: 90, source: { file: FILE, start: 400, end: 404 } }), {
    id: 'service:billing',
    kind: 'external',
    label: 'billing',
    parent: 'group:system:back',
    source: { file: FILE, start: 420, end: 427 },
    problems: [],
    summary: { owner: 'back-team', system: 'back', contracts: [], stores: [] },
    x: 690,
    y: 50,
    width: 100,
    height: 30,
  });
  return g;
}

/** system:back, where billing lives. */
export function backGraph(): LaidOutGraph {
  const g = sampleGraph();
  g.view = { kind: 'system', name: 'back' };
  g.breadcrumb = [
    { label: 'Landscape', view: { kind: 'landscape' } },
    { label: 'back', view: { kind: 'system', name: 'back' } },
  ];
  for (const n of g.nodes) {
    if (n.id === 'group:system:shop') Object.assign(n, { id: 'group:system:back', label: 'back' });
    else n.parent = 'group:system:back';
  }
  const shipping = g.nodes.find((n) => n.id === 'service:shipping')!;
  Object.assign(shipping, { id: 'service:billing', label: 'billing' });
  for (const e of g.edges) if (e.target === 'service:shipping') e.target = 'service:billing';
  return g;
}
