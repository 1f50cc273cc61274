/**
 * A problem with what the user asked for or gave us (a missing path, a file that
 * cannot be read or is not UTF-8). The CLI prints its message as one line on
 * stderr and exits with 2; it is never shown with a stack.
 */
export class InputError extends Error {
  override readonly name = 'InputError';
}
