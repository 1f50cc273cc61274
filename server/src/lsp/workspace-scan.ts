/**
 * Finding and reading `.seams` files on disk for the language server, and the
 * canonical key each file has in the workspace model.
 *
 * Keys are `file:` URIs as Node writes them. Clients spell URIs in their own
 * way (VS Code percent-encodes more characters than Node does), so every URI
 * that arrives is turned into the key through `fileKey`; the client's own
 * spelling is kept separately for messages back to it.
 */
import { readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

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

/** Reads a file given by key; undefined when it cannot be read (deleted meanwhile, a folder, …). */
export async function readKey(key: string): Promise<string | undefined> {
  if (!key.startsWith('file:')) return undefined;
  try {
    return await readFile(fileURLToPath(key), 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * The synchronous read, for file events: applying them before the next message
 * is handled keeps the server's view in the order the client sent things.
 */
export function readKeySync(key: string): string | undefined {
  if (!key.startsWith('file:')) return undefined;
  try {
    return readFileSync(fileURLToPath(key), 'utf8');
  } catch {
    return undefined;
  }
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
