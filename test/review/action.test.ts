/**
 * The GitHub Action (action.yml) end to end, here: a local git repository with
 * an `origin` and a pull-request branch, a stand-in for GitHub's REST API on
 * 127.0.0.1 that records every request, and the action's own `run:` steps
 * executed in order by bash with the expressions GitHub would fill in. Run
 * twice, it creates the sticky comment once and then updates it in place.
 *
 * Not run here (no network): `npm ci` of the "Build seams" step (the test
 * builds dist/ itself) and the `uses:` steps (setup-node, upload-artifact,
 * upload-sarif), which are GitHub's own actions.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { buildCli, ROOT } from '../cli/cli-harness.js';
import { GIT_ENV, gitRepo, type GitRepo } from './git-repo.js';

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  if?: string;
  shell?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
  'working-directory'?: string;
}
interface ActionFile {
  runs: { using: string; steps: Step[] };
  inputs: Record<string, { default?: string }>;
}

const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };
const action = yaml.load(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as ActionFile;

interface Recorded {
  method: string;
  url: string;
  authorization?: string;
  body?: { body?: string };
}
const requests: Recorded[] = [];
const comments: { id: number; body: string; html_url: string }[] = [
  { id: 11, body: 'Looks good to me', html_url: 'https://github.example/acme/shop/pull/7#issuecomment-11' },
];
let server: Server;
let api: string;
const cleanup: (() => void)[] = [];

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let data = '';
    req.on('data', (c: Buffer) => (data += c.toString()));
    req.on('end', () => resolve(data));
  });
}

before(async () => {
  buildCli();
  server = createServer(async (req, res) => {
    const text = await readBody(req);
    const entry: Recorded = { method: req.method!, url: req.url!, authorization: req.headers.authorization };
    if (text) entry.body = JSON.parse(text) as { body?: string };
    requests.push(entry);
    const send = (status: number, value: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(value));
    };
    if (req.headers.authorization !== 'Bearer test-token') return send(401, { message: 'Bad credentials' });
    const url = new URL(req.url!, 'http://x');
    if (req.method === 'GET' && url.pathname === '/repos/acme/shop/issues/7/comments') {
      const page = Number(url.searchParams.get('page') ?? 1);
      const per = Number(url.searchParams.get('per_page') ?? 30);
      return send(200, comments.slice((page - 1) * per, page * per));
    }
    if (req.method === 'POST' && url.pathname === '/repos/acme/shop/issues/7/comments') {
      const c = {
        id: 100 + comments.length,
        body: entry.body!.body!,
        html_url: `https://github.example/acme/shop/pull/7#issuecomment-${100 + comments.length}`,
      };
      comments.push(c);
      return send(201, c);
    }
    const patch = /^\/repos\/acme\/shop\/issues\/comments\/(\d+)$/.exec(url.pathname);
    if (req.method === 'PATCH' && patch) {
      const c = comments.find((x) => x.id === Number(patch[1]));
      if (!c) return send(404, { message: 'Not Found' });
      c.body = entry.body!.body!;
      return send(200, c);
    }
    send(404, { message: 'Not Found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  api = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => {
  server.closeAllConnections();
  server.close();
  cleanup.forEach((f) => f());
});

const BASE_MODEL = `team t {
  oncall "#t"
}
service catalog {
  owner t
  tier internal
  api catalog-api v1 rest
}
service orders {
  owner t
  tier internal
  calls catalog.catalog-api v1 {
    timeout 1s
    circuit-breaker
  }
}
`;

/** `origin` (bare, holding main) and a clone on a pull-request branch, one commit ahead. */
function pullRequest(prModel: string): { work: GitRepo; origin: string } {
  const seed = gitRepo({ 'architecture/shop.seams': BASE_MODEL });
  cleanup.push(seed.dispose);
  seed.commit('base');
  const origin = mkdtempSync(join(tmpdir(), 'seams-origin-'));
  cleanup.push(() => rmSync(origin, { recursive: true, force: true }));
  git(tmpdir(), 'clone', '-q', '--bare', seed.dir, origin);
  const workDir = mkdtempSync(join(tmpdir(), 'seams-work-'));
  rmSync(workDir, { recursive: true });
  // A shallow clone, as actions/checkout makes by default.
  git(tmpdir(), 'clone', '-q', '--depth', '1', `file://${origin}`, workDir);
  const work: GitRepo = {
    ...seed,
    dir: workDir,
    git: (...args) => git(workDir, ...args),
    dispose: () => rmSync(workDir, { recursive: true, force: true }),
  };
  cleanup.push(work.dispose);
  work.git('checkout', '-q', '-b', 'feature');
  writeFileSync(join(workDir, 'architecture', 'shop.seams'), prModel);
  work.git('commit', '-q', '-am', 'feature');
  return { work, origin };
}

function git(cwd: string, ...args: string[]): string {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, ...GIT_ENV } });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
}

function bash(script: string, cwd: string, env: NodeJS.ProcessEnv): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-e', '-c', script], { cwd, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** Runs the action's run-steps as GitHub would; returns the exit status of the last step run. */
async function runAction(
  work: GitRepo,
  inputs: Record<string, string> = {},
): Promise<{ failed?: string; outputs: Record<string, Record<string, string>>; logs: string }> {
  const temp = mkdtempSync(join(tmpdir(), 'seams-runner-'));
  cleanup.push(() => rmSync(temp, { recursive: true, force: true }));
  const event = join(temp, 'event.json');
  const head = work.git('rev-parse', 'HEAD');
  writeFileSync(event, JSON.stringify({ pull_request: { number: 7, head: { sha: head } } }));
  const input = (name: string): string => inputs[name] ?? action.inputs[name]?.default ?? '';
  const outputs: Record<string, Record<string, string>> = {};
  const context: Record<string, string> = {
    'github.token': 'test-token',
    'github.base_ref': 'main',
    'github.action_path': ROOT,
    'github.event_name': 'pull_request',
    'github.sha': 'f'.repeat(40),
    'github.event.pull_request.head.sha || github.sha': head,
    'runner.temp': temp,
  };
  const expression = (expr: string): string => {
    const e = expr.trim();
    if (e in context) return context[e]!;
    const inputName = /^inputs\.([\w-]+)$/.exec(e)?.[1];
    if (inputName) return expand(input(inputName));
    const out = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(e);
    if (out) return outputs[out[1]!]?.[out[2]!] ?? '';
    throw new Error(`the test does not know the expression \${{ ${e} }}`);
  };
  const expand = (text: string): string => text.replace(/\$\{\{(.*?)\}\}/g, (_, e: string) => expression(e));
  const condition = (text: string | undefined): boolean => {
    if (!text) return true;
    // The conditions the action uses: always() && a == 'x' && b != ''.
    return text.split('&&').every((part) => {
      const p = part.trim();
      if (p === 'always()') return true;
      const m = /^(.+?)\s*(==|!=)\s*'(.*)'$/.exec(p);
      if (!m) throw new Error(`the test cannot evaluate the condition ${p}`);
      const value = expression(m[1]!);
      return m[2] === '==' ? value === m[3] : value !== m[3];
    });
  };

  let logs = '';
  let failed: string | undefined;
  for (const step of action.runs.steps) {
    if (step.uses || !step.run || step.name === 'Build seams') continue;
    if (!condition(step.if)) continue;
    const outputFile = join(temp, `output-${step.id ?? 'x'}`);
    writeFileSync(outputFile, '');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...GIT_ENV,
      GITHUB_ACTIONS: 'true',
      GITHUB_ACTION_PATH: ROOT,
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: join(temp, 'summary.md'),
      GITHUB_API_URL: api,
      GITHUB_SERVER_URL: 'https://github.example',
      GITHUB_REPOSITORY: 'acme/shop',
      GITHUB_EVENT_PATH: event,
      GITHUB_SHA: context['github.sha'],
    };
    for (const [k, v] of Object.entries(step.env ?? {})) env[k] = expand(String(v));
    // Asynchronously: the stand-in API answers from this same process.
    const r = await bash(expand(step.run), work.dir, env);
    logs += `## ${step.name}\n${r.stdout}${r.stderr}`;
    outputs[step.id ?? ''] = Object.fromEntries(
      readFileSync(outputFile, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    );
    if (r.status !== 0) {
      failed = step.name;
      break;
    }
  }
  return { failed, outputs, logs };
}

test('action.yml is a composite action on Node 20 whose local files exist', () => {
  assert.equal(action.runs.using, 'composite');
  const setup = action.runs.steps.find((s) => s.uses?.startsWith('actions/setup-node@'));
  assert.equal(String(setup?.with?.['node-version']), '20');
  for (const s of action.runs.steps) for (const f of (s.run ?? '').match(/action\/[\w.-]+/g) ?? []) readFileSync(join(ROOT, f));
});

test('twice on a pull request: one comment created, then the same one updated; the job fails on a new error', async () => {
  const { work } = pullRequest(
    BASE_MODEL.replace('calls catalog.catalog-api v1', 'calls catalog.catalog-api v5').concat(
      'service billing {\n  owner t\n  tier internal\n}\n',
    ),
  );
  const statusBefore = work.git('status', '--porcelain');

  const first = await runAction(work);
  assert.equal(first.failed, 'Fail per fail-on', first.logs);
  assert.equal(first.outputs.base?.base, 'origin/main...');
  assert.equal(first.outputs.diff?.['exit-code'], '1');
  const sarif = JSON.parse(readFileSync(first.outputs.check!.sarif!, 'utf8')) as {
    runs: { results: { baselineState: string; ruleId: string }[] }[];
  };
  assert.ok(sarif.runs[0]!.results.some((r) => r.ruleId === 'version-not-provided' && r.baselineState === 'new'));
  assert.match(readFileSync(first.outputs.diff!.picture!, 'utf8'), /^<svg /);

  const writes = () => requests.filter((r) => r.method !== 'GET');
  assert.deepEqual(
    writes().map((r) => `${r.method} ${r.url}`),
    ['POST /repos/acme/shop/issues/7/comments'],
  );
  assert.ok(requests.every((r) => r.authorization === 'Bearer test-token'));
  const created = comments.find((c) => c.body.startsWith('<!-- seams-diff-report -->'))!;
  assert.match(created.body, /### Seams: architecture changes/);
  assert.match(created.body, /```mermaid/);
  assert.match(
    created.body,
    /\[architecture\/shop\.seams:\d+\]\(https:\/\/github\.example\/acme\/shop\/blob\/[0-9a-f]{40}\/architecture\/shop\.seams#L\d+\)/,
  );

  // The author fixes the call and pushes again.
  writeFileSync(
    join(work.dir, 'architecture', 'shop.seams'),
    readFileSync(join(work.dir, 'architecture', 'shop.seams'), 'utf8').replace('v5', 'v1'),
  );
  work.git('commit', '-q', '-am', 'fix the version');
  const second = await runAction(work);
  assert.equal(second.failed, undefined, second.logs);
  assert.deepEqual(
    writes().map((r) => `${r.method} ${r.url}`),
    ['POST /repos/acme/shop/issues/7/comments', `PATCH /repos/acme/shop/issues/comments/${created.id}`],
  );
  assert.equal(comments.filter((c) => c.body.startsWith('<!-- seams-diff-report -->')).length, 1, 'never a second comment');
  assert.doesNotMatch(comments.find((c) => c.id === created.id)!.body, /version-not-provided/);
  assert.equal(comments.find((c) => c.id === 11)!.body, 'Looks good to me', 'other comments are left alone');
  assert.equal(statusBefore, '');
  assert.equal(work.git('status', '--porcelain'), '', 'the action writes nothing into the working tree');
});

test('fail-on never passes the job even with a new error; the token problem is a warning, not a failure', async () => {
  const { work } = pullRequest(BASE_MODEL.replace('calls catalog.catalog-api v1', 'calls catalog.catalog-api v5'));
  const run = await runAction(work, { 'fail-on': 'never', 'github-token': 'wrong' });
  assert.equal(run.failed, undefined, run.logs);
  assert.match(run.logs, /::warning::seams: could not list the pull request comment \(HTTP 401\)/);
});
