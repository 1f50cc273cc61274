/**
 * Reads one `.seams` file safely, for the CLI and the language server alike.
 *
 * Only regular files are read: a FIFO would block for ever, a link to a device
 * (`/dev/zero`) would be read until memory runs out, and either can be planted
 * in a pull request. The file is opened without blocking, then examined through
 * the open descriptor (so what is examined is what is read), and at most
 * `maxBytes` are read: a larger file is refused with its size and the limit.
 * Seams files are UTF-8 (a leading BOM is dropped by the decoder); bytes that
 * are not valid UTF-8 are refused too, because positions reported in a
 * replacement-character text could not be found in the file.
 */
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { open } from 'node:fs/promises';

/** 50 MB: far above any hand-written model, far below what would exhaust memory. */
export const DEFAULT_MAX_FILE_BYTES = 50 * 1024 * 1024;

export type ReadResult = { text: string } | { problem: string };

const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

export function readTextFileSync(path: string, maxBytes = DEFAULT_MAX_FILE_BYTES): ReadResult {
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (error) {
    return { problem: fileProblem(error) };
  }
  try {
    const refused = refuse(fstatSync(fd), maxBytes);
    if (refused) return { problem: refused };
    const buffer = Buffer.allocUnsafe(Math.min(fstatSync(fd).size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) break;
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    return decode(buffer.subarray(0, length), maxBytes);
  } catch (error) {
    return { problem: fileProblem(error) };
  } finally {
    closeSync(fd);
  }
}

export async function readTextFile(path: string, maxBytes = DEFAULT_MAX_FILE_BYTES): Promise<ReadResult> {
  let handle;
  try {
    handle = await open(path, OPEN_FLAGS);
  } catch (error) {
    return { problem: fileProblem(error) };
  }
  try {
    const stats = await handle.stat();
    const refused = refuse(stats, maxBytes);
    if (refused) return { problem: refused };
    const buffer = Buffer.allocUnsafe(Math.min(stats.size, maxBytes) + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return decode(buffer.subarray(0, length), maxBytes);
  } catch (error) {
    return { problem: fileProblem(error) };
  } finally {
    await handle.close().catch(() => undefined);
  }
}

function refuse(stats: Stats, maxBytes: number): string | undefined {
  if (!stats.isFile()) return `it is not a regular file (${kindOf(stats)})`;
  if (stats.size > maxBytes) return tooLarge(stats.size, maxBytes);
  return undefined;
}

// One decoder is enough: with `fatal` it keeps no state between whole-buffer calls.
const decoder = new TextDecoder('utf-8', { fatal: true });

function decode(bytes: Buffer, maxBytes: number): ReadResult {
  // The file grew after it was examined: still refused, whatever it says now.
  if (bytes.length > maxBytes) return { problem: tooLarge(bytes.length, maxBytes, true) };
  try {
    return { text: decoder.decode(bytes) };
  } catch {
    return { problem: 'it is not valid UTF-8' };
  }
}

function tooLarge(size: number, maxBytes: number, atLeast = false): string {
  return `it is ${atLeast ? 'more than ' : ''}${megabytes(size)}, above the limit of ${megabytes(maxBytes, true)} per file (--max-file-size)`;
}

/** `2.0 MB`; the limit itself without a decimal when it is a whole number of megabytes. */
function megabytes(bytes: number, limit = false): string {
  const mb = bytes / (1024 * 1024);
  return limit && Number.isInteger(mb) ? `${mb} MB` : `${mb.toFixed(1)} MB`;
}

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a named pipe';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  return 'not a plain file';
}

/** The system's reason for a failed file operation, without the path repeated. */
export function fileProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder';
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    case 'ELOOP':
      return 'too many symbolic links';
    case 'ENXIO':
      return 'it is not a regular file (a socket or device)';
    default:
      return code ?? (error instanceof Error ? error.message : String(error));
  }
}
