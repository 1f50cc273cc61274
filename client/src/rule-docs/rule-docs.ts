/**
 * Rule pages open rendered. A diagnostic's code links to its page, `docs/rules/<code>.md`
 * inside the installed extension; VS Code opens such a link as a text editor, which would
 * show raw (and editable) Markdown. When one of those pages becomes the active editor, it is
 * swapped for VS Code's own Markdown preview of the same file.
 *
 * The extension also adds to the Markdown preview: ```seams code blocks are coloured (see
 * highlight-seams.ts), so the pages' examples read like the editor.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { extendMarkdownIt, type MarkdownIt } from './markdown-plugin.js';

export function registerRuleDocs(context: vscode.ExtensionContext): { extendMarkdownIt(md: MarkdownIt): MarkdownIt } {
  // Only for the packaged extension: a Seams developer running it from the checkout (which
  // has the sources beside docs/) edits these very pages and must get the text editor.
  if (!existsSync(join(context.extensionPath, 'server', 'src'))) {
    const pages = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules');
    const showRendered = (editor: vscode.TextEditor | undefined) => {
      if (editor && isRulePage(editor.document, pages)) void swapForPreview(editor.document);
    };
    context.subscriptions.push(vscode.window.onDidChangeActiveTextEditor(showRendered));
    showRendered(vscode.window.activeTextEditor);
  }
  return { extendMarkdownIt };
}

export function isRulePage(document: vscode.TextDocument, pages: vscode.Uri): boolean {
  const uri = document.uri;
  if (uri.scheme !== pages.scheme || !uri.path.endsWith('.md')) return false;
  const folder = pages.path.endsWith('/') ? pages.path : `${pages.path}/`;
  return uri.path.startsWith(folder) && !uri.path.slice(folder.length).includes('/');
}

async function swapForPreview(document: vscode.TextDocument): Promise<void> {
  // Never close something the user typed into, even in a page of ours.
  if (document.isDirty) return;
  const uri = document.uri;
  await vscode.commands.executeCommand('markdown.showPreview', uri);
  const tabs = vscode.window.tabGroups.all.flatMap((group) => group.tabs);
  const raw = tabs.filter((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === uri.toString());
  if (raw.length > 0) await vscode.window.tabGroups.close(raw);
}
