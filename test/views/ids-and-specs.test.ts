import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  bundledEdgeId,
  callEdgeId,
  groupId,
  nameOfNodeId,
  NO_SYSTEM_GROUP_ID,
  OUTSIDE_MORE_ID,
  outsideId,
  parseEdgeId,
  parseNodeId,
  serviceId,
  storeEdgeId,
  storeId,
  subscriptionEdgeId,
  UNOWNED_GROUP_ID,
} from '../../server/src/core/ids.js';
import { DEFAULT_PANE, fitScale, formatViewSpec, isReadable, parsePaneSize, parseViewSpec } from '../../server/src/core/views/view-spec.js';

describe('graph ids', () => {
  it('builds the forms the picture has always used', () => {
    assert.equal(serviceId('orders'), 'service:orders');
    assert.equal(storeId('orders-db'), 'store:orders-db');
    assert.equal(groupId('system', 'shop'), 'group:system:shop');
    assert.equal(groupId('team', 'core'), 'group:team:core');
    assert.equal(callEdgeId('web', 'orders', 0), 'call:web->orders:0');
    assert.equal(subscriptionEdgeId('orders', 'mail', 2), 'sub:orders->mail:2');
    assert.equal(storeEdgeId('orders', 'orders-db'), 'store:orders->orders-db');
    assert.equal(bundledEdgeId('subscription', 'group:system:a', 'service:b'), 'sub:[group:system:a]->[service:b]');
  });

  it('parses every id it builds back into its parts', () => {
    assert.deepEqual(parseNodeId(serviceId('a-b_c')), { kind: 'service', name: 'a-b_c' });
    assert.deepEqual(parseNodeId(storeId('db')), { kind: 'store', name: 'db' });
    assert.deepEqual(parseNodeId(groupId('team', 't')), { kind: 'group', group: 'team', name: 't' });
    assert.deepEqual(parseNodeId(NO_SYSTEM_GROUP_ID), { kind: 'group', group: 'no-system' });
    assert.deepEqual(parseNodeId(UNOWNED_GROUP_ID), { kind: 'group', group: 'unowned' });
    assert.deepEqual(parseEdgeId(callEdgeId('a', 'b', 3)), { kind: 'call', from: 'a', to: 'b', index: 3 });
    assert.deepEqual(parseEdgeId(subscriptionEdgeId('a', 'b', 0)), { kind: 'subscription', from: 'a', to: 'b', index: 0 });
    assert.deepEqual(parseEdgeId(storeEdgeId('a', 'db')), { kind: 'store', from: 'a', to: 'db' });
    assert.deepEqual(parseEdgeId(bundledEdgeId('call', 'group:system:x', 'service:y')), {
      kind: 'call',
      from: 'group:system:x',
      to: 'service:y',
      bundled: true,
    });
    assert.equal(nameOfNodeId('group:system:shop'), 'shop');
    assert.equal(nameOfNodeId('service:orders'), 'orders');
  });

  it('names the boxes that stand for outside systems in a system or team view', () => {
    assert.deepEqual(parseNodeId(outsideId('shop')), { kind: 'outside', system: 'shop' });
    assert.deepEqual(parseNodeId(outsideId(undefined)), { kind: 'outside' });
    assert.deepEqual(parseNodeId(OUTSIDE_MORE_ID), { kind: 'outside', more: true });
    assert.equal(nameOfNodeId(outsideId('shop')), 'shop');
    assert.equal(parseNodeId('outside:system:'), undefined);
    assert.equal(parseNodeId('outside:galaxy:x'), undefined);
  });

  it('rejects text that is no id', () => {
    for (const bad of ['', 'orders', 'service:', 'group:system:', 'group:galaxy:x', 'widget:x', 'service:a:b']) {
      assert.equal(parseNodeId(bad), undefined, bad);
    }
    for (const bad of ['call:a->b', 'call:a->b:x', 'sub:->b:0', 'call:a:0', 'x:a->b:0']) assert.equal(parseEdgeId(bad), undefined, bad);
  });
});

describe('view specs', () => {
  it('parses and formats every view', () => {
    const cases: [string, unknown, string][] = [
      ['auto', { kind: 'auto' }, 'auto'],
      ['landscape', { kind: 'landscape' }, 'landscape'],
      ['all', { kind: 'all' }, 'all'],
      ['system:shop', { kind: 'system', name: 'shop' }, 'system:shop'],
      ['team:core-team', { kind: 'team', name: 'core-team' }, 'team:core-team'],
      ['service:orders', { kind: 'service', name: 'orders', hops: 1 }, 'service:orders'],
      ['service:orders:2', { kind: 'service', name: 'orders', hops: 2 }, 'service:orders:2'],
      ['service:orders:0', { kind: 'service', name: 'orders', hops: 0 }, 'service:orders:0'],
    ];
    for (const [text, spec, back] of cases) {
      assert.deepEqual(parseViewSpec(text), spec, text);
      assert.equal(formatViewSpec(spec as never), back);
    }
  });

  it('explains what is wrong with a bad view in one line', () => {
    for (const bad of ['', 'everything', 'system', 'system:', 'team:', 'service:', 'service:a:b', 'service:a:1:2', 'system:a b']) {
      const r = parseViewSpec(bad);
      assert.ok('error' in r, bad);
      assert.doesNotMatch((r as { error: string }).error, /\n/);
    }
  });

  it('fits a box into the pane and calls 0.6 or more readable', () => {
    assert.deepEqual(DEFAULT_PANE, { width: 520, height: 760 });
    assert.equal(fitScale({ width: 260, height: 380 }), 1);
    assert.equal(fitScale({ width: 1040, height: 380 }), 0.5);
    assert.equal(fitScale({ width: 100, height: 1520 }), 0.5);
    assert.equal(isReadable({ width: 866, height: 1266 }), true);
    assert.equal(isReadable({ width: 3639, height: 598 }), false);
    assert.deepEqual(parsePaneSize('520x760'), { width: 520, height: 760 });
    assert.deepEqual(parsePaneSize('1200X800'), { width: 1200, height: 800 });
    for (const bad of ['520', '520x', 'x760', '0x760', '520x760x1', 'axb', '-1x5']) assert.equal(parsePaneSize(bad), undefined, bad);
  });
});
