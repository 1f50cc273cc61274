/**
 * The language server's view of the workspace, and the one owner of its
 * analysis: the text of every `.seams` file (an open editor's unsaved text wins
 * over the disk; closing falls back to the disk), and a core `Workspace` that
 * holds their parses and the model, each made once per text.
 *
 * One analysis per edit: an edit parses its file once and the model is built
 * once, on this thread, by whichever needs it first, a request (hover,
 * definition, rename…) or the check; the other reuses it. There is no second
 * copy in a worker (a worker would need the model too, and sending it there or
 * back costs about as much as building it; docs/performance.md has the figures).
 *
 * The check (every rule) runs here too, debounced, in steps: after the model
 * and after each rule it yields to the event loop, so a request that arrives
 * meanwhile is answered between two steps instead of after the whole check,
 * and a check whose texts changed is dropped at the next step (the newer check
 * follows at once). Only a check of exactly the texts held is published.
 *
 * After each check of the current texts `onChecked` listeners run (diagnostics,
 * preview); the publisher sends file by file, pausing the same way, and stops
 * when a text changes.
 */
import { Workspace, type CheckResult } from '../core/check.js';
import type { Diagnostic } from '../core/diagnostics.js';
import type { Model } from '../core/model/model.js';
import { Lines } from '../core/text/lines.js';

/**
 * Runs after each check of the current texts. A listener with much to do (the
 * diagnostics publisher) works in steps and awaits `pause()` between them:
 * pending requests go first, and `pause()` answers false once a text has
 * changed (stop: a newer check follows). The next check waits for it.
 */
export type CheckListener = (result: CheckResult, version: number, pause: () => Promise<boolean>) => unknown;

/**
 * Lets pending messages in before the next step of a check. Two turns: the
 * connection queues a message it has read with setImmediate, behind the
 * check's own next turn, so one turn would run the next step first.
 */
const yieldToRequests = () => new Promise<void>((resolve) => setImmediate(() => setImmediate(resolve)));

export class LiveWorkspace {
  /** Parses and model, each brought up to date only when needed (not on every keystroke). */
  private readonly core = new Workspace();
  /** The current text of every file in the model. */
  private readonly texts = new Map<string, string>();
  /** Text on disk by key, for files in the workspace folders. */
  private readonly disk = new Map<string, string>();
  /** Unsaved editor text by key, for open documents. */
  private readonly open = new Map<string, string>();
  /** Files whose text the core has not seen yet (set, changed or deleted since the last model). */
  private readonly unsynced = new Set<string>();
  /** Bumped on every change of any text. */
  private textVersion = 0;
  private checked: { version: number; diagnostics: Diagnostic[] } | undefined;
  private running = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly listeners: CheckListener[] = [];
  private waiters: (() => void)[] = [];
  /** Increases with every published check. */
  version = 0;
  /** Line indexes of the current texts: positions for the editor and diagnostic signatures. */
  readonly lines = new Lines((file) => this.texts.get(file));

  constructor(
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

  /** How many files have been parsed and models built so far (tests count them per edit). */
  get built(): { readonly parses: number; readonly models: number } {
    return { ...this.core.built };
  }

  /**
   * The model of the current texts (without the rules): built at most once per
   * text, here, and shared by every request and the check.
   */
  model(): Model {
    // Re-parses only the files whose text changed since the last model.
    for (const key of this.unsynced) {
      const text = this.texts.get(key);
      if (text === undefined) this.core.delete(key);
      else this.core.set(key, text);
    }
    this.unsynced.clear();
    return this.core.model();
  }

  /**
   * The model as last built, however old, or undefined before the first one:
   * completion lives with a keystroke's lag rather than wait for a model.
   */
  lastModel(): Model | undefined {
    return this.hasModel ? this.core.model() : this.texts.size ? this.model() : undefined;
  }

  private get hasModel(): boolean {
    return this.core.built.models > 0;
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
    if (this.checked?.version === this.textVersion) return;
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
    this.unsynced.add(key);
    this.textVersion++;
  }

  private remove(key: string): void {
    if (!this.texts.delete(key)) return;
    this.unsynced.add(key);
    this.textVersion++;
  }

  private async runCheck(): Promise<void> {
    // One check at a time; the one running re-schedules when it ends if texts changed meanwhile.
    if (this.running) return;
    this.running = true;
    const version = this.textVersion;
    const stale = () => version !== this.textVersion;
    try {
      // Requests that came with the keystroke go first (completion wants no model but the last).
      await yieldToRequests();
      if (stale()) return;
      // The model a request may have built for these texts already, else built now for both.
      this.model();
      await yieldToRequests();
      if (stale()) return;
      const steps = this.core.checkSteps();
      let step = steps.next();
      while (!step.done) {
        await yieldToRequests();
        if (stale()) return;
        step = steps.next();
      }
      const diagnostics = step.value.diagnostics;
      await yieldToRequests();
      if (stale()) return;
      this.checked = { version, diagnostics };
      this.version++;
      const result = this.current();
      const pause = async () => (await yieldToRequests(), !stale());
      for (const l of this.listeners) await l(result, this.version, pause);
    } catch (err) {
      this.log(`Seams: the check failed: ${err instanceof Error ? err.message : String(err)}`);
      if (!stale()) this.checked = { version, diagnostics: this.checked?.diagnostics ?? [] };
    } finally {
      this.running = false;
      this.afterCheck();
    }
  }

  private afterCheck(): void {
    if (this.checked?.version === this.textVersion) {
      const waiting = this.waiters;
      this.waiters = [];
      for (const w of waiting) w();
    } else {
      this.schedule(this.waiters.length > 0);
    }
  }
}
