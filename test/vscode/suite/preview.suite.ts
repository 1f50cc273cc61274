// The preview inside a real VS Code: the commands open a webview panel beside the editor,
// and the language server answers the preview's requests for the whole example workspace,
// unsaved text included. (What the webview draws, and clicking in it, is checked by
// test/vscode/preview-ui.test.ts, which drives the workbench like a person.)
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DEFAULT_GRAPH_OPTIONS } from '../../../server/src/core/layout/graph.js';
import {
  GRAPH_REQUEST,
  NODE_AT_REQUEST,
  type GraphRequestParams,
  type GraphResponse,
  type NodeAtResponse,
} from '../../../server/src/protocol/preview-protocol.js';
import { findAll, ID, type SeamsSource } from './seams-source.js';
import { waitForDiagnostics } from './wait-for-diagnostics.js';

interface Client {
  sendRequest<R>(method: string, params: unknown): Promise<R>;
}

/** Resolves when a tab passes `accept`, waiting on the tab events (no sleeping). */
function waitForTab(accept: (tab: vscode.Tab) => boolean, what: string, timeoutMs = 30_000): Promise<vscode.Tab> {
  const find = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find(accept);
  return new Promise((resolve, reject) => {
    const now = find();
    if (now) return resolve(now);
    const sub = vscode.window.tabGroups.onDidChangeTabs(() => {
      const tab = find();
      if (!tab) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(tab);
    });
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out waiting for ${what}`));
    }, timeoutMs);
  });
}

const isPreviewTab = (tab: vscode.Tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('seams.preview');

suite('Seams preview in a real VS Code', () => {
  let client: Client;
  let sources: SeamsSource[] = [];

  suiteSetup(async () => {
    const extension = vscode.extensions.getExtension('seams-dev.seams');
    assert.ok(extension, 'the extension is not installed');
    client = ((await extension.activate()) as { client: Client }).client;
    const uris = (await vscode.workspace.findFiles('**/*.seams')).sort((a, b) => a.fsPath.localeCompare(b.fsPath));
    sources = await Promise.all(uris.map(async (uri) => ({ uri, document: await vscode.workspace.openTextDocument(uri) })));
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('"Open Preview to the Side" opens the preview in a second column', async () => {
    const source = sources[0]!;
    await vscode.window.showTextDocument(source.document, vscode.ViewColumn.One);
    await vscode.commands.executeCommand('seams.preview.toSide');
    const tab = await waitForTab(isPreviewTab, 'the Seams preview tab');
    assert.equal(tab.label, 'Seams Preview');
    assert.equal(tab.group.viewColumn, vscode.ViewColumn.Two);
    // The editor keeps the focus, as with Markdown's preview to the side.
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), source.uri.toString());
    // A second call reveals the same preview rather than opening another.
    await vscode.commands.executeCommand('seams.preview.toSide');
    assert.equal(vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter(isPreviewTab).length, 1);
  });

  test('the server lays out every service of the workspace and marks the active file', async () => {
    const services = findAll(sources, `service\\s+(${ID})`);
    const active = sources[0]!;
    const params: GraphRequestParams = { options: DEFAULT_GRAPH_OPTIONS, autoCollapse: true, activeFile: active.uri.toString() };
    const response = await client.sendRequest<GraphResponse>(GRAPH_REQUEST, params);
    const drawn = response.graph.nodes.filter((n) => n.kind === 'service');
    assert.deepEqual(drawn.map((n) => n.label).sort(), services.map((s) => s.name).sort());
    for (const n of response.graph.nodes) assert.ok(Number.isFinite(n.x) && Number.isFinite(n.y) && n.width > 0, n.id);
    const inActive = services.filter((s) => s.source === active).map((s) => `service:${s.name}`);
    for (const id of inActive) assert.ok(response.activeNodeIds.includes(id), `${id} is declared in the active file`);
    // Every service links back to its declaration in the editor's own URI spelling.
    const first = services[0]!;
    const node = drawn.find((n) => n.label === first.name)!;
    assert.equal(vscode.Uri.parse(node.source!.file).fsPath, first.source.uri.fsPath);
    assert.equal(first.source.document.getText().slice(node.source!.start, node.source!.end), first.name);
  });

  test('the cursor in a declaration names its node', async () => {
    const service = findAll(sources, `service\\s+(${ID})`)[0]!;
    const offset = service.source.document.offsetAt(service.range.end) + 2;
    const { ids } = await client.sendRequest<NodeAtResponse>(NODE_AT_REQUEST, { file: service.source.uri.toString(), offset });
    assert.ok(ids.includes(`service:${service.name}`), ids.join(', '));
  });

  test('unsaved text shows in the graph', async () => {
    const source = sources[0]!;
    const editor = await vscode.window.showTextDocument(source.document, vscode.ViewColumn.One);
    const end = source.document.positionAt(source.document.getText().length);
    // A new service with no owner: the server re-checks (and reports missing-owner) on the unsaved text.
    await editor.edit((b) => b.insert(end, '\nservice preview-probe {}\n'));
    await waitForDiagnostics(source.uri, (ds) => ds.some((d) => d.message.includes('preview-probe')), 'a diagnostic on preview-probe');
    const response = await client.sendRequest<GraphResponse>(GRAPH_REQUEST, { options: DEFAULT_GRAPH_OPTIONS });
    const probe = response.graph.nodes.find((n) => n.id === 'service:preview-probe');
    assert.ok(probe, 'the unsaved service is in the graph');
    assert.ok(probe.problems.some((p) => p.code === 'missing-owner'));
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
