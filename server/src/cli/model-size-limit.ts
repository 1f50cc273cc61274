/**
 * How much text one process can check. A check keeps every file's syntax tree
 * and the whole model in memory: about 60 bytes of heap per byte of input
 * (10,000 services, 3.8 MB, peak at 270 MB). A model too big for V8's heap does
 * not fail politely: V8 aborts with a native stack trace after long garbage
 * collection. So the commands refuse such a model up front, with one line that
 * names the limit and how to raise it.
 */
import { getHeapStatistics } from 'node:v8';
import { InputError } from './input-error.js';

/** Heap bytes per byte of input the limit allows for (measured ≈ 60, with a margin). */
const HEAP_PER_INPUT_BYTE = 80;

/** The most text (in UTF-16 code units, ≈ bytes for Seams files) this process can check. */
export function modelSizeLimit(): number {
  return Math.floor(getHeapStatistics().heap_size_limit / HEAP_PER_INPUT_BYTE);
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** Throws InputError when the texts together exceed modelSizeLimit(). */
export function assertCheckableSize(sources: readonly { text: string }[], limit = modelSizeLimit()): void {
  let total = 0;
  for (const s of sources) total += s.text.length;
  if (total <= limit) return;
  const heap = getHeapStatistics().heap_size_limit;
  throw new InputError(
    `the model is ${mb(total)} of text; this process can check at most ${mb(limit)} (its heap limit is ${mb(heap)}; raise it with NODE_OPTIONS=--max-old-space-size=MEGABYTES)`,
  );
}
