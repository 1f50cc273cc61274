// "Seams: Compare with…" on the server side: `seams/compare` and `seams/revisions`
// answered by the preview service against a throwaway git repository. The current
// model is what the server holds (an unsaved text here, different from the disk);
// the old one comes from git's object store only, so the working tree and the index
// stay exactly as they were. Git problems answer RequestFailed with one readable line.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, it } from 'node:test';
import { ErrorCodes, LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import { checkSources, type CheckResult, type SourceFile } from '../../server/src/core/check.js';
import { layoutForPane } from '../../server/src/core/views/render-view.js';
import { registerPreview, type PreviewConnection } from '../../server/src/lsp/preview-service.js';
import {
  COMPARE_REQUEST,
  REVISIONS_REQUEST,
  isCompareResponse,
  isRevisionsResponse,
  type CompareParams,
  type CompareResponse,
  type RevisionsResponse,
} from '../../server/src/protocol/preview-protocol.js';
import { generateArchitecture } from '../helpers/generate-architecture.js';
import { gitRepo, type GitRepo } from '../review/git-repo.js';

const COMMITTED = `team shop-team {
  oncall "#shop"
}

system shop {
  service catalog {
    owner shop-team
    tier internal
    api catalog-api v2
  }
  service orders {
    owner shop-team
    tier internal
    calls catalog.catalog-api v2 {
      timeout 300ms
      circuit-breaker
    }
  }
  service legacy {
    owner shop-team
    tier internal
  }
}
`;

/** The author's uncommitted change: billing added (calling catalog), legacy removed, orders made user-facing. */
const EDITED = COMMITTED.replace(
  '  service legacy {\n    owner shop-team\n    tier internal\n  }\n',
  '  service billing {\n    owner shop-team\n    tier internal\n    calls catalog.catalog-api v2 {\n      timeout 1s\n      circuit-breaker\n    }\n  }\n',
).replace('  service orders {\n    owner shop-team\n    tier internal', '  service orders {\n    owner shop-team\n    tier user-facing');

type Handler = (params: unknown, token: { isCancellationRequested: boolean }) => unknown;

/** The preview service behind a stand-in connection: requests go through the same handlers as over LSP. */
function server(folders: string[], sources: () => SourceFile[]) {
  const handlers = new Map<string, Handler>();
  const connection: PreviewConnection = {
    onRequest: (method, handler) => handlers.set(method, handler as Handler),
    sendNotification: () => undefined,
  };
  let check: CheckResult = checkSources(sources());
  registerPreview(connection, {
    current: () => check,
    onDidChange: () => undefined,
    // Layout in-thread here (test/preview/preview-service.test.ts covers the worker).
    layouter: { layout: (graph, pane) => layoutForPane(graph, pane ?? { width: 520, height: 760 }) },
    folders: () => folders,
  });
  const token = { isCancellationRequested: false };
  return {
    recheck: () => (check = checkSources(sources())),
    compare: async (params: CompareParams): Promise<CompareResponse> => {
      const r = await handlers.get(COMPARE_REQUEST)!(params, token);
      assert.ok(isCompareResponse(r), 'the answer passes the guard the client checks it with');
      return r;
    },
    revisions: async (): Promise<RevisionsResponse> => {
      const r = await handlers.get(REVISIONS_REQUEST)!(undefined, token);
      assert.ok(isRevisionsResponse(r));
      return r;
    },
    raw: (method: string, params: unknown) => handlers.get(method)!(params, token),
  };
}

async function failure(run: () => unknown): Promise<ResponseError<unknown>> {
  try {
    await run();
  } catch (err) {
    assert.ok(err instanceof ResponseError, `a ResponseError, not ${String(err)}`);
    return err;
  }
  assert.fail('the request succeeded');
}

const cleanup: (() => void)[] = [];
after(() => cleanup.forEach((f) => f()));

function shopRepo(): { repo: GitRepo; uri: string; head: string } {
  const repo = gitRepo({ 'arch/shop.seams': COMMITTED, 'arch/README.md': 'not a model' });
  cleanup.push(() => repo.dispose());
  const head = repo.commit('the shop');
  return { repo, uri: pathToFileURL(join(repo.dir, 'arch/shop.seams')).href, head };
}

describe('seams/compare', () => {
  it('marks what the unsaved text adds, removes and changes against HEAD, and leaves the work tree and index alone', async () => {
    const { repo, uri, head } = shopRepo();
    // On disk: the committed text plus a comment (a change git would see); in the editor: the real edit.
    repo.write({ 'arch/shop.seams': `${COMMITTED}// saved but not committed\n` });
    const status = repo.git('status', '--porcelain');
    const index = statSync(join(repo.dir, '.git/index')).mtimeMs;
    const s = server([repo.dir], () => [{ file: uri, text: EDITED }]);

    const r = await s.compare({ base: 'HEAD', pane: { width: 520, height: 760 }, activeFile: uri });
    const node = (id: string) => r.graph.nodes.find((n) => n.id === id);
    assert.equal(node('service:billing')?.change, 'added');
    assert.equal(node('service:legacy')?.change, 'removed');
    assert.equal(node('service:legacy')?.source, undefined, 'a removed box points into no text an editor holds');
    assert.equal(node('service:orders')?.change, 'changed');
    assert.equal(node('service:catalog')?.change, undefined, 'untouched: drawn muted');
    const billingCall = r.graph.edges.find((e) => e.source === 'service:billing' && e.target === 'service:catalog');
    assert.equal(billingCall?.change, 'added');
    assert.ok(
      r.graph.nodes.every((n) => Number.isFinite(n.x) && n.width > 0),
      'laid out',
    );
    assert.deepEqual(
      { ...r.compare },
      { base: 'HEAD', commit: head, added: 2, removed: 1, changed: 1, newFindings: 1, fixedFindings: 0, scope: 'whole' },
      'added: billing and its call; removed: legacy; changed: orders (now user-facing, so missing-slo is new)',
    );
    assert.ok(r.activeNodeIds.includes('service:billing'), 'the active editor’s boxes are reported');
    assert.ok(!r.activeNodeIds.includes('service:legacy'));

    // (The index first: `git status` itself may refresh it.)
    assert.equal(statSync(join(repo.dir, '.git/index')).mtimeMs, index, 'the index was not written');
    assert.equal(repo.git('status', '--porcelain'), status, 'the work tree is as it was');
  });

  it('follows typing and commits: the same revision re-read when HEAD moves, the picture from the newest model', async () => {
    const { repo, uri } = shopRepo();
    let text = EDITED;
    const s = server([repo.dir], () => [{ file: uri, text }]);
    assert.equal((await s.compare({ base: 'HEAD' })).compare.added, 2);

    // Typing: billing gone again from the editor's text.
    text = COMMITTED.replace('tier internal\n    calls', 'tier user-facing\n    calls');
    s.recheck();
    const typed = await s.compare({ base: 'HEAD' });
    assert.deepEqual([typed.compare.added, typed.compare.removed, typed.compare.changed], [0, 0, 1]);

    // The author commits exactly that: HEAD moves, nothing differs any more.
    repo.write({ 'arch/shop.seams': text });
    const next = repo.commit('orders face users');
    const committed = await s.compare({ base: 'HEAD' });
    assert.equal(committed.compare.commit, next);
    assert.deepEqual([committed.compare.added, committed.compare.removed, committed.compare.changed], [0, 0, 0]);
    assert.ok(committed.graph.nodes.every((n) => n.change === undefined));
  });

  it('takes branches, tags, commit ids and REV... (the merge base), and counts new and fixed findings', async () => {
    const { repo, uri, head } = shopRepo();
    repo.git('tag', 'v1', head);
    repo.git('checkout', '-q', '-b', 'feature');
    // On the branch: the call loses its timeout (a new finding) and legacy goes.
    const feature = COMMITTED.replace('      timeout 300ms\n', '').replace(
      '  service legacy {\n    owner shop-team\n    tier internal\n  }\n',
      '',
    );
    repo.write({ 'arch/shop.seams': feature });
    const tip = repo.commit('feature work');
    const s = server([repo.dir], () => [{ file: uri, text: feature }]);

    for (const base of ['main', 'v1', head, head.slice(0, 8), 'main...']) {
      const r = await s.compare({ base });
      assert.equal(r.compare.commit, head, base);
      assert.equal(r.compare.removed, 1, `${base}: legacy removed`);
      assert.equal(r.compare.newFindings, 1, `${base}: missing-timeout is new`);
    }
    const same = await s.compare({ base: 'feature' });
    assert.equal(same.compare.commit, tip);
    assert.deepEqual([same.compare.added, same.compare.removed, same.compare.changed, same.compare.newFindings], [0, 0, 0, 0]);
  });

  it('shows only the changed neighbourhood when the whole model would not be readable', async () => {
    const files = generateArchitecture({ services: 300, systemSize: 30, healthy: true });
    const repo = gitRepo(Object.fromEntries(files.map((f) => [f.file, f.text])));
    cleanup.push(() => repo.dispose());
    repo.commit('a large model');
    const key = (f: string) => pathToFileURL(join(repo.dir, f)).href;
    const added = '\nservice newcomer {\n  owner nobody\n}\n';
    const s = server([repo.dir], () => files.map((f, i) => ({ file: key(f.file), text: i === 1 ? f.text + added : f.text })));
    const r = await s.compare({ base: 'HEAD' });
    assert.equal(r.compare.scope, 'changes');
    assert.equal(r.graph.nodes.find((n) => n.id === 'service:newcomer')?.change, 'added');
    const services = r.graph.nodes.filter((n) => n.kind === 'service').length;
    assert.ok(services >= 1 && services < 30, `${services} services drawn, not 300`);
  });

  it('says what is wrong in one line: unknown revision, not a repository, git missing, no folder, bad params', async () => {
    const { repo, uri } = shopRepo();
    const s = server([repo.dir], () => [{ file: uri, text: EDITED }]);
    const unknown = await failure(() => s.compare({ base: 'no-such-branch' }));
    assert.equal(unknown.code, LSPErrorCodes.RequestFailed);
    assert.equal(unknown.message, 'unknown revision: no-such-branch');
    assert.equal((await failure(() => s.compare({ base: '--output=/tmp/x' }))).message, 'unknown revision: --output=/tmp/x');

    const plain = mkdtempSync(join(tmpdir(), 'seams-not-a-repo-'));
    cleanup.push(() => rmSync(plain, { recursive: true, force: true }));
    const outside = server([plain], () => [{ file: pathToFileURL(join(plain, 'a.seams')).href, text: EDITED }]);
    const notRepo = await failure(() => outside.compare({ base: 'HEAD' }));
    assert.equal(notRepo.code, LSPErrorCodes.RequestFailed);
    assert.equal(notRepo.message, `${plain} is not in a git repository`);
    assert.equal((await failure(() => outside.revisions())).message, `${plain} is not in a git repository`);

    const noFolder = server([], () => [{ file: uri, text: EDITED }]);
    assert.match((await failure(() => noFolder.compare({ base: 'HEAD' }))).message, /no workspace folder/);

    const path = process.env.PATH;
    process.env.PATH = join(plain, 'no-bin');
    try {
      const missing = await failure(() => s.compare({ base: 'HEAD' }));
      assert.equal(missing.code, LSPErrorCodes.RequestFailed);
      assert.match(missing.message, /^git is not installed/);
    } finally {
      process.env.PATH = path;
    }

    for (const params of [
      undefined,
      {},
      { base: '' },
      { base: '  ' },
      { base: 'a\nb' },
      { base: 'HEAD', pane: { width: -1, height: 5 } },
    ]) {
      const bad = await failure(() => s.raw(COMPARE_REQUEST, params));
      assert.equal(bad.code, ErrorCodes.InvalidParams, JSON.stringify(params));
    }
  });
});

describe('seams/revisions', () => {
  it('lists HEAD and its branch, local branches, tags (annotated ones peeled) and recent commits', async () => {
    const { repo, uri, head } = shopRepo();
    repo.git('tag', '-a', 'v1', '-m', 'first release', head);
    repo.git('checkout', '-q', '-b', 'feature');
    repo.write({ 'arch/shop.seams': EDITED });
    const tip = repo.commit('billing');
    const s = server([repo.dir], () => [{ file: uri, text: EDITED }]);
    const r = await s.revisions();
    assert.deepEqual(r.head, { commit: tip, branch: 'feature', subject: 'billing' });
    assert.deepEqual(new Set(r.branches.map((b) => b.name)), new Set(['feature', 'main']));
    assert.deepEqual(r.tags, [{ name: 'v1', commit: head, subject: 'first release' }]);
    assert.deepEqual(
      r.commits.map((c) => [c.commit, c.subject]),
      [
        [tip, 'billing'],
        [head, 'the shop'],
      ],
    );
  });
});
