// The protocol guards: what the host accepts from the webview and the webview from the host.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_GRAPH_OPTIONS } from '../../server/src/core/layout/graph.js';
import {
  isCompareParams,
  isCompareResponse,
  isHostToWebviewMessage,
  isPreviewState,
  isRevisionsResponse,
  isWebviewToHostMessage,
} from '../../server/src/protocol/preview-protocol.js';
import { landscapeGraph, systemGraph, sampleGraph } from '../webview/sample-graph.js';

describe('preview protocol guards', () => {
  it('accept every well-formed message from the webview', () => {
    for (const m of [
      { type: 'ready' },
      { type: 'reveal', file: 'file:///a.seams', start: 1, end: 4 },
      { type: 'setOptions', options: DEFAULT_GRAPH_OPTIONS, autoCollapse: false },
      { type: 'setOptions', options: { ...DEFAULT_GRAPH_OPTIONS, focus: 'orders', focusHops: 2 }, autoCollapse: true },
      { type: 'export', format: 'svg', data: '<svg/>' },
      { type: 'export', format: 'png', data: 'iVBORw0KGgo=' },
    ]) {
      assert.equal(isWebviewToHostMessage(m), true, JSON.stringify(m));
    }
  });

  it('refuse unknown types and wrong or missing fields from the webview', () => {
    for (const m of [
      null,
      'ready',
      [],
      { type: 'runCommand', command: 'workbench.action.terminal.new' },
      { type: 'reveal', file: 'file:///a.seams', start: '1', end: 4 },
      { type: 'reveal', file: 'file:///a.seams', start: 5, end: 4 },
      { type: 'reveal', file: 'file:///a.seams', start: -1, end: 4 },
      { type: 'reveal', start: 1, end: 4 },
      { type: 'setOptions', options: { ...DEFAULT_GRAPH_OPTIONS, direction: 'left' }, autoCollapse: false },
      { type: 'setOptions', options: { ...DEFAULT_GRAPH_OPTIONS, collapsed: [1] }, autoCollapse: false },
      { type: 'setOptions', options: DEFAULT_GRAPH_OPTIONS },
      { type: 'export', format: 'pdf', data: '' },
      { type: 'export', format: 'svg', data: 42 },
    ]) {
      assert.equal(isWebviewToHostMessage(m), false, JSON.stringify(m));
    }
  });

  it('check the whole graph the host sends, down to every point', () => {
    const good = { type: 'graph', graph: sampleGraph(), version: 3, activeNodeIds: [] };
    assert.equal(isHostToWebviewMessage(good), true);
    const badPoint = sampleGraph();
    (badPoint.edges[0]!.points[1] as unknown as Record<string, unknown>).y = 'NaN';
    assert.equal(isHostToWebviewMessage({ ...good, graph: badPoint }), false);
    const badProblem = sampleGraph();
    (badProblem.nodes[1]!.problems[0] as unknown as Record<string, unknown>).severity = 'fatal';
    assert.equal(isHostToWebviewMessage({ ...good, graph: badProblem }), false);
    const badLabel = sampleGraph();
    (badLabel.nodes[1] as unknown as Record<string, unknown>).label = { toString: () => '<b>' };
    assert.equal(isHostToWebviewMessage({ ...good, graph: badLabel }), false);
    assert.equal(isHostToWebviewMessage({ type: 'highlight', ids: ['service:a'] }), true);
    assert.equal(isHostToWebviewMessage({ type: 'highlight', ids: [1] }), false);
    assert.equal(isHostToWebviewMessage({ type: 'eval', code: 'alert(1)' }), false);
  });

  it('check saved state before a restored preview uses it', () => {
    assert.equal(isPreviewState({ options: DEFAULT_GRAPH_OPTIONS, autoCollapse: true }), true);
    assert.equal(isPreviewState({ options: DEFAULT_GRAPH_OPTIONS, autoCollapse: true, view: { x: 1, y: 2, scale: 0.5 } }), true);
    assert.equal(isPreviewState({ options: DEFAULT_GRAPH_OPTIONS, autoCollapse: true, view: { x: 1, y: 2 } }), false);
    assert.equal(isPreviewState(undefined), false);
  });

  it('check the view messages both ways', () => {
    const pane = { width: 488, height: 670 };
    for (const m of [
      { type: 'ready', pane },
      { type: 'resize', pane },
      { type: 'openView', view: { kind: 'system', name: 'shop' } },
      { type: 'openView', view: { kind: 'service', name: 'orders', hops: 2 } },
      { type: 'openView', view: { kind: 'auto' } },
      { type: 'find', text: 'pay' },
    ]) {
      assert.equal(isWebviewToHostMessage(m), true, JSON.stringify(m));
    }
    for (const m of [
      { type: 'ready', pane: { width: 'wide', height: 1 } },
      { type: 'resize', pane: { width: 0, height: 10 } },
      { type: 'resize' },
      { type: 'openView', view: { kind: 'system' } },
      { type: 'openView', view: { kind: 'system', name: '<img src=x>' } },
      { type: 'openView', view: { kind: 'service', name: 'a', hops: -1 } },
      { type: 'openView', view: 'system:shop' },
      { type: 'find', text: 'x'.repeat(201) },
      { type: 'find', text: 3 },
    ]) {
      assert.equal(isWebviewToHostMessage(m), false, JSON.stringify(m));
    }
    const found = {
      type: 'found',
      text: 'pay',
      matches: [{ id: 'service:payments', label: 'payments', view: { kind: 'system', name: 'checkout' } }],
    };
    assert.equal(isHostToWebviewMessage(found), true);
    assert.equal(isHostToWebviewMessage({ ...found, matches: [{ id: 'service:x', label: 'x', view: { kind: 'nowhere' } }] }), false);
    for (const graph of [landscapeGraph(), systemGraph()]) {
      assert.equal(isHostToWebviewMessage({ type: 'graph', graph, version: 1, activeNodeIds: [] }), true);
    }
    const badCrumb = { ...systemGraph(), breadcrumb: [{ label: 'x', view: { kind: 'system', name: 'a:b' } }] };
    assert.equal(isHostToWebviewMessage({ type: 'graph', graph: badCrumb, version: 1, activeNodeIds: [] }), false);
    const badKind = landscapeGraph();
    (badKind.nodes[0] as unknown as Record<string, unknown>).kind = 'script';
    assert.equal(isHostToWebviewMessage({ type: 'graph', graph: badKind, version: 1, activeNodeIds: [] }), false);
    assert.equal(isPreviewState({ options: DEFAULT_GRAPH_OPTIONS, autoCollapse: true, picture: { kind: 'team', name: 'core' } }), true);
    assert.equal(isPreviewState({ options: DEFAULT_GRAPH_OPTIONS, autoCollapse: true, picture: { kind: 'team' } }), false);
  });

  it('check the "Compare with…" messages: the request, the answer, the banner and the way back', () => {
    const summary = {
      base: 'HEAD',
      commit: 'a'.repeat(40),
      added: 1,
      removed: 0,
      changed: 2,
      newFindings: 1,
      fixedFindings: 0,
      scope: 'whole',
    };
    const good = { type: 'graph', graph: sampleGraph(), version: 4, activeNodeIds: [], compare: summary };
    assert.equal(isHostToWebviewMessage(good), true);
    for (const compare of [
      { ...summary, scope: 'part' },
      { ...summary, added: -1 },
      { ...summary, changed: 1.5 },
      { ...summary, base: 7 },
      { ...summary, commit: undefined },
      'HEAD',
      null,
    ]) {
      assert.equal(isHostToWebviewMessage({ ...good, compare }), false, JSON.stringify(compare));
    }
    assert.equal(isCompareResponse({ graph: sampleGraph(), version: 1, activeNodeIds: [], compare: summary }), true);
    assert.equal(isCompareResponse({ graph: sampleGraph(), version: 1, activeNodeIds: [] }), false, 'an answer without its summary');

    assert.equal(isWebviewToHostMessage({ type: 'compare' }), true);
    assert.equal(isWebviewToHostMessage({ type: 'stopCompare' }), true);

    const pane = { width: 488, height: 670 };
    for (const p of [
      { base: 'HEAD' },
      { base: 'main...', pane, options: DEFAULT_GRAPH_OPTIONS, activeFile: 'file:///a.seams' },
      { base: 'v1.2^' },
    ]) {
      assert.equal(isCompareParams(p), true, JSON.stringify(p));
    }
    for (const p of [
      undefined,
      {},
      { base: '' },
      { base: '   ' },
      { base: 'a\nb' },
      { base: 'x'.repeat(501) },
      { base: 'HEAD', pane: { width: 0, height: 1 } },
      { base: 'HEAD', options: { ...DEFAULT_GRAPH_OPTIONS, direction: 'left' } },
      { base: 'HEAD', activeFile: 3 },
    ]) {
      assert.equal(isCompareParams(p), false, JSON.stringify(p));
    }

    const ref = { name: 'main', commit: 'b'.repeat(40), subject: 'init' };
    const revisions = { head: { commit: ref.commit, branch: 'main', subject: 'init' }, branches: [ref], tags: [], commits: [ref] };
    assert.equal(isRevisionsResponse(revisions), true);
    assert.equal(isRevisionsResponse({ ...revisions, head: {} }), true, 'a repository without commits');
    assert.equal(isRevisionsResponse({ ...revisions, tags: [{ name: 'v1' }] }), false);
    assert.equal(isRevisionsResponse({ ...revisions, head: undefined }), false);
  });
});
