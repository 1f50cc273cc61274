/**
 * The Seams language server: `startServer(connection)` wires a connection
 * (IPC from VS Code, stdio from `seams lsp --stdio`) to the workspace model and
 * the feature handlers. Everything that understands Seams lives in the core;
 * this layer keeps the files in sync, converts positions (convert.ts) and
 * answers.
 *
 * Files: at `initialized` every `.seams` file under the workspace folders is
 * read; `workspace/didChangeWatchedFiles` keeps the disk copies current (a
 * rename arrives as a delete and a create); open documents' text wins until
 * they close.
 */
import {
  DidChangeWatchedFilesNotification,
  FileChangeType,
  TextDocuments,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type WorkspaceFolder,
} from 'vscode-languageserver/node.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Lines } from '../core/text/lines.js';
import { DiagnosticsPublisher, docsLinker } from './diagnostics-publisher.js';
import { registerFeatures, SERVER_CAPABILITIES, type FeatureContext } from './feature-handlers.js';
import { LiveWorkspace } from './live-workspace.js';
import { registerPreview } from './preview-service.js';
import { fileKey, findSeamsFiles, isSeamsFile, keyToPath, pathToKey, readKey, readKeySync } from './workspace-scan.js';

export interface ServerOptions {
  /**
   * The folder holding `docs/` (the checkout or the installed extension): rule
   * diagnostics link to `docs/rules/<code>.md` there. No links without it.
   */
  docsRoot?: string;
  /** How long after a keystroke the model is checked (a burst of keystrokes costs one check). */
  debounceMs?: number;
}

/** What a running server exposes to code in the same process (the preview service, tests). */
export interface RunningServer {
  workspace: LiveWorkspace;
  lines: Lines;
  /** The URI to use in messages to the client for a workspace key. */
  uriOf(file: string): string;
  /** Resolves once the workspace folders have been read. */
  ready: Promise<void>;
}

export const DEFAULT_DEBOUNCE_MS = 15;

export function startServer(connection: Connection, options: ServerOptions = {}): RunningServer {
  const workspace = new LiveWorkspace(options.debounceMs ?? DEFAULT_DEBOUNCE_MS, (m) => connection.console.error(m));
  const documents = new TextDocuments(TextDocument);
  /** The client's spelling of each open document's URI, by workspace key. */
  const clientUris = new Map<string, string>();
  const uriOf = (file: string) => clientUris.get(file) ?? file;
  const lines = workspace.lines;
  const docsLink = docsLinker(options.docsRoot);
  const publisher = new DiagnosticsPublisher(connection, lines, uriOf, docsLink, (file) => {
    const uri = clientUris.get(file);
    return uri ? documents.get(uri)?.version : undefined;
  });
  workspace.onChecked((result, _version, pause) => publisher.publish(result, workspace.files(), pause));

  /** Why a file was left out of the model (a FIFO, a device, too large, not UTF-8). */
  const warn = (message: string) => connection.console.warn(message);
  let folders: string[] = [];
  let documentChanges = false;
  let editRangeDefault = false;
  let watchDynamically = false;
  let folderEvents = false;
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    folders = foldersOf(params);
    folderEvents = params.capabilities.workspace?.workspaceFolders === true;
    documentChanges = params.capabilities.workspace?.workspaceEdit?.documentChanges === true;
    editRangeDefault = params.capabilities.textDocument?.completion?.completionList?.itemDefaults?.includes('editRange') === true;
    watchDynamically = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    return { capabilities: SERVER_CAPABILITIES, serverInfo: { name: 'seams-language-server', version: '0.1.0' } };
  });

  connection.onInitialized(() => {
    if (watchDynamically) {
      // Clients that watch files for us (VS Code's `synchronize.fileEvents`) may send an
      // event twice; handling is idempotent, so that costs nothing.
      // A client may refuse (Neovim without a file watcher does): then files are read at
      // start, on close and before edits to closed files, and the server carries on.
      connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.seams' }] })
        .catch((error: unknown) =>
          connection.console.info(
            `seams: the client did not register file watchers (${error instanceof Error ? error.message : String(error)})`,
          ),
        );
    }
    if (folderEvents) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        for (const removed of event.removed) {
          const prefix = withSlash(fileKey(removed.uri));
          for (const f of workspace.files()) if (f.startsWith(prefix)) workspace.deleteDisk(f);
          folders = folders.filter((p) => !withSlash(pathToKey(p)).startsWith(prefix));
        }
        const added = event.added.map((f) => keyToPath(fileKey(f.uri))).filter((p): p is string => !!p);
        folders = [...folders, ...added];
        void loadFolders(added).then(() => workspace.schedule());
      });
    }
    void loadFolders(folders).then(() => {
      scanned = true;
      workspace.schedule(true);
      markReady();
    });
  });

  async function loadFolders(paths: readonly string[]): Promise<void> {
    for (const folder of paths) {
      for (const path of await findSeamsFiles(folder)) {
        const key = pathToKey(path);
        const text = await readKey(key, warn);
        if (text !== undefined) workspace.setDisk(key, text);
      }
    }
  }

  // Until the folders have been read, a check would see half the model and report
  // references to files not read yet: edits only record their text until then.
  let scanned = false;
  const schedule = () => {
    if (scanned) workspace.schedule();
  };

  documents.onDidChangeContent((e) => {
    if (!isSeamsDocument(e.document)) return;
    const key = fileKey(e.document.uri);
    clientUris.set(key, e.document.uri);
    workspace.setOpen(key, e.document.getText());
    schedule();
  });

  documents.onDidClose((e) => {
    const key = fileKey(e.document.uri);
    if (!workspace.has(key)) return;
    clientUris.delete(key);
    workspace.close(key);
    schedule();
    // The disk copy may be older than the last save: read it again.
    if (workspace.isOnDisk(key)) void refreshFromDisk(key);
  });

  async function refreshFromDisk(key: string): Promise<void> {
    const text = await readKey(key, warn);
    if (text === undefined) workspace.deleteDisk(key);
    else workspace.setDisk(key, text);
    schedule();
  }

  connection.onDidChangeWatchedFiles((params) => {
    for (const change of params.changes) {
      const key = fileKey(change.uri);
      if (change.type === FileChangeType.Deleted) {
        if (isSeamsFile(key)) workspace.deleteDisk(key);
        else {
          // A deleted folder takes its files with it.
          const prefix = withSlash(key);
          for (const f of workspace.files()) if (f.startsWith(prefix)) workspace.deleteDisk(f);
        }
      } else if (isSeamsFile(key) && insideFolders(key, folders)) {
        const text = readKeySync(key, warn);
        if (text === undefined) workspace.deleteDisk(key);
        else workspace.setDisk(key, text);
      }
    }
    schedule();
  });

  /**
   * File events may be late or never come (no watcher, a change made while the
   * client was busy): before edits to closed files are computed, their disk
   * copies are read again, so an edit never lands on text that moved.
   */
  async function refreshClosedFiles(): Promise<void> {
    const closed = workspace.files().filter((key) => !clientUris.has(key) && workspace.isOnDisk(key));
    const texts = await Promise.all(closed.map((key) => readKey(key, warn)));
    let changed = false;
    closed.forEach((key, i) => {
      const text = texts[i];
      if (clientUris.has(key) || text === workspace.text(key)) return; // opened meanwhile, or unchanged
      changed = true;
      if (text === undefined) workspace.deleteDisk(key);
      else workspace.setDisk(key, text);
    });
    if (changed) schedule();
  }

  const versionOf = (file: string): number | null => {
    const uri = clientUris.get(file);
    return (uri === undefined ? undefined : documents.get(uri)?.version) ?? null;
  };

  const context: FeatureContext = {
    connection,
    documents,
    workspace,
    lines,
    publisher,
    uriOf,
    docsLink,
    refreshClosedFiles,
    versionOf,
    documentChanges: () => documentChanges,
    completionEditRangeDefault: () => editRangeDefault,
  };
  registerFeatures(context);
  // The preview lays out the same check the diagnostics come from (unsaved text included).
  registerPreview(connection, {
    current: () => workspace.current(),
    onDidChange: (listener) => workspace.onChecked(() => listener()),
    folders: () => folders,
  });

  documents.listen(connection);
  connection.listen();
  return { workspace, lines, uriOf, ready };
}

function isSeamsDocument(doc: TextDocument): boolean {
  return doc.languageId === 'seams' || isSeamsFile(doc.uri);
}

function foldersOf(params: InitializeParams): string[] {
  const folders: WorkspaceFolder[] = params.workspaceFolders ?? [];
  const uris = folders.length ? folders.map((f) => f.uri) : params.rootUri ? [params.rootUri] : [];
  return uris.map((u) => keyToPath(fileKey(u))).filter((p): p is string => !!p);
}

function withSlash(key: string): string {
  return key.endsWith('/') ? key : key + '/';
}

/** Files created outside every workspace folder are not part of the model (unless opened). */
function insideFolders(key: string, folders: readonly string[]): boolean {
  if (folders.length === 0) return true;
  return folders.some((f) => key.startsWith(withSlash(pathToKey(f))));
}
