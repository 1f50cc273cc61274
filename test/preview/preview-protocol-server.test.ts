// The preview's methods through real JSON-RPC against the bundled server (dist/server.cjs
// --stdio, its layout worker dist/layout-worker.cjs) on a temp copy of examples/: the
// graph of the whole workspace, `seams/graphChanged` after an unsaved edit, the edit in the
// next graph, positions kept when only problems changed, and the cursor lookup.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { DEFAULT_GRAPH_OPTIONS } from '../../server/src/core/layout/graph.js';
import {
  GRAPH_CHANGED_NOTIFICATION,
  GRAPH_REQUEST,
  NODE_AT_REQUEST,
  type GraphChangedParams,
  type GraphRequestParams,
  type GraphResponse,
  type NodeAtResponse,
} from '../../server/src/protocol/preview-protocol.js';
import { LspSession, tempWorkspace } from '../lsp/lsp-session.js';

let ws: { folder: string; remove: () => void };
let session: LspSession;
const changes: GraphChangedParams[] = [];
let onChange: (() => void) | undefined;

/** Resolves once a `seams/graphChanged` newer than `version` has arrived (event-driven). */
async function changedAfter(version: number): Promise<void> {
  while (!changes.some((c) => c.version > version)) await new Promise<void>((resolve) => (onChange = resolve));
}

before(async () => {
  ws = tempWorkspace(true);
  session = await LspSession.start(ws.folder);
  session.connection.onNotification(GRAPH_CHANGED_NOTIFICATION, (p: GraphChangedParams) => {
    changes.push(p);
    onChange?.();
    onChange = undefined;
  });
});
after(async () => {
  await session?.stop();
  ws?.remove();
});

const ask = (params: Partial<GraphRequestParams> = {}) =>
  session.connection.sendRequest<GraphResponse>(GRAPH_REQUEST, { options: DEFAULT_GRAPH_OPTIONS, ...params });

/** Asks until the answer satisfies `accept`, waiting for the next change in between. */
async function askUntil(accept: (r: GraphResponse) => boolean, params: Partial<GraphRequestParams> = {}): Promise<GraphResponse> {
  let response = await ask(params);
  while (!accept(response)) {
    await changedAfter(response.version);
    response = await ask(params);
  }
  return response;
}

test('seams/graph answers with every service of the workspace, laid out', async () => {
  const text = ['checkout.seams', 'fulfilment.seams', 'storefront.seams'].map((f) => readFileSync(join(ws.folder, f), 'utf8')).join('\n');
  const declared = [...text.matchAll(/^\s*service\s+([\w-]+)/gm)].map((m) => m[1]!).sort();
  // The first answer may come before the workspace was read; ask until it has every service.
  let response = await ask();
  while (response.graph.nodes.filter((n) => n.kind === 'service').length < declared.length) {
    await changedAfter(response.version);
    response = await ask();
  }
  assert.deepEqual(
    response.graph.nodes
      .filter((n) => n.kind === 'service')
      .map((n) => n.label)
      .sort(),
    declared,
  );
  for (const n of response.graph.nodes) assert.ok(Number.isFinite(n.x + n.y + n.width + n.height), n.id);
  const unrouted = response.graph.edges.filter((e) => e.points.length < 2).map((e) => `${e.id} ${JSON.stringify(e.points)}`);
  assert.deepEqual(unrouted, [], 'every line has a route');
});

test('an unsaved edit is announced and shows in the next graph; other boxes keep their places for a problem-only edit', async () => {
  const uri = session.uri('checkout.seams');
  const text = readFileSync(join(ws.folder, 'checkout.seams'), 'utf8');
  await session.open('checkout.seams', text);
  const before = await ask({ activeFile: uri });
  assert.ok(before.activeNodeIds.includes('service:orders'));

  // Adds a problem only (an unknown tier): same shape, same positions.
  const tierAt = text.indexOf('tier user-facing');
  const edited = text.slice(0, tierAt) + 'tier sideways' + text.slice(tierAt + 'tier user-facing'.length);
  await session.change(uri, [{ text: edited }]);
  const at = (r: GraphResponse, id: string) => r.graph.nodes.find((n) => n.id === id)!;
  const problem = await askUntil((r) => at(r, 'service:orders').problems.some((p) => p.code === 'invalid-value'), { activeFile: uri });
  assert.ok(problem.version > before.version);
  assert.deepEqual(
    [at(problem, 'service:orders').x, at(problem, 'service:orders').y],
    [at(before, 'service:orders').x, at(before, 'service:orders').y],
  );

  // Adds a service, unsaved: it is in the next graph.
  await session.change(uri, [{ text: edited + '\nservice probe-from-test {}\n' }]);
  const grown = await askUntil((r) => r.graph.nodes.some((n) => n.id === 'service:probe-from-test'));
  assert.ok(grown.version > problem.version);

  const offset = text.indexOf('service orders') + 'service orders'.length + 3;
  const { ids } = await session.connection.sendRequest<NodeAtResponse>(NODE_AT_REQUEST, { file: uri, offset });
  assert.ok(ids.includes('service:orders'), ids.join(', '));
});
