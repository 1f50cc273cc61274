/**
 * `exact(list)`: a finished list at its length. A list grown by `push` keeps
 * room for more (V8 grows its store by half again plus 16 slots), and the
 * syntax tree and the model keep their lists for as long as the model lives:
 * most hold one to three entries, so that room was a fifth of the tree and a
 * third of the model's lists at 10,000 services (docs/performance.md). The
 * grown list dies young; the copy is what stays.
 */
export function exact<T>(list: T[]): T[] {
  return list.length === 0 ? list : list.slice();
}
