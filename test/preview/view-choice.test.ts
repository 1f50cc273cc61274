import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isLargeResize, ViewChoice } from '../../client/src/preview/view-choice.js';

const SIDE = { width: 488, height: 690 };

describe('ViewChoice (which view the preview asks for)', () => {
  it('opens on auto for the pane, then keeps what auto chose while the model changes', () => {
    const c = new ViewChoice();
    c.pane = SIDE;
    assert.deepEqual(c.next(), { view: { kind: 'auto' }, pane: SIDE });
    c.shown({ kind: 'landscape' }, SIDE);
    // Typing: every refresh asks for the same view, never auto again.
    assert.deepEqual(c.next().view, { kind: 'landscape' });
    assert.deepEqual(c.next().view, { kind: 'landscape' });
  });

  it('picks auto again after a large resize only', () => {
    const c = new ViewChoice();
    c.pane = SIDE;
    c.shown({ kind: 'landscape' }, SIDE);
    assert.equal(c.resize({ width: 520, height: 700 }), false, 'a few pixels: nothing');
    assert.deepEqual(c.next().view, { kind: 'landscape' });
    assert.equal(c.resize({ width: 1400, height: 700 }), true, 'maximised: pick again');
    assert.deepEqual(c.next(), { view: { kind: 'auto' }, pane: { width: 1400, height: 700 } });
    c.shown({ kind: 'all' }, { width: 1400, height: 700 });
    assert.equal(c.resize({ width: 1400, height: 420 }), true, 'the height counts too');
  });

  it('keeps a view the user opened, laying it out again after a large resize', () => {
    const c = new ViewChoice();
    c.shown({ kind: 'landscape' }, SIDE);
    c.open({ kind: 'system', name: 'shop' });
    assert.deepEqual(c.next().view, { kind: 'system', name: 'shop' });
    c.shown({ kind: 'system', name: 'shop' }, SIDE);
    assert.equal(c.resize({ width: 1200, height: 690 }), true);
    assert.deepEqual(c.next().view, { kind: 'system', name: 'shop' });
    c.open({ kind: 'auto' });
    assert.deepEqual(c.next().view, { kind: 'auto' });
  });

  it('restores the view saved with the panel', () => {
    assert.deepEqual(new ViewChoice({ kind: 'team', name: 'core' }).next().view, { kind: 'team', name: 'core' });
  });

  it('counts more than a quarter of either side as large', () => {
    assert.equal(isLargeResize({ width: 400, height: 400 }, { width: 500, height: 400 }), false);
    assert.equal(isLargeResize({ width: 400, height: 400 }, { width: 501, height: 400 }), true);
    assert.equal(isLargeResize({ width: 400, height: 400 }, { width: 400, height: 299 }), true);
  });
});
