/**
 * The QuickPick of "Seams: Compare with…": HEAD first (the default — Enter
 * compares the uncommitted change), then local branches, tags and recent
 * commits, and whatever revision the user types (`main...`, `v1.2^`, a commit
 * id). The lists come from the language server (`seams/revisions`), which is
 * the only side that runs git. Resolves to the revision, or undefined when the
 * user dismissed the picker.
 */
import * as vscode from 'vscode';
import type { RevisionRef, RevisionsResponse } from '../../../server/src/protocol/preview-protocol.js';

interface RevisionItem extends vscode.QuickPickItem {
  revision?: string;
}

const short = (commit: string | undefined): string => (commit ? commit.slice(0, 7) : '');

/** The items the picker starts with (pure: unit-testable without VS Code's UI). */
export function revisionItems(revisions: RevisionsResponse): RevisionItem[] {
  const items: RevisionItem[] = [];
  const head = revisions.head;
  items.push({
    label: '$(git-commit) HEAD',
    revision: 'HEAD',
    description: head.commit ? `${head.branch ?? 'detached'} · ${short(head.commit)}` : 'no commits yet',
    detail: head.subject ? `The last commit: ${head.subject}` : undefined,
  });
  const section = (title: string, icon: string, refs: readonly RevisionRef[], describe: (r: RevisionRef) => string): void => {
    if (refs.length === 0) return;
    items.push({ label: title, kind: vscode.QuickPickItemKind.Separator });
    for (const ref of refs) {
      items.push({
        label: `$(${icon}) ${ref.name === ref.commit ? short(ref.commit) : ref.name}`,
        revision: ref.name,
        description: describe(ref),
      });
    }
  };
  section('branches', 'git-branch', revisions.branches, (r) => `${short(r.commit)} · ${r.subject}`);
  section('tags', 'tag', revisions.tags, (r) => `${short(r.commit)} · ${r.subject}`);
  // HEAD itself is already the first item.
  section('recent commits', 'git-commit', revisions.commits.slice(1, 11), (r) => r.subject);
  return items;
}

export async function pickRevision(revisions: RevisionsResponse): Promise<string | undefined> {
  const base = revisionItems(revisions);
  const pick = vscode.window.createQuickPick<RevisionItem>();
  pick.title = 'Seams: Compare with…';
  pick.placeholder = 'Compare the architecture with a revision (Enter: HEAD, the last commit) — or type one, e.g. main... or v1.2';
  pick.matchOnDescription = true;
  pick.items = base;
  const typed = (value: string): RevisionItem => ({
    label: `$(edit) ${value}`,
    revision: value,
    description: 'compare with this revision',
    alwaysShow: true,
  });
  pick.onDidChangeValue((value) => {
    const text = value.trim();
    const known = base.some((i) => i.revision === text);
    pick.items = text && !known ? [typed(text), ...base] : base;
  });
  try {
    return await new Promise<string | undefined>((resolve) => {
      pick.onDidAccept(() => {
        const chosen = pick.selectedItems[0] ?? pick.activeItems[0];
        resolve(chosen?.revision ?? (pick.value.trim() || undefined));
        pick.hide();
      });
      pick.onDidHide(() => resolve(undefined));
      pick.show();
    });
  } finally {
    pick.dispose();
  }
}
