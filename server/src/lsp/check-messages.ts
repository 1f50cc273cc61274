/** Messages between the language server and its check worker (structured clone, same process). */
import type { Diagnostic } from '../core/diagnostics.js';

/** Text changes since the previous request (all files after a restart), then "check". */
export interface CheckRequest {
  id: number;
  /** Files to add or replace: [key, text]. */
  set: [string, string][];
  /** Files to drop. */
  deleted: string[];
}

export type CheckReply =
  | { id: number; diagnostics: Diagnostic[]; signatures: Map<string, string>; error?: undefined }
  | { id: number; error: string; diagnostics?: undefined };
