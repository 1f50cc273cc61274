import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkSources } from '../../server/src/core/check.js';
import type { Diagnostic } from '../../server/src/core/diagnostics.js';
import { DEFAULT_GRAPH_OPTIONS, type GraphOptions, type ServiceGraph } from '../../server/src/core/layout/graph.js';
import { buildServiceGraph } from '../../server/src/core/layout/graph-from-model.js';

const SHOP = `
team web-team { oncall "#web" }
team core-team

system shop "Online shop" {
  service web "Web frontend" {
    owner web-team
    calls orders.orders-api v1 { timeout 1s }
    calls catalog.catalog-api { timeout 1s }
  }
  service catalog {
    owner core-team
    store shop-db postgres
    api catalog-api v1 rest
  }
  service orders {
    owner core-team
    store shop-db postgres
    store orders-cache redis
    api orders-api v1
    event order-placed v2
  }
}

system back "Back office" {
  service billing {
    owner core-team
    subscribes orders.order-placed v2
    calls orders.orders-api v1 { timeout 1s }
    calls orders.orders-api v1 { timeout 2s }
  }
  service mail {
    owner core-team
    subscribes orders.order-placed
  }
}

service lonely {
  owner web-team
}
`;

function graphOf(options: Partial<GraphOptions> = {}, extra: Diagnostic[] = []): ServiceGraph {
  // No rules: the test decides which diagnostics exist.
  const { model, diagnostics } = checkSources([{ file: 'shop.seams', text: SHOP }], { rules: [] });
  return buildServiceGraph(model, [...diagnostics, ...extra], { ...DEFAULT_GRAPH_OPTIONS, ...options });
}

const ids = (g: ServiceGraph): string[] => g.nodes.map((n) => n.id);
const edgeIds = (g: ServiceGraph): string[] => g.edges.map((e) => e.id);

/** A diagnostic at the first occurrence of `needle` in SHOP. */
function diagAt(needle: string, code = 'test-code', severity: Diagnostic['severity'] = 'warning'): Diagnostic {
  const start = SHOP.indexOf(needle);
  assert.ok(start >= 0, needle);
  return { code, severity, message: `about ${needle}`, location: { file: 'shop.seams', start, end: start + needle.length } };
}

describe('buildServiceGraph', () => {
  it('groups services by system, in model order, with stores beside their first user', () => {
    const g = graphOf();
    assert.deepEqual(ids(g), [
      'group:system:shop',
      'group:system:back',
      'service:web',
      'service:catalog',
      'store:shop-db',
      'service:orders',
      'store:orders-cache',
      'service:billing',
      'service:mail',
      'service:lonely',
    ]);
    const byId = new Map(g.nodes.map((n) => [n.id, n]));
    assert.equal(byId.get('service:web')!.parent, 'group:system:shop');
    assert.equal(byId.get('service:lonely')!.parent, undefined);
    assert.equal(byId.get('group:system:shop')!.sublabel, 'Online shop');
    assert.equal(byId.get('service:web')!.sublabel, 'Web frontend');
    assert.equal(byId.get('store:shop-db')!.sublabel, 'postgres');
    assert.deepEqual(byId.get('service:orders')!.summary, {
      owner: 'core-team',
      tier: undefined,
      system: 'shop',
      contracts: ['api orders-api v1', 'event order-placed v2'],
      stores: ['shop-db (postgres)', 'orders-cache (redis)'],
    });
  });

  it('groups by team and by nothing', () => {
    const team = graphOf({ grouping: 'team' });
    assert.deepEqual(
      ids(team).filter((i) => i.startsWith('group:')),
      ['group:team:web-team', 'group:team:core-team'],
    );
    assert.equal(team.nodes.find((n) => n.id === 'service:lonely')!.parent, 'group:team:web-team');
    assert.equal(team.nodes.find((n) => n.id === 'store:shop-db')!.parent, 'group:team:core-team');
    const none = graphOf({ grouping: 'none' });
    assert.ok(none.nodes.every((n) => n.kind !== 'group' && n.parent === undefined));
  });

  it('joins a shared store to every user and hides stores on request', () => {
    const g = graphOf();
    assert.deepEqual(
      g.edges.filter((e) => e.kind === 'store').map((e) => `${e.source} ${e.target}`),
      ['service:catalog store:shop-db', 'service:orders store:shop-db', 'service:orders store:orders-cache'],
    );
    const bare = graphOf({ showStores: false });
    assert.ok(bare.nodes.every((n) => n.kind !== 'store'));
    assert.ok(bare.edges.every((e) => e.kind !== 'store'));
  });

  it('draws calls caller → callee and subscriptions publisher → subscriber, labelled', () => {
    const g = graphOf();
    const edges = g.edges.filter((e) => e.kind !== 'store').map((e) => [e.id, e.source, e.target, e.label ?? '']);
    assert.deepEqual(edges, [
      ['call:web->orders:0', 'service:web', 'service:orders', 'orders-api v1'],
      ['call:web->catalog:0', 'service:web', 'service:catalog', 'catalog-api'],
      ['call:billing->orders:0', 'service:billing', 'service:orders', 'orders-api v1'],
      ['call:billing->orders:1', 'service:billing', 'service:orders', 'orders-api v1'],
      ['sub:orders->billing:0', 'service:orders', 'service:billing', 'order-placed v2'],
      ['sub:orders->mail:0', 'service:orders', 'service:mail', 'order-placed'],
    ]);
  });

  it('attaches problems to the innermost declaration: call → edge, store → store, service → node', () => {
    const g = graphOf({}, [
      diagAt('calls catalog.catalog-api', 'implicit-contract'),
      diagAt('store orders-cache redis', 'shared-database', 'error'),
      diagAt('service mail', 'missing-slo', 'hint'),
      diagAt('subscribes orders.order-placed\n', 'unpinned-version', 'info'),
    ]);
    const edge = g.edges.find((e) => e.id === 'call:web->catalog:0')!;
    assert.deepEqual(
      edge.problems.map((p) => p.code),
      ['implicit-contract'],
    );
    assert.equal(edge.severity, 'warning');
    const store = g.nodes.find((n) => n.id === 'store:orders-cache')!;
    assert.equal(store.severity, 'error');
    assert.deepEqual(
      g.nodes.find((n) => n.id === 'service:mail')!.problems.map((p) => p.code),
      ['missing-slo', 'unpinned-version'],
    );
    assert.deepEqual(
      g.edges.find((e) => e.id === 'sub:orders->mail:0')!.problems.map((p) => p.code),
      ['unpinned-version'],
    );
    // A service lists the problems of its own members too: web's call, orders' store.
    assert.deepEqual(
      g.nodes.find((n) => n.id === 'service:web')!.problems.map((p) => p.code),
      ['implicit-contract'],
    );
    assert.deepEqual(
      g.nodes.find((n) => n.id === 'service:orders')!.problems.map((p) => p.code),
      ['shared-database'],
    );
    assert.equal(g.nodes.find((n) => n.id === 'service:orders')!.severity, 'error');
    // Nothing else got a problem.
    const total = [...g.nodes, ...g.edges].reduce((n, x) => n + x.problems.length, 0);
    assert.equal(total, 7);
  });

  it('attaches a problem at its related locations too, once per element', () => {
    const at = (needle: string): Diagnostic['location'] => diagAt(needle).location;
    const cycle: Diagnostic = {
      ...diagAt('calls orders.orders-api v1', 'sync-cycle', 'error'),
      related: [
        { location: at('calls catalog.catalog-api'), message: 'web calls catalog' },
        { location: at('service mail'), message: 'mail' },
        { location: at('service mail'), message: 'mail again' },
      ],
    };
    const g = graphOf({}, [cycle]);
    const codes = (id: string): string[] => [...g.nodes, ...g.edges].find((x) => x.id === id)!.problems.map((p) => p.code);
    assert.deepEqual(codes('call:web->orders:0'), ['sync-cycle']);
    assert.deepEqual(codes('call:web->catalog:0'), ['sync-cycle']);
    assert.deepEqual(codes('service:web'), ['sync-cycle']);
    assert.deepEqual(codes('service:mail'), ['sync-cycle']);
    assert.deepEqual(codes('service:catalog'), []);
    // Collapsed, the group counts the cycle once although three members hold it.
    const shop = graphOf({ collapsed: ['group:system:shop'] }, [cycle]).nodes.find((n) => n.id === 'group:system:shop')!;
    assert.deepEqual(
      shop.problems.map((p) => p.code),
      ['sync-cycle'],
    );
  });

  it('collapses a group: members hidden, edges re-pointed and merged, problems and count on the group', () => {
    const g = graphOf({ collapsed: ['group:system:shop'] }, [diagAt('service catalog', 'missing-slo', 'hint')]);
    assert.deepEqual(ids(g), ['group:system:shop', 'group:system:back', 'service:billing', 'service:mail', 'service:lonely']);
    const shop = g.nodes[0]!;
    assert.equal(shop.collapsed, true);
    assert.equal(shop.memberCount, 3);
    assert.deepEqual(
      shop.problems.map((p) => p.code),
      ['missing-slo'],
    );
    // web → orders and web → catalog are inside the group: gone. billing → orders twice: one edge, same label kept.
    assert.deepEqual(
      g.edges.map((e) => [e.kind, e.source, e.target, e.label]),
      [
        ['call', 'service:billing', 'group:system:shop', 'orders-api v1'],
        ['subscription', 'group:system:shop', 'service:billing', 'order-placed v2'],
        ['subscription', 'group:system:shop', 'service:mail', 'order-placed'],
      ],
    );
    assert.equal(new Set(edgeIds(g)).size, g.edges.length);
  });

  it('merged edges with different labels are labelled with their count', () => {
    const g = graphOf({ collapsed: ['group:system:back'] });
    const sub = g.edges.filter((e) => e.kind === 'subscription');
    assert.deepEqual(
      sub.map((e) => [e.source, e.target, e.label]),
      [['service:orders', 'group:system:back', '2 events']],
    );
  });

  it('problems only keeps nodes with problems and the ends of edges with problems', () => {
    const g = graphOf({ problemsOnly: true }, [diagAt('calls catalog.catalog-api'), diagAt('service lonely')]);
    assert.deepEqual(ids(g), ['group:system:shop', 'service:web', 'service:catalog', 'service:lonely']);
    assert.deepEqual(edgeIds(g), ['call:web->catalog:0']);
  });

  it('focus keeps a service and its neighbours up to N hops, both directions', () => {
    const one = graphOf({ focus: 'billing', focusHops: 1 });
    assert.deepEqual(ids(one), ['group:system:shop', 'group:system:back', 'service:orders', 'service:billing']);
    const two = graphOf({ focus: 'service:billing', focusHops: 2, showStores: false });
    assert.deepEqual(ids(two), [
      'group:system:shop',
      'group:system:back',
      'service:web',
      'service:orders',
      'service:billing',
      'service:mail',
    ]);
    // The focused service's own group is never collapsed.
    const kept = graphOf({ focus: 'billing', focusHops: 1, collapsed: ['group:system:back', 'group:system:shop'] });
    assert.deepEqual(ids(kept), ['group:system:shop', 'group:system:back', 'service:billing']);
    assert.equal(kept.nodes[0]!.collapsed, true);
    assert.equal(kept.nodes[1]!.collapsed, undefined);
  });

  it('is deterministic', () => {
    assert.deepEqual(graphOf({ collapsed: ['group:system:back'] }), graphOf({ collapsed: ['group:system:back'] }));
  });
});
