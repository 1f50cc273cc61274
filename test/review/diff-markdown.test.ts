/**
 * `seams diff --format markdown`: the pull-request comment. Its Mermaid block
 * is accepted by Mermaid's own parser, places become links inside GitHub
 * Actions, and the report stays under 60,000 characters with cut lists
 * counting what they left out.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildCli, runCli } from '../cli/cli-harness.js';
import { assertMermaidParses, closeMermaid, mermaidBlocks } from '../helpers/mermaid-validate.js';
import { gitRepo, type GitRepo } from './git-repo.js';

const BASE = `team shop-team {
  oncall "#shop"
}

system shop {
  defaults {
    timeout 2s
    circuit-breaker
  }
  service catalog "Catalog \\"main\\" <b>" {
    owner shop-team
    tier internal
    store catalog-db postgres
    api catalog-api v1 v2 rest
  }
  service orders {
    owner shop-team
    tier internal
    event order-placed v3
    calls catalog.catalog-api v2 {
      timeout 300ms
      retry 2
    }
  }
  service legacy {
    owner shop-team
    tier internal
    calls orders
  }
  service end {
    owner shop-team
    tier internal
    subscribes orders.order-placed v3
  }
}
`;

const CHANGED = BASE.replace(/ {2}service legacy \{[\s\S]*?\n {2}\}\n/, '')
  .replace('calls catalog.catalog-api v2', 'calls catalog.catalog-api v3')
  .replace('retry 2\n', 'retry 2 backoff fixed\n')
  .replace('store catalog-db postgres', 'store catalog-db mysql')
  .concat('service graph {\n  owner shop-team\n  tier internal\n  calls catalog.catalog-api v1\n}\n');

const repos: GitRepo[] = [];
before(buildCli);
after(() => {
  repos.forEach((r) => r.dispose());
  closeMermaid();
});

function pr(): GitRepo {
  const r = gitRepo({ 'arch/shop.seams': BASE });
  repos.push(r);
  r.commit('base');
  r.git('checkout', '-q', '-b', 'pr');
  r.write({ 'arch/shop.seams': CHANGED });
  r.commit('pr');
  return r;
}

describe('the report', () => {
  test('counts, a Mermaid flowchart Mermaid accepts, the changes and the findings with file:line', async () => {
    const r = pr();
    const run = runCli(['diff', 'main...', '--format', 'markdown'], { cwd: r.dir });
    assert.equal(run.status, 1, 'a new error (version-not-provided) fails by default');
    const md = run.stdout;
    assert.match(
      md,
      /: \*\*6 changes\*\* \(2 added, 2 removed, 2 changed\) · \*\*3 new findings\*\* \(1 error, 1 warning\) · \*\*2 fixed findings\*\*\./,
    );
    const blocks = mermaidBlocks(md);
    assert.equal(blocks.length, 1);
    assert.equal(await assertMermaidParses(blocks[0]!), 'flowchart-v2');
    // Added, removed and changed are styled apart; the neighbours stay plain.
    assert.match(blocks[0]!, /svc_graph\["graph"\]:::added/);
    assert.match(blocks[0]!, /svc_legacy\["legacy"\]:::removed/);
    assert.match(blocks[0]!, /classDef removed [^\n]*stroke-dasharray/);
    assert.match(blocks[0]!, /svc_orders\["orders"\]\n/);
    assert.match(blocks[0]!, /linkStyle \d+ stroke:#cf222e/);
    assert.match(
      md,
      /\| 🟡\u00a0changed \| call \| `orders->catalog\.catalog-api` \| arch\/shop\.seams:20 \| version: v2 → v3<br>backoff: none → fixed \|/,
    );
    assert.match(md, /\| 🔴\u00a0removed \| service \| `legacy` \| arch\/shop\.seams:25 \|/);
    assert.match(md, /#### New findings \(\d+\)[\s\S]*version-not-provided[\s\S]*arch\/shop\.seams:20/);
    assert.match(md, /#### Fixed findings \(\d+\)[\s\S]*retry-without-backoff/);
    assert.doesNotMatch(md, /https?:\/\//, 'no links outside GitHub Actions');
  });

  test('inside GitHub Actions places link to the head commit, fixed findings to the base', () => {
    const r = pr();
    const head = r.git('rev-parse', 'HEAD');
    const base = r.git('merge-base', 'main', 'HEAD');
    const env = {
      GITHUB_ACTIONS: 'true',
      GITHUB_SERVER_URL: 'https://github.example',
      GITHUB_REPOSITORY: 'acme/shop',
      GITHUB_SHA: 'f'.repeat(40),
      SEAMS_HEAD_SHA: head,
    };
    const md = runCli(['diff', 'main...', '--format', 'markdown'], { cwd: r.dir, env }).stdout;
    assert.ok(md.includes(`[arch/shop.seams:20](https://github.example/acme/shop/blob/${head}/arch/shop.seams#L20)`), md);
    assert.ok(md.includes(`(https://github.example/acme/shop/blob/${base}/arch/shop.seams#L25)`), 'a removed element links into the base');
    // --head-sha wins over the environment.
    const other = runCli(['diff', 'main...', '--format', 'markdown', '--head-sha', 'abc123'], { cwd: r.dir, env }).stdout;
    assert.match(other, /blob\/abc123\/arch\/shop\.seams#L20/);
  });

  test('no change at all says so', () => {
    const r = gitRepo({ 'shop.seams': BASE });
    repos.push(r);
    r.commit('base');
    const run = runCli(['diff', 'HEAD', '--format', 'markdown'], { cwd: r.dir });
    assert.equal(run.status, 0);
    assert.match(run.stdout, /No architecture changes and no change in findings\./);
    assert.equal(mermaidBlocks(run.stdout).length, 0);
  });

  test('a huge change stays under 60,000 characters; cut lists count what they left out', async () => {
    const r = gitRepo({ 'shop.seams': 'team t {\n  oncall "#t"\n}\n' });
    repos.push(r);
    r.commit('base');
    const services = Array.from(
      { length: 1500 },
      (_, i) => `service service-number-${i} {\n  tier internal\n  calls service-number-${(i + 1) % 1500}\n}\n`,
    ).join('');
    r.write({ 'big.seams': services });
    const run = runCli(['diff', 'HEAD', '--format', 'markdown', '--fail-on', 'never'], { cwd: r.dir });
    assert.equal(run.status, 0, run.stderr);
    const md = run.stdout;
    assert.ok(md.length <= 60_000, `${md.length} characters`);
    const cut = /_…and (\d+) more changes not shown/.exec(md);
    assert.ok(cut, 'the changes list says how much it left out');
    const shownRows = (md.match(/^\| 🟢\u00a0added \|/gm) ?? []).length;
    assert.equal(shownRows + Number(cut[1]), 3000);
    assert.match(md, /_…and \d+ more new findings not shown/);
    const blocks = mermaidBlocks(md);
    assert.equal(blocks.length, 1);
    await assertMermaidParses(blocks[0]!);
    assert.match(md, /more services are not drawn/);
  });
});
