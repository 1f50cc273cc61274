#!/usr/bin/env node
/**
 * Writes a Markdown file as ONE sticky comment on a pull request, through
 * GitHub's REST API: the first run creates the comment, every later run
 * updates that same comment in place, so a pull request never collects a
 * pile of reports. The comment is found again by a hidden marker line
 * (`<!-- seams-diff-report -->`) at the top of its body.
 *
 *   node sticky-comment.mjs REPORT.md
 *
 * Environment: GITHUB_TOKEN (needs `pull-requests: write`), GITHUB_REPOSITORY
 * (`owner/name`), GITHUB_API_URL (default https://api.github.com; GitHub
 * Enterprise sets its own), and the pull request's number from
 * SEAMS_PR_NUMBER or the event payload at GITHUB_EVENT_PATH.
 *
 * Plain JavaScript for Node 20 (global fetch), no dependencies: the action runs
 * it as it is. A refusal by the API (a fork's read-only token) is a warning,
 * not a failure: whether the job fails is `--fail-on`'s decision.
 */
import { readFileSync } from 'node:fs';

const MARKER = process.env.SEAMS_COMMENT_MARKER || '<!-- seams-diff-report -->';
const PER_PAGE = 100;

async function main() {
  const reportPath = process.argv[2];
  if (!reportPath) return fail('usage: sticky-comment.mjs REPORT.md');
  const token = process.env.GITHUB_TOKEN;
  const repository = process.env.GITHUB_REPOSITORY;
  const api = (process.env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '');
  const number = pullRequestNumber();
  if (!number) {
    console.log('seams: not a pull request (no number in SEAMS_PR_NUMBER or the event); no comment written');
    return 0;
  }
  if (!token) return fail('GITHUB_TOKEN is not set; cannot write the pull request comment');
  if (!repository || !/^[^/]+\/[^/]+$/.test(repository)) return fail('GITHUB_REPOSITORY is not set as owner/name');

  const body = `${MARKER}\n${readFileSync(reportPath, 'utf8')}`;
  const headers = {
    Accept: 'application/vnd.github+json',
    Authorization: `Bearer ${token}`,
    'X-GitHub-Api-Version': '2022-11-28',
    'User-Agent': 'seams-action',
    'Content-Type': 'application/json',
  };
  const base = `${api}/repos/${repository}`;

  const existing = await findComment(`${base}/issues/${number}/comments`, headers);
  if (existing === undefined) return 0;
  const response = existing
    ? await fetch(`${base}/issues/comments/${existing.id}`, { method: 'PATCH', headers, body: JSON.stringify({ body }) })
    : await fetch(`${base}/issues/${number}/comments`, { method: 'POST', headers, body: JSON.stringify({ body }) });
  if (!response.ok) return refused(existing ? 'update' : 'create', response);
  const comment = await response.json();
  console.log(`seams: ${existing ? 'updated' : 'created'} the report comment ${comment.html_url ?? comment.id}`);
  return 0;
}

/** The first comment carrying the marker, null when there is none, undefined when the API refused. */
async function findComment(url, headers) {
  for (let page = 1; ; page++) {
    const response = await fetch(`${url}?per_page=${PER_PAGE}&page=${page}`, { headers });
    if (!response.ok) {
      await refused('list', response);
      return undefined;
    }
    const comments = await response.json();
    const found = comments.find((c) => typeof c.body === 'string' && c.body.startsWith(MARKER));
    if (found) return found;
    if (comments.length < PER_PAGE) return null;
  }
}

function pullRequestNumber() {
  if (process.env.SEAMS_PR_NUMBER) return Number(process.env.SEAMS_PR_NUMBER) || undefined;
  const path = process.env.GITHUB_EVENT_PATH;
  if (!path) return undefined;
  try {
    const event = JSON.parse(readFileSync(path, 'utf8'));
    return event.pull_request?.number ?? (event.issue?.pull_request ? event.issue.number : undefined);
  } catch {
    return undefined;
  }
}

async function refused(what, response) {
  const text = (await response.text()).replace(/\s+/g, ' ').slice(0, 200);
  // A workflow command: shown as a warning on the run's summary.
  console.log(`::warning::seams: could not ${what} the pull request comment (HTTP ${response.status}): ${text}`);
  return 0;
}

function fail(message) {
  process.stderr.write(`seams: ${message}\n`);
  return 2;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`seams: cannot write the pull request comment: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
