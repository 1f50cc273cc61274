/**
 * Which file a `reveal` message from the webview may open. The webview is a
 * security boundary: a message naming any URI (`file:///etc/passwd`,
 * `command:`, `https:`) must not make the editor open it. Only `.seams` files
 * inside a workspace folder, or documents already open in the editor (an
 * unsaved `untitled:` model), are revealed. Pure, so it is tested without VS Code.
 */

/** The URI to open, or undefined when the message names something outside the workspace. */
export function revealTarget(file: unknown, workspaceFolders: readonly string[], openDocuments: readonly string[]): string | undefined {
  if (typeof file !== 'string' || file.length === 0 || file.length > 4096) return undefined;
  if (openDocuments.includes(file)) return file;
  let url: URL;
  try {
    url = new URL(file);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'file:' || url.search || url.hash) return undefined;
  // URL has resolved `.` and `..` segments (also their percent-encoded forms) by now.
  if (!url.pathname.toLowerCase().endsWith('.seams')) return undefined;
  const inside = workspaceFolders.some((folder) => {
    let root: URL;
    try {
      root = new URL(folder);
    } catch {
      return false;
    }
    if (root.protocol !== 'file:' || root.host !== url.host) return false;
    const prefix = root.pathname.endsWith('/') ? root.pathname : `${root.pathname}/`;
    return url.pathname.startsWith(prefix);
  });
  return inside ? url.href : undefined;
}
