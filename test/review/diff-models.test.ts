/**
 * The core diff: elements matched by identity with what changed listed, text
 * moves and reformatting as no change, findings matched by code and element.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkSources } from '../../server/src/core/check.js';
import { diffModels, type ModelDiff } from '../../server/src/core/diff/diff-models.js';

function diff(before: string | Record<string, string>, after: string | Record<string, string>): ModelDiff {
  const files = (m: string | Record<string, string>) =>
    Object.entries(typeof m === 'string' ? { 'shop.seams': m } : m).map(([file, text]) => ({ file, text }));
  return diffModels(checkSources(files(before)), checkSources(files(after)));
}

/** `change kind id` per change, for compact assertions. */
function summary(d: ModelDiff): string[] {
  return d.changes.map((c) => `${c.change} ${c.kind} ${c.id}`);
}

const SHOP = `team shop-team {
  oncall "#shop"
}

system shop {
  defaults {
    timeout 2s
    circuit-breaker
  }
  service catalog "Catalog" {
    owner shop-team
    tier internal
    store catalog-db postgres
    api catalog-api v1 v2 rest
    event product-changed v1
  }
  service orders {
    owner shop-team
    tier internal
    api orders-api v1 grpc
    event order-placed v3
    calls catalog.catalog-api v2 {
      timeout 300ms
      retry 2 backoff exponential
    }
  }
  service shipping {
    owner shop-team
    tier background
    subscribes orders.order-placed v3
  }
}

rules {
  team-overload max 8
}
`;

describe('no change', () => {
  test('the same text is no change and no finding moves', () => {
    const d = diff(SHOP, SHOP);
    assert.deepEqual(d.changes, []);
    assert.deepEqual(d.findings, { new: [], fixed: [] });
  });

  test('reindenting, reordering declarations and moving them to another file is no change', () => {
    const reindented = SHOP.replace(/^ {2}/gm, '\t\t').replace(/\n\n/g, '\n\n\n');
    assert.deepEqual(diff(SHOP, reindented).changes, []);
    // shipping first, then the rest; the team in a file of its own.
    const [team, rest] = [SHOP.slice(0, SHOP.indexOf('system')), SHOP.slice(SHOP.indexOf('system'))];
    const moved = rest
      .replace(/ {2}service shipping \{[\s\S]*?\n {2}\}\n/, '')
      .replace(
        'system shop {',
        `system shop {\n  service shipping {\n    owner shop-team\n    tier background\n    subscribes orders.order-placed v3\n  }`,
      );
    const d = diff(SHOP, { 'a.seams': moved, 'b/team.seams': team });
    assert.deepEqual(summary(d), []);
    assert.deepEqual(d.findings, { new: [], fixed: [] });
  });

  test('versions offered in another order, and 2s written as 2000ms, are no change', () => {
    const after = SHOP.replace('api catalog-api v1 v2 rest', 'api catalog-api v2 v1 rest').replace('timeout 300ms', 'timeout 0.3s');
    assert.deepEqual(diff(SHOP, after).changes, []);
  });
});

describe('added, removed and changed elements', () => {
  test('a service added and one removed', () => {
    const after = SHOP.replace(
      / {2}service shipping \{[\s\S]*?\n {2}\}\n/,
      '  service billing {\n    owner shop-team\n    tier internal\n  }\n',
    );
    const d = diff(SHOP, after);
    assert.deepEqual(summary(d), [
      'added service billing',
      'removed service shipping',
      'removed subscription shipping<-orders.order-placed',
    ]);
    const removed = d.changes.find((c) => c.id === 'shipping')!;
    // A removed element points into the old model.
    assert.equal(SHOP.slice(removed.location.start, removed.location.end), 'shipping');
  });

  test('a changed element lists what changed', () => {
    const after = SHOP.replace('timeout 300ms', 'timeout 1s')
      .replace('retry 2 backoff exponential', 'retry 3 backoff fixed')
      .replace('calls catalog.catalog-api v2', 'calls catalog.catalog-api v1')
      .replace('store catalog-db postgres', 'store catalog-db mysql')
      .replace('api catalog-api v1 v2 rest', 'api catalog-api v2 v3 rest')
      .replace('event order-placed v3', 'event order-placed v3 v4')
      .replace(/(service shipping \{\n {4}owner shop-team\n {4}tier) background/, '$1 internal')
      .replace('team-overload max 8', 'team-overload warning max 6')
      .replace('oncall "#shop"', 'oncall "#shop-2"')
      .replace('timeout 2s', 'timeout 3s');
    const d = diff(SHOP, after);
    const details = Object.fromEntries(d.changes.map((c) => [`${c.change} ${c.kind} ${c.id}`, c.details]));
    assert.deepEqual(details, {
      'changed team shop-team': ['oncall: "#shop" → "#shop-2"'],
      'changed system shop': ['defaults timeout: 2s → 3s'],
      'changed service shipping': ['tier: background → internal'],
      'changed store catalog-db': ['kind: postgres → mysql'],
      'changed api catalog.catalog-api': ['versions: v1 v2 → v2 v3'],
      'changed event orders.order-placed': ['versions: v3 → v3 v4'],
      'changed call orders->catalog.catalog-api': [
        'version: v2 → v1',
        'timeout: 300ms → 1s',
        'retry: 2 → 3',
        'backoff: exponential → fixed',
      ],
      'changed rule team-overload': ['severity: none → warning', 'max: 8 → 6'],
    });
  });

  test('an owner change and a store shared by a second service', () => {
    const after = SHOP.replace('team shop-team', 'team other-team {\n  oncall "#o"\n}\nteam shop-team')
      .replace(/(service orders \{\n {4}owner) shop-team/, '$1 other-team')
      .replace('api orders-api v1 grpc', 'api orders-api v1 grpc\n    store catalog-db postgres');
    const d = diff(SHOP, after);
    assert.deepEqual(
      d.changes.map((c) => [c.change, c.kind, c.id, c.details]),
      [
        ['added', 'team', 'other-team', []],
        ['changed', 'service', 'orders', ['owner: shop-team → other-team']],
        ['changed', 'store', 'catalog-db', ['declared by: catalog → catalog, orders']],
      ],
    );
  });

  test('ids: service.api, caller->service.api, caller->service, subscriber<-service.event, rule code', () => {
    const before = 'service a {\n  owner t\n}\nteam t\n';
    const after = `team t
service a {
  owner t
  api a-api v1
  event a-event v1
  calls b.b-api v1
  calls b
  subscribes b.b-event v1
}
service b {
  owner t
  api b-api v1
  event b-event v1
}
rules {
  missing-slo off
}
`;
    assert.deepEqual(summary(diff(before, after)), [
      'added service b',
      'added api a.a-api',
      'added api b.b-api',
      'added event a.a-event',
      'added event b.b-event',
      'added call a->b',
      'added call a->b.b-api',
      'added subscription a<-b.b-event',
      'added rule missing-slo',
    ]);
  });

  test('several calls with the same identity are matched in the order written', () => {
    const before =
      'service b {\n  api x v1\n}\nservice a {\n  calls b.x v1 {\n    timeout 1s\n  }\n  calls b.x v1 {\n    timeout 2s\n  }\n}\n';
    // The second call's timeout changes; the first stays.
    const changed = diff(before, before.replace('timeout 2s', 'timeout 3s'));
    assert.deepEqual(
      changed.changes.map((c) => [c.id, c.ordinal, c.details]),
      [['a->b.x', 1, ['timeout: 2s → 3s']]],
    );
    // The second one removed.
    const removed = diff(before, before.replace(/ {2}calls b\.x v1 \{\n {4}timeout 2s\n {2}\}\n/, ''));
    assert.deepEqual(
      removed.changes.map((c) => [c.change, c.id, c.ordinal]),
      [['removed', 'a->b.x', 1]],
    );
  });

  test('a call whose target is unresolved still has an identity', () => {
    const d = diff('service a {\n}\n', 'service a {\n  calls ghost.api\n}\n');
    assert.deepEqual(summary(d), ['added call a->ghost.api']);
    assert.deepEqual(d.findings.new.map((f) => f.code).sort(), ['missing-circuit-breaker', 'missing-timeout', 'unresolved-reference']);
  });
});

describe('findings', () => {
  test('a new problem is new, a repaired one fixed; moving text makes neither', () => {
    const before = SHOP.replace('      retry 2 backoff exponential\n', '      retry 2\n');
    const after = `// a comment pushes everything down\n\n${SHOP}`.replace(
      'subscribes orders.order-placed v3',
      'subscribes orders.order-placed v3\n    calls catalog.catalog-api v9',
    );
    const d = diff(before, after);
    assert.deepEqual(
      d.findings.fixed.map((f) => f.code),
      ['retry-without-backoff'],
    );
    assert.ok(d.findings.new.some((f) => f.code === 'version-not-provided' && f.severity === 'error'));
    assert.ok(
      d.findings.new.every((f) => f.message.includes('shipping')),
      JSON.stringify(d.findings.new.map((f) => f.message)),
    );
    // The fixed finding's location is in the old text.
    const fixed = d.findings.fixed[0]!;
    assert.match(before.slice(fixed.location.start, fixed.location.end), /retry 2|calls catalog/);
  });

  test('the same finding on a different element is new', () => {
    const base = 'team t {\n  oncall "#t"\n}\nservice a {\n  owner t\n  tier internal\n}\nservice b {\n  owner t\n  tier internal\n}\n';
    const d = diff(base.replace(/(service a \{\n)  owner t\n/, '$1'), base.replace(/(service b \{\n)  owner t\n/, '$1'));
    assert.deepEqual(
      d.findings.new.map((f) => [f.code, f.message.includes('b')]),
      [['missing-owner', true]],
    );
    assert.deepEqual(
      d.findings.fixed.map((f) => f.code),
      ['missing-owner'],
    );
  });

  test('a finding whose message changes (a number in it) but stays on the same elements is neither new nor fixed', () => {
    const base = 'team t {\n  oncall "#t"\n}\nrules {\n  team-overload max 1\n}\n';
    const services = (n: number) => Array.from({ length: n }, (_, i) => `service s${i} {\n  owner t\n  tier internal\n}\n`).join('');
    const d = diff(base + services(3), base + services(4));
    assert.equal(d.findings.new.filter((f) => f.code === 'team-overload').length, 0);
    assert.equal(d.findings.fixed.filter((f) => f.code === 'team-overload').length, 0);
  });
});
