/**
 * The language server's view of the workspace: the text of every `.seams`
 * file (an open editor's unsaved text wins over the disk; closing falls back to
 * the disk), a core `Workspace` caching their parses (updated lazily, when a
 * model is needed), and the latest check.
 *
 * Two products, on two schedules:
 * - the **model** (names, references, structure) is built on this thread on
 *   demand from the cached parses, so hover, definition, rename and the like
 *   always see the current text (`model()`);
 * - the **diagnostics** come from the full check (every rule), which runs in
 *   the check worker (checker.ts), debounced: edits mark the texts changed and
 *   schedule one check a little later, so a burst of keystrokes costs one
 *   check, and requests never wait behind one. A check whose texts changed
 *   while it ran is not published; the newer check follows at once.
 *
 * After each published check `onChecked` listeners run (diagnostics, preview).
 */
import { Workspace, type CheckResult } from '../core/check.js';
import type { Diagnostic } from '../core/diagnostics.js';
import { buildModel } from '../core/model/build-model.js';
import type { Model } from '../core/model/model.js';
import { RULES } from '../core/rules/registry.js';
import type { Changes, Checker } from './checker.js';

/** `signatures`: per-file diagnostic signatures of the check (diagnostic-signatures.ts). */
export type CheckListener = (result: CheckResult, version: number, signatures: ReadonlyMap<string, string>) => void;

const KNOWN_RULES = RULES.map((r) => ({ code: r.code, defaultMax: r.defaultMax }));

export class LiveWorkspace {
  /** Parses, brought up to date only when the model is needed (not on every keystroke). */
  private readonly core = new Workspace();
  /** The current text of every file in the model. */
  private readonly texts = new Map<string, string>();
  /** Text on disk by key, for files in the workspace folders. */
  private readonly disk = new Map<string, string>();
  /** Unsaved editor text by key, for open documents. */
  private readonly open = new Map<string, string>();
  /** Changes not yet sent to the checker: the new text, or null for a deleted file. */
  private readonly unsent = new Map<string, string | null>();
  /** Bumped on every change of any text. */
  private textVersion = 0;
  private modelCache: { version: number; model: Model } | undefined;
  private checked: { version: number; diagnostics: Diagnostic[] } | undefined;
  private running = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly listeners: CheckListener[] = [];
  private waiters: (() => void)[] = [];
  /** Increases with every published check. */
  version = 0;

  constructor(
    private readonly checker: Checker,
    private readonly debounceMs: number,
    private readonly log: (message: string) => void = () => {},
  ) {}

  onChecked(listener: CheckListener): void {
    this.listeners.push(listener);
  }

  setDisk(key: string, text: string): void {
    this.disk.set(key, text);
    if (!this.open.has(key)) this.put(key, text);
  }

  deleteDisk(key: string): void {
    this.disk.delete(key);
    if (!this.open.has(key)) this.remove(key);
  }

  isOnDisk(key: string): boolean {
    return this.disk.has(key);
  }

  setOpen(key: string, text: string): void {
    this.open.set(key, text);
    this.put(key, text);
  }

  close(key: string): void {
    this.open.delete(key);
    const onDisk = this.disk.get(key);
    if (onDisk === undefined) this.remove(key);
    else this.put(key, onDisk);
  }

  has(key: string): boolean {
    return this.texts.has(key);
  }

  files(): string[] {
    return [...this.texts.keys()];
  }

  text(key: string): string | undefined {
    return this.texts.get(key);
  }

  /** The model of the current texts (built here, without the rules; cached until a text changes). */
  model(): Model {
    if (this.modelCache?.version !== this.textVersion) {
      // Re-parses only files whose text changed since the last model.
      for (const f of this.core.files()) if (!this.texts.has(f)) this.core.delete(f);
      for (const [f, text] of this.texts) this.core.set(f, text);
      const asts = this.files().map((f) => this.core.ast(f)!);
      this.modelCache = { version: this.textVersion, model: buildModel(asts, KNOWN_RULES) };
    }
    return this.modelCache.model;
  }

  /** The model as last built, however old (completion can live with a keystroke's lag). */
  lastModel(): Model | undefined {
    return this.modelCache?.model ?? (this.texts.size ? this.model() : undefined);
  }

  /** The latest published diagnostics (possibly of slightly older texts). */
  lastDiagnostics(): readonly Diagnostic[] {
    return this.checked?.diagnostics ?? [];
  }

  /**
   * The current model with the latest diagnostics: what the preview draws. The
   * model is built only when read (publishing diagnostics does not need it).
   */
  current(): CheckResult {
    const model = () => this.model();
    return {
      get model() {
        return model();
      },
      diagnostics: [...this.lastDiagnostics()],
    };
  }

  /** Resolves once the diagnostics match the current texts (checking now if needed). */
  async upToDate(): Promise<void> {
    while (this.checked?.version !== this.textVersion) {
      const done = new Promise<void>((resolve) => this.waiters.push(resolve));
      this.schedule(true);
      await done;
    }
  }

  /** Schedules a check unless the diagnostics are current; `immediate` skips the debounce. */
  schedule(immediate = false): void {
    if (this.checked?.version === this.textVersion && this.unsent.size === 0) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        void this.runCheck();
      },
      immediate ? 0 : this.debounceMs,
    );
  }

  private put(key: string, text: string): void {
    if (this.texts.get(key) === text) return;
    this.texts.set(key, text);
    this.unsent.set(key, text);
    this.textVersion++;
  }

  private remove(key: string): void {
    if (!this.texts.delete(key)) return;
    this.unsent.set(key, null);
    this.textVersion++;
  }

  private async runCheck(): Promise<void> {
    // One check at a time; the one running re-schedules when it ends if texts changed meanwhile.
    if (this.running) return;
    this.running = true;
    const version = this.textVersion;
    const changes: Changes = { set: [], deleted: [] };
    for (const [key, text] of this.unsent) {
      if (text === null) changes.deleted.push(key);
      else changes.set.push([key, text]);
    }
    this.unsent.clear();
    try {
      const all = () => [...this.texts];
      const { diagnostics, signatures } = await this.checker.check(changes, all);
      if (version === this.textVersion) {
        this.checked = { version, diagnostics };
        this.version++;
        const result = this.current();
        for (const l of this.listeners) l(result, this.version, signatures);
      }
    } catch (err) {
      // A lost worker is replaced on the next check, which is sent every file again.
      this.log(`Seams: the check failed: ${err instanceof Error ? err.message : String(err)}`);
      if (version === this.textVersion) this.checked = { version, diagnostics: this.checked?.diagnostics ?? [] };
    } finally {
      this.running = false;
    }
    if (this.checked?.version === this.textVersion) {
      const waiting = this.waiters;
      this.waiters = [];
      for (const w of waiting) w();
    } else {
      this.schedule(this.waiters.length > 0);
    }
  }
}
