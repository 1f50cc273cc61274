/**
 * The only place Seams runs git: an old model read from a repository's
 * history, for `seams diff BASE`, `seams check --baseline BASE` (the CLI) and
 * "Seams: Compare with…" (the language server).
 *
 * Only the object store and the refs are read — `rev-parse`, `merge-base`,
 * `ls-tree`, `cat-file`, `for-each-ref`, `log` — so the working tree and the
 * index are never touched (unlike `git status` or `git stash`, which may write
 * the index). git runs asynchronously: the language server calls this on the
 * thread that answers typing. Every failure is a `GitError` with one line a
 * person can read; callers turn it into their own kind of error.
 */
import { spawn } from 'node:child_process';
import { normalize, relative, sep } from 'node:path';

export class GitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GitError';
  }
}

/** A file of the old model: its path relative to the folder asked about, and its text. */
export interface HistoryFile {
  path: string;
  text: string;
}

const SKIPPED_FOLDERS = new Set(['node_modules']);

/** Whether `cwd` is inside a git work tree; a GitError when git is missing. */
export async function isInsideWorkTree(cwd: string): Promise<boolean> {
  return (await git(['rev-parse', '--is-inside-work-tree'], cwd, true))?.toString().trim() === 'true';
}

/**
 * The full commit id a revision names, or undefined when git knows no such
 * revision. `REV...` is the merge base of REV and HEAD, `A...B` that of A and B.
 */
export async function resolveRevision(revision: string, cwd: string): Promise<string | undefined> {
  const range = /^(.*)\.\.\.(.*)$/.exec(revision);
  if (range) {
    const left = await commitOf(range[1] || 'HEAD', cwd);
    const right = await commitOf(range[2] || 'HEAD', cwd);
    if (!left || !right) return undefined;
    const mergeBase = (await git(['merge-base', left, right], cwd, true))?.toString().trim();
    if (!mergeBase) throw new GitError(`${revision}: the two revisions have no common ancestor`);
    return mergeBase;
  }
  return commitOf(revision, cwd);
}

async function commitOf(revision: string, cwd: string): Promise<string | undefined> {
  // A leading dash would be read as an option.
  if (revision.startsWith('-')) return undefined;
  const out = (await git(['rev-parse', '--verify', '--quiet', `${revision}^{commit}`], cwd, true))?.toString().trim();
  return out || undefined;
}

/**
 * The `.seams` files the given paths (relative to `cwd`, default `.`) held at
 * a commit, sorted by path, found by the rules of the CLI's `findSeamsFiles`:
 * a named file whatever its extension; in folders `*.seams`, skipping
 * `node_modules` and dot-folders. Paths come back relative to `cwd`, as
 * `git ls-tree` writes them.
 */
export async function seamsFilesAt(commit: string, paths: readonly string[], cwd: string): Promise<HistoryFile[]> {
  const found = new Map<string, string>(); // path -> blob id
  for (const given of paths.length > 0 ? paths : ['.']) {
    const root = normalize(given);
    const out = await git(['ls-tree', '-r', '-z', commit, '--', root], cwd);
    for (const entry of out!.toString('utf8').split('\0')) {
      const match = /^\d+ (\w+) ([0-9a-f]+)\t(.*)$/s.exec(entry);
      if (!match || match[1] !== 'blob') continue;
      const path = normalize(match[3]!);
      if (!wanted(root, path)) continue;
      if (!found.has(path)) found.set(path, match[2]!);
    }
  }
  const files = [...found.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const texts = await readBlobs(
    files.map((f) => found.get(f)!),
    cwd,
  );
  return files.map((path, i) => ({ path, text: texts[i]! }));
}

/** The same choice findSeamsFiles makes: a named file always, else *.seams outside skipped folders. */
function wanted(root: string, path: string): boolean {
  if (path === root) return true;
  const inside = relative(root, path).split(sep);
  const folders = inside.slice(0, -1);
  if (folders.some((f) => f.startsWith('.') && f !== '..')) return false;
  if (folders.some((f) => SKIPPED_FOLDERS.has(f))) return false;
  return path.endsWith('.seams');
}

/** Reads blobs in one `git cat-file --batch` and decodes them as UTF-8 (a BOM dropped). */
async function readBlobs(ids: readonly string[], cwd: string): Promise<string[]> {
  if (ids.length === 0) return [];
  const out = (await git(['cat-file', '--batch'], cwd, false, `${ids.join('\n')}\n`))!;
  const decoder = new TextDecoder('utf-8');
  const texts: string[] = [];
  let at = 0;
  for (const id of ids) {
    const headerEnd = out.indexOf(0x0a, at);
    const header = out.subarray(at, headerEnd).toString('utf8');
    const size = Number(/^[0-9a-f]+ blob (\d+)$/.exec(header)?.[1]);
    if (!Number.isFinite(size)) throw new GitError(`cannot read blob ${id} from git: ${header}`);
    texts.push(decoder.decode(out.subarray(headerEnd + 1, headerEnd + 1 + size)));
    at = headerEnd + 1 + size + 1;
  }
  return texts;
}

/** What a revision picker offers: where HEAD is, the local branches and tags, the newest commits. */
export interface Revisions {
  /** HEAD's commit (undefined in a repository without commits) and its branch (undefined when detached). */
  head: { commit?: string; branch?: string; subject?: string };
  /** Local branches, most recently committed first. */
  branches: RevisionRef[];
  /** Tags, newest first. */
  tags: RevisionRef[];
  /** The newest commits reachable from HEAD, newest first. */
  commits: RevisionRef[];
}

export interface RevisionRef {
  /** The name to give git: a branch or tag name, or a full commit id. */
  name: string;
  commit: string;
  subject: string;
}

const FIELD = '\u001f';

/** Branches and tags (each list at most `limit`) and the newest `limit` commits; throws GitError outside a repository. */
export async function listRevisions(cwd: string, limit = 30): Promise<Revisions> {
  if (!(await isInsideWorkTree(cwd))) throw new GitError(`${cwd} is not in a git repository`);
  const refs = async (pattern: string, sort: string): Promise<RevisionRef[]> => {
    const format = `--format=%(refname:short)${FIELD}%(objectname)${FIELD}%(*objectname)${FIELD}%(contents:subject)`;
    const out = (await git(['for-each-ref', `--sort=${sort}`, `--count=${limit}`, format, pattern], cwd))!.toString('utf8');
    return lines(out).map((line) => {
      const [name = '', object = '', peeled = '', subject = ''] = line.split(FIELD);
      // An annotated tag's own object is the tag; the commit is the peeled one.
      return { name, commit: peeled || object, subject };
    });
  };
  const head = (await git(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], cwd, true))?.toString().trim() || undefined;
  const branch = (await git(['symbolic-ref', '--quiet', '--short', 'HEAD'], cwd, true))?.toString().trim() || undefined;
  const commits = head
    ? lines((await git(['log', `--max-count=${limit}`, `--format=%H${FIELD}%s`, head, '--'], cwd))!.toString('utf8')).map((line) => {
        const [commit = '', subject = ''] = line.split(FIELD);
        return { name: commit, commit, subject };
      })
    : [];
  return {
    head: { commit: head, branch, subject: commits[0]?.subject },
    branches: await refs('refs/heads', '-committerdate'),
    tags: await refs('refs/tags', '-creatordate'),
    commits,
  };
}

function lines(text: string): string[] {
  return text.split('\n').filter((l) => l.length > 0);
}

/**
 * Runs git. With `quiet`, a failure gives undefined; otherwise it is a
 * GitError carrying git's first line of complaint. A missing git is always an error.
 */
function git(args: readonly string[], cwd: string, quiet = false, input?: string): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, {
      cwd,
      // Never let git prompt, page or take a lock it does not need.
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat', GIT_OPTIONAL_LOCKS: '0' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e: NodeJS.ErrnoException) => {
      reject(
        new GitError(
          e.code === 'ENOENT' ? 'git is not installed (needed to read a revision from history)' : `cannot run git: ${e.message}`,
        ),
      );
    });
    child.on('close', (status) => {
      if (status === 0) return resolve(Buffer.concat(out));
      if (quiet) return resolve(undefined);
      const first = Buffer.concat(err).toString('utf8').trim().split('\n')[0] ?? '';
      reject(new GitError(`git ${args[0]} failed: ${first.replace(/^fatal: /, '')}`));
    });
    // git may exit before reading its input (a bad revision): that is its answer, not a crash.
    child.stdin.on('error', () => undefined);
    child.stdin.end(input ?? '');
  });
}
