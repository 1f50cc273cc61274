/**
 * The preview panel on the VS Code side: commands and editor-title buttons that
 * open it, a serializer that brings it back after a reload, and the go-between
 * for the language server (which lays the graph out) and the webview (which
 * draws it). It never interprets `.seams` text: the active file and the cursor
 * go to the server; the server's answer goes to the webview unchanged.
 *
 * Message shapes come from preview-protocol.ts only; every message from the
 * webview is checked with its guard before anything is done with it.
 */
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node.js';
import {
  COMPARE_REQUEST,
  DEFAULT_GRAPH_OPTIONS,
  FIND_REQUEST,
  REVISIONS_REQUEST,
  isCompareResponse,
  isRevisionsResponse,
  type CompareParams,
  type CompareResponse,
  GRAPH_CHANGED_NOTIFICATION,
  GRAPH_REQUEST,
  NODE_AT_REQUEST,
  isPreviewState,
  isWebviewToHostMessage,
  type ExportFormat,
  type FindParams,
  type FindResponse,
  type GraphRequestParams,
  type GraphResponse,
  type HostToWebviewMessage,
  type NodeAtParams,
  type NodeAtResponse,
  type PreviewState,
  type WebviewToHostMessage,
} from '../../../server/src/protocol/preview-protocol.js';
import { pickRevision } from './compare-picker.js';
import { makeNonce, previewHtml } from './preview-html.js';
import { revealTarget } from './reveal-target.js';
import { ViewChoice } from './view-choice.js';

export const PREVIEW_VIEW_TYPE = 'seams.preview';
export const COMMANDS = {
  open: 'seams.preview.open',
  toSide: 'seams.preview.toSide',
  exportSvg: 'seams.preview.exportSvg',
  exportPng: 'seams.preview.exportPng',
  compareWith: 'seams.compareWith',
  stopCompare: 'seams.compareStop',
} as const;

/** Context key: the open preview shows a diff picture (menus offer the way back). */
const COMPARING_CONTEXT = 'seams.previewComparing';

/** What the extension's integration tests can reach through `activate`'s result. */
export interface PreviewApi {
  /** The open preview, if any. */
  readonly current: PreviewController | undefined;
  /** Resolves when the open preview has shown a graph of at least this version. */
  whenShown(minVersion?: number): Promise<GraphResponse>;
}

function isSeamsEditor(editor: vscode.TextEditor | undefined): editor is vscode.TextEditor {
  return editor?.document.languageId === 'seams';
}

export function registerPreview(context: vscode.ExtensionContext, client: LanguageClient): PreviewApi {
  let current: PreviewController | undefined;
  const shownListeners = new Set<(r: GraphResponse) => void>();

  const attach = (panel: vscode.WebviewPanel, state: PreviewState | undefined): PreviewController => {
    const controller = new PreviewController(panel, context.extensionUri, client, state, (r) => {
      for (const l of shownListeners) l(r);
    });
    current = controller;
    panel.onDidDispose(() => {
      if (current === controller) current = undefined;
    });
    return controller;
  };

  const open = (beside: boolean): void => {
    if (current) {
      current.panel.reveal(beside ? vscode.ViewColumn.Beside : undefined, beside);
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      PREVIEW_VIEW_TYPE,
      'Seams Preview',
      { viewColumn: beside ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active, preserveFocus: beside },
      webviewOptions(context.extensionUri),
    );
    attach(panel, undefined);
  };

  /**
   * "Compare with…": the revision given (a keybinding's or a test's argument)
   * or picked, then the preview (opened beside if needed) shows the diff picture.
   */
  const compareWith = async (given?: unknown): Promise<void> => {
    if (client.state !== State.Running) {
      void vscode.window.showErrorMessage('Seams: the language server is not running yet; try again in a moment.');
      return;
    }
    let revision = typeof given === 'string' && given.trim() ? given.trim() : undefined;
    if (revision === undefined) {
      let revisions: unknown;
      try {
        revisions = await client.sendRequest(REVISIONS_REQUEST);
      } catch (err) {
        void vscode.window.showErrorMessage(`Seams: cannot compare: ${messageOf(err)}`);
        return;
      }
      if (!isRevisionsResponse(revisions)) return;
      revision = await pickRevision(revisions);
      if (revision === undefined) return;
    }
    if (!current) open(true);
    else current.panel.reveal(undefined, true);
    const preview = current;
    if (!preview) return;
    // A spinner in the status bar until the first picture (or the reason there is none) arrives.
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: `Seams: comparing with ${revision}…` }, () =>
      preview.compareWith(revision),
    );
  };

  const exportFromCommand = (format: ExportFormat): void => {
    if (!current) void vscode.window.showInformationMessage('Open the Seams preview first.');
    else current.post({ type: 'exportRequest', format });
  };

  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.open, () => open(false)),
    vscode.commands.registerCommand(COMMANDS.toSide, () => open(true)),
    vscode.commands.registerCommand(COMMANDS.exportSvg, () => exportFromCommand('svg')),
    vscode.commands.registerCommand(COMMANDS.exportPng, () => exportFromCommand('png')),
    vscode.commands.registerCommand(COMMANDS.compareWith, (revision?: unknown) => compareWith(revision)),
    vscode.commands.registerCommand(COMMANDS.stopCompare, () => current?.stopCompare()),
    vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
      async deserializeWebviewPanel(panel, state: unknown) {
        panel.webview.options = webviewOptions(context.extensionUri);
        attach(panel, isPreviewState(state) ? state : undefined);
      },
    }),
    // The model changed (typing included): ask again.
    client.onNotification(GRAPH_CHANGED_NOTIFICATION, () => current?.refresh()),
    // A preview opened before the server was up asks once it is.
    client.onDidChangeState((e) => {
      if (e.newState === State.Running) current?.refresh();
    }),
    vscode.window.onDidChangeActiveTextEditor((editor) => {
      // The cursor of the editor that just became active is outlined too: a reveal's selection
      // can change before its editor counts as the active one.
      if (isSeamsEditor(editor)) {
        current?.followEditor(editor);
        current?.cursorMoved(editor);
      }
    }),
    vscode.window.onDidChangeTextEditorSelection((e) => {
      if (isSeamsEditor(e.textEditor) && e.textEditor === vscode.window.activeTextEditor) current?.cursorMoved(e.textEditor);
    }),
    { dispose: () => current?.panel.dispose() },
  );

  return {
    get current() {
      return current;
    },
    whenShown(minVersion = 0) {
      const shown = current?.shown;
      if (shown && shown.version >= minVersion) return Promise.resolve(shown);
      return new Promise((resolve) => {
        const listener = (r: GraphResponse): void => {
          if (r.version < minVersion) return;
          shownListeners.delete(listener);
          resolve(r);
        };
        shownListeners.add(listener);
      });
    },
  };
}

/** Scripts on; local files only from the extension's dist/ (the bundle and its stylesheet). */
function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist')],
    // Redrawing from the server is cheap; keeping a hidden webview alive is not needed.
    retainContextWhenHidden: false,
  };
}

export class PreviewController {
  private state: PreviewState;
  private activeFile: string | undefined;
  /** The source editor: reveals go to its column, not the preview's. */
  private sourceColumn: vscode.ViewColumn | undefined;
  private request: vscode.CancellationTokenSource | undefined;
  private ready = false;
  private cursorTimer: ReturnType<typeof setTimeout> | undefined;
  /** Which view to ask for (view-choice.ts). */
  private readonly views: ViewChoice;
  private readonly disposables: vscode.Disposable[] = [];
  /** The newest graph sent to the webview (with `compare` when it is a diff picture). */
  shown: (GraphResponse & Partial<Pick<CompareResponse, 'compare'>>) | undefined;
  /**
   * "Compare with…": the revision the diff picture is made against (undefined:
   * the live view), and whether a picture against it has been shown yet — a
   * first request that fails goes back to what was shown before.
   */
  private comparing: { base: string; shown: boolean; previous: string | undefined } | undefined;
  /** Ends the progress of the newest "Compare with…": at its first picture, its failure, or when it is left. */
  private settleCompare: (() => void) | undefined;
  /** The last comparison error announced, so a failing refresh per keystroke is not a flood of messages. */
  private compareError: string | undefined;

  constructor(
    readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    private readonly client: LanguageClient,
    restored: PreviewState | undefined,
    private readonly onShown: (r: GraphResponse) => void,
  ) {
    this.state = restored ?? { options: { ...DEFAULT_GRAPH_OPTIONS }, autoCollapse: true };
    this.views = new ViewChoice(this.state.picture ?? { kind: 'auto' });
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'client', 'media', 'file-icon.svg');
    const webview = panel.webview;
    const dist = vscode.Uri.joinPath(extensionUri, 'dist');
    webview.html = previewHtml({
      cspSource: webview.cspSource,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.css')).toString(),
      nonce: makeNonce(),
    });
    this.disposables.push(webview.onDidReceiveMessage((m: unknown) => this.onMessage(m)));
    panel.onDidDispose(() => this.dispose());
    const editor = vscode.window.activeTextEditor ?? vscode.window.visibleTextEditors.find(isSeamsEditor);
    if (isSeamsEditor(editor)) {
      this.activeFile = editor.document.uri.toString();
      this.sourceColumn = editor.viewColumn;
    }
  }

  post(message: HostToWebviewMessage): void {
    void this.panel.webview.postMessage(message);
  }

  followEditor(editor: vscode.TextEditor): void {
    const uri = editor.document.uri.toString();
    this.sourceColumn = editor.viewColumn ?? this.sourceColumn;
    if (uri === this.activeFile) return;
    this.activeFile = uri;
    this.refresh();
  }

  /** Debounced: a held arrow key asks the server once per pause, not per character. */
  cursorMoved(editor: vscode.TextEditor): void {
    if (this.cursorTimer) clearTimeout(this.cursorTimer);
    this.cursorTimer = setTimeout(() => {
      this.cursorTimer = undefined;
      if (!this.ready || this.client.state !== State.Running) return;
      const params: NodeAtParams = { file: editor.document.uri.toString(), offset: editor.document.offsetAt(editor.selection.active) };
      this.client.sendRequest<NodeAtResponse>(NODE_AT_REQUEST, params).then(
        (r) => this.post({ type: 'highlight', ids: r.ids }),
        () => undefined, // a cursor highlight that fails is simply not shown
      );
    }, 60);
  }

  /** Show the diff picture against `base` (the first request that fails goes back to what was shown). */
  compareWith(base: string): Promise<void> {
    const previous = this.comparing?.shown ? this.comparing.base : this.comparing?.previous;
    this.settled();
    const done = new Promise<void>((resolve) => (this.settleCompare = resolve));
    this.comparing = { base, shown: false, previous };
    this.compareError = undefined;
    this.refresh();
    return done;
  }

  private settled(): void {
    this.settleCompare?.();
    this.settleCompare = undefined;
  }

  /** Back to the live view. */
  stopCompare(): void {
    this.settled();
    if (!this.comparing) return;
    this.comparing = undefined;
    this.compareError = undefined;
    void vscode.commands.executeCommand('setContext', COMPARING_CONTEXT, false);
    this.refresh();
  }

  get comparedWith(): string | undefined {
    return this.comparing?.base;
  }

  /** Ask the server for the graph; a newer call cancels the older request. */
  refresh(): void {
    if (!this.ready) return;
    if (this.client.state !== State.Running) {
      this.post({ type: 'status', text: 'Waiting for the Seams language server…' });
      return;
    }
    this.request?.cancel();
    const source = new vscode.CancellationTokenSource();
    this.request = source;
    if (this.comparing) return this.refreshCompare(this.comparing, source);
    const { view, pane } = this.views.next();
    const params: GraphRequestParams = {
      options: this.state.options,
      autoCollapse: this.state.autoCollapse,
      activeFile: this.activeFile,
      view,
      pane,
    };
    this.client.sendRequest<GraphResponse>(GRAPH_REQUEST, params, source.token).then(
      (response) => {
        if (source.token.isCancellationRequested) return;
        if (this.shown && response.version < this.shown.version) return;
        this.views.shown(response.graph.view, pane);
        this.shown = response;
        this.post({ type: 'graph', graph: response.graph, version: response.version, activeNodeIds: response.activeNodeIds });
        this.onShown(response);
      },
      (err: unknown) => {
        if (source.token.isCancellationRequested) return;
        const message = err instanceof Error ? err.message : String(err);
        this.post({ type: 'status', text: `The preview could not be drawn: ${message}` });
      },
    );
  }

  private refreshCompare(comparing: NonNullable<PreviewController['comparing']>, source: vscode.CancellationTokenSource): void {
    const params: CompareParams = { base: comparing.base, options: this.state.options, pane: this.views.pane, activeFile: this.activeFile };
    this.client.sendRequest<unknown>(COMPARE_REQUEST, params, source.token).then(
      (response) => {
        if (source.token.isCancellationRequested || this.comparing !== comparing) return;
        if (!isCompareResponse(response)) return this.settled(); // not a picture: nothing to wait for
        if (this.shown && response.version < this.shown.version) return;
        if (!comparing.shown) void vscode.commands.executeCommand('setContext', COMPARING_CONTEXT, true);
        comparing.shown = true;
        this.settled();
        this.compareError = undefined;
        this.shown = response;
        this.post({
          type: 'graph',
          graph: response.graph,
          version: response.version,
          activeNodeIds: response.activeNodeIds,
          compare: response.compare,
        });
        this.onShown(response);
      },
      (err: unknown) => {
        if (source.token.isCancellationRequested || this.comparing !== comparing) return;
        const message = `Seams: cannot compare with ${comparing.base}: ${messageOf(err)}`;
        if (!comparing.shown) {
          this.settled();
          // The first picture failed (unknown revision, not a repository, no git): say so and go back.
          void vscode.window.showErrorMessage(message);
          this.comparing = comparing.previous === undefined ? undefined : { base: comparing.previous, shown: false, previous: undefined };
          if (!this.comparing) void vscode.commands.executeCommand('setContext', COMPARING_CONTEXT, false);
          this.refresh();
          return;
        }
        // A later refresh failed (a branch deleted meanwhile): keep the last picture, say why it is not updated.
        this.post({ type: 'status', text: `${message}. The picture shows the last comparison.` });
        if (this.compareError !== message) void vscode.window.showWarningMessage(message);
        this.compareError = message;
      },
    );
  }

  private onMessage(raw: unknown): void {
    if (!isWebviewToHostMessage(raw)) return; // only known, well-formed messages
    const message: WebviewToHostMessage = raw;
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.shown = undefined;
        if (message.pane) this.views.pane = message.pane;
        return this.refresh();
      case 'resize':
        if (this.views.resize(message.pane)) this.refresh();
        return;
      case 'openView':
        // Another view is the live picture: navigating leaves the comparison.
        this.settled();
        if (this.comparing) {
          this.comparing = undefined;
          void vscode.commands.executeCommand('setContext', COMPARING_CONTEXT, false);
        }
        this.views.open(message.view);
        this.state = { ...this.state, picture: message.view };
        return this.refresh();
      case 'find':
        return this.find(message.text);
      case 'reveal':
        return void this.reveal(message.file, message.start, message.end);
      case 'setOptions':
        this.state = { ...this.state, options: message.options, autoCollapse: message.autoCollapse };
        return this.refresh();
      case 'export':
        return void this.save(message.format, message.data);
      case 'compare':
        return void vscode.commands.executeCommand(COMMANDS.compareWith);
      case 'stopCompare':
        return this.stopCompare();
    }
  }

  private find(text: string): void {
    if (!this.ready || this.client.state !== State.Running) return;
    const params: FindParams = { text };
    this.client.sendRequest<FindResponse>(FIND_REQUEST, params).then(
      (r) => this.post({ type: 'found', text, matches: r.matches }),
      () => this.post({ type: 'found', text, matches: [] }),
    );
  }

  private async reveal(file: string, start: number, end: number): Promise<void> {
    // Only files of the workspace: the webview is a security boundary (reveal-target.ts).
    const target = revealTarget(
      file,
      (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.toString()),
      vscode.workspace.textDocuments.map((d) => d.uri.toString()),
    );
    if (!target) return;
    try {
      const uri = vscode.Uri.parse(target, true);
      const document = await vscode.workspace.openTextDocument(uri);
      const range = new vscode.Range(document.positionAt(start), document.positionAt(end));
      const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === document.uri.toString());
      const column = visible?.viewColumn ?? this.sourceColumn ?? vscode.ViewColumn.One;
      const editor = await vscode.window.showTextDocument(document, { viewColumn: column, selection: range, preserveFocus: false });
      editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    } catch (err) {
      void vscode.window.showErrorMessage(`Seams: cannot open ${file}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  private async save(format: ExportFormat, data: string): Promise<void> {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const name = `architecture.${format}`;
    const target = await vscode.window.showSaveDialog({
      defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
      filters: format === 'svg' ? { 'SVG image': ['svg'] } : { 'PNG image': ['png'] },
      saveLabel: `Export as ${format.toUpperCase()}`,
    });
    if (!target) return;
    const bytes = format === 'svg' ? Buffer.from(data, 'utf8') : Buffer.from(data, 'base64');
    await vscode.workspace.fs.writeFile(target, bytes);
    void vscode.window.showInformationMessage(`Seams: exported the preview to ${vscode.workspace.asRelativePath(target)}.`);
  }

  private dispose(): void {
    this.settled();
    if (this.comparing) void vscode.commands.executeCommand('setContext', COMPARING_CONTEXT, false);
    this.request?.cancel();
    if (this.cursorTimer) clearTimeout(this.cursorTimer);
    for (const d of this.disposables) d.dispose();
  }
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
