/**
 * Finding and reading `.seams` files on disk for the language server, and the
 * canonical key each file has in the workspace model.
 *
 * Keys are `file:` URIs as Node writes them. Clients spell URIs in their own
 * way (VS Code percent-encodes more characters than Node does), so every URI
 * that arrives is turned into the key through `fileKey`; the client's own
 * spelling is kept separately for messages back to it.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readTextFile, readTextFileSync, type ReadResult } from '../cli/read-text-file.js';

/** The workspace key of a URI: canonical for `file:` URIs, unchanged for others (`untitled:`). */
export function fileKey(uri: string): string {
  if (!uri.startsWith('file:')) return uri;
  try {
    return pathToFileURL(fileURLToPath(uri)).href;
  } catch {
    return uri;
  }
}

export function isSeamsFile(uri: string): boolean {
  return uri.toLowerCase().endsWith('.seams');
}

/** Every `.seams` file under `folder`, skipping `node_modules`, dot-folders and symbolic links. */
export async function findSeamsFiles(folder: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: string) => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return; // unreadable or vanished: nothing to add
    }
    for (const e of entries) {
      if (e.isDirectory()) {
        if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
        await walk(join(dir, e.name));
      } else if (e.isFile() && e.name.endsWith('.seams')) {
        found.push(join(dir, e.name));
      }
    }
  };
  await walk(folder);
  return found.sort();
}

/**
 * Reads a file given by key; undefined when it cannot be read (deleted
 * meanwhile, a folder, a FIFO or device, above the size limit, not UTF-8), with
 * the reason given to `warn`. Reads as the CLI does (read-text-file.ts), so a
 * file event naming a FIFO or a link to /dev/zero can neither block nor exhaust the server.
 */
export async function readKey(key: string, warn?: (message: string) => void): Promise<string | undefined> {
  const path = keyToPath(key);
  if (path === undefined) return undefined;
  return textOf(path, await readTextFile(path), warn);
}

/**
 * The synchronous read, for file events: applying them before the next message
 * is handled keeps the server's view in the order the client sent things.
 */
export function readKeySync(key: string, warn?: (message: string) => void): string | undefined {
  const path = keyToPath(key);
  if (path === undefined) return undefined;
  return textOf(path, readTextFileSync(path), warn);
}

function textOf(path: string, r: ReadResult, warn: ((message: string) => void) | undefined): string | undefined {
  if ('text' in r) return r.text;
  // A file that is simply gone needs no message: the model drops it.
  if (warn && r.problem !== 'no such file or folder') warn(`Seams: ${path} is left out of the model: ${r.problem}.`);
  return undefined;
}

export function pathToKey(path: string): string {
  return pathToFileURL(path).href;
}

export function keyToPath(key: string): string | undefined {
  try {
    return key.startsWith('file:') ? fileURLToPath(key) : undefined;
  } catch {
    return undefined;
  }
}
