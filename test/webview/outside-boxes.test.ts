/**
 * Where a click on a compact outside box leads (webview/src/breadcrumb.ts):
 * a box for one outside service opens its system; a box standing for an outside
 * system's services (`outside:system:NAME`) opens that system; the boxes for
 * services of no system and for "+N more systems" open nothing.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LaidOutNode } from '../../server/src/core/layout/graph.js';
import { OUTSIDE_MORE_ID, outsideId, serviceId } from '../../server/src/core/ids.js';
import { viewOfExternal } from '../../webview/src/breadcrumb.js';

const box = (id: string, parent?: string): LaidOutNode => ({
  id,
  kind: 'external',
  label: id,
  parent,
  problems: [],
  x: 0,
  y: 0,
  width: 80,
  height: 30,
});

describe('compact outside boxes', () => {
  it('open the system they belong to or stand for', () => {
    assert.deepEqual(viewOfExternal(box(serviceId('pay'), 'group:system:billing')), { kind: 'system', name: 'billing' });
    assert.deepEqual(viewOfExternal(box(outsideId('billing'))), { kind: 'system', name: 'billing' });
    assert.equal(viewOfExternal(box(outsideId(undefined))), undefined);
    assert.equal(viewOfExternal(box(OUTSIDE_MORE_ID)), undefined);
  });
});
