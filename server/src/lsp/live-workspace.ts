/**
 * The language server's view of the workspace: the text of every `.seams`
 * file (an open editor's unsaved text wins over the disk; closing falls back to
 * the disk), the core `Workspace` that caches parses, and the latest check.
 *
 * Checking is debounced: edits mark the model dirty and schedule one check a
 * little later, so a burst of keystrokes costs one check, and a check that a
 * newer edit made stale is never started. A request that needs positions to
 * match the text (hover, rename, …) calls `fresh()`, which checks at once if
 * anything is pending. After each check `onChecked` listeners run (diagnostics
 * publishing, the preview).
 */
import { Workspace, type CheckResult } from '../core/check.js';
import type { Model } from '../core/model/model.js';

export type CheckListener = (result: CheckResult, version: number) => void;

export class LiveWorkspace {
  private readonly core = new Workspace();
  /** Text on disk by key, for files in the workspace folders. */
  private readonly disk = new Map<string, string>();
  /** Unsaved editor text by key, for open documents. */
  private readonly open = new Map<string, string>();
  private result: CheckResult | undefined;
  private dirty = true;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly listeners: CheckListener[] = [];
  /** Increases with every check; lets listeners and clients drop old answers. */
  version = 0;

  constructor(private readonly debounceMs: number) {}

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
    return this.core.has(key);
  }

  files(): string[] {
    return this.core.files();
  }

  text(key: string): string | undefined {
    return this.core.text(key);
  }

  /** The model of the last check, however old (completion can live with a keystroke's lag). */
  lastModel(): Model | undefined {
    return this.result?.model;
  }

  /** The check of the current texts, running it now if one is pending. */
  fresh(): CheckResult {
    if (this.dirty || !this.result) this.runCheck();
    return this.result!;
  }

  /** Schedules a check unless nothing changed; `immediate` skips the debounce (start-up). */
  schedule(immediate = false): void {
    if (!this.dirty) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.dirty) this.runCheck();
    }, immediate ? 0 : this.debounceMs);
  }

  private put(key: string, text: string): void {
    if (this.core.text(key) === text) return;
    this.core.set(key, text);
    this.dirty = true;
  }

  private remove(key: string): void {
    if (this.core.delete(key)) this.dirty = true;
  }

  private runCheck(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    this.dirty = false;
    this.result = this.core.check();
    this.version++;
    for (const l of this.listeners) l(this.result, this.version);
  }
}
