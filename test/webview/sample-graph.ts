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
        points: [{ x: 160, y: 80 }, { x: 300, y: 80 }],
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
        points: [{ x: 160, y: 90 }, { x: 230, y: 180 }, { x: 300, y: 180 }],
        labelBox: { x: 190, y: 185, width: 90, height: 16 },
      },
      {
        id: 'store:orders->orders-db',
        kind: 'store',
        source: 'service:orders',
        target: 'store:orders-db',
        problems: [],
        points: [{ x: 100, y: 100 }, { x: 100, y: 160 }],
      },
    ],
  };
}
