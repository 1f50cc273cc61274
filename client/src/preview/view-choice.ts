/**
 * Which view the preview asks the server for, and when it asks again. Pure (no
 * `vscode`), so the rules are unit-tested (test/preview/view-choice.test.ts):
 *
 * - It opens on what the user last asked for: `auto` for a new preview.
 * - `auto` is resolved by the server for the pane's size; the view it chose is
 *   then kept ("pinned") for every later request, so model edits (typing) never
 *   switch views under the user's hands.
 * - A large resize (more than REPICK_RATIO of the width or the height since the
 *   picture was chosen) picks `auto` again; with a view the user opened, it lays
 *   the same view out again for the new shape. Smaller resizes ask nothing.
 * - Opening a view replaces the choice; opening `auto` picks afresh.
 */
import type { PaneSize, ViewSpec } from '../../../server/src/core/views/view-spec.js';

/** A resize larger than this share of the width or height counts as large. */
export const REPICK_RATIO = 0.25;

export function isLargeResize(from: PaneSize, to: PaneSize): boolean {
  return Math.abs(to.width - from.width) > from.width * REPICK_RATIO || Math.abs(to.height - from.height) > from.height * REPICK_RATIO;
}

export class ViewChoice {
  /** What `auto` resolved to, kept until the next pick. */
  private pinned: ViewSpec | undefined;
  /** The pane the picture on screen was chosen and laid out for. */
  private laidOutFor: PaneSize | undefined;
  /** The newest size the webview reported. */
  pane: PaneSize | undefined;

  constructor(public requested: ViewSpec = { kind: 'auto' }) {}

  /** What to ask the server for now. */
  next(): { view: ViewSpec; pane: PaneSize | undefined } {
    return { view: this.pinned ?? this.requested, pane: this.pane };
  }

  /** The server drew `view` (resolved, never `auto`) for `pane`. */
  shown(view: ViewSpec | undefined, pane: PaneSize | undefined): void {
    this.laidOutFor = pane;
    if (this.requested.kind === 'auto') this.pinned = view;
  }

  /** The user opened a view. */
  open(view: ViewSpec): void {
    this.requested = view;
    this.pinned = undefined;
  }

  /** The drawing area has a new size; true when the picture should be asked for again. */
  resize(pane: PaneSize): boolean {
    this.pane = pane;
    if (!this.laidOutFor) return false;
    if (!isLargeResize(this.laidOutFor, pane)) return false;
    this.pinned = undefined;
    return true;
  }
}
