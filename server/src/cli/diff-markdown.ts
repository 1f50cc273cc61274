/**
 * `seams diff --format markdown`: one pull-request comment. The counts, a
 * Mermaid flowchart of the changed services and their direct neighbours, the
 * changes, then the new and the fixed findings, each with `file:line`.
 *
 * - Inside GitHub Actions (GITHUB_ACTIONS=true with GITHUB_SERVER_URL and
 *   GITHUB_REPOSITORY) places become links to the file at the head commit
 *   (--head-sha, else SEAMS_HEAD_SHA, else GITHUB_SHA); a fixed finding links
 *   into the base commit when BASE was a revision.
 * - At most MAX_REPORT_CHARS characters (GitHub refuses comments over 65,536):
 *   when the lists do not fit, each is cut to a fair share of the room left and
 *   says how many entries it left out.
 * - Every string from the model is escaped for Markdown (and for HTML, which
 *   GitHub's Markdown allows), so a message cannot break the table or inject.
 */
import { spawnSync } from 'node:child_process';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { Diagnostic, Location } from '../core/diagnostics.js';
import { diffFlowchart, type DiffChart } from '../core/diff/diff-mermaid.js';
import type { Change } from '../core/diff/diff-models.js';
import { summaryParts, type DiffReport } from './diff-report.js';

export const MAX_REPORT_CHARS = 60_000;
/** A chart bigger than this would crowd out the lists; it is left out with a note. */
const MAX_CHART_CHARS = 25_000;

export interface GithubLinks {
  server: string;
  repository: string;
  headSha: string;
  /** The repository's top folder: file names are made relative to it. */
  root: string;
  /** The folder file names are relative to. */
  cwd: string;
}

export interface MarkdownOptions {
  links?: GithubLinks;
  /** Room for the whole report (default MAX_REPORT_CHARS). */
  maxChars?: number;
}

/** Link settings when running in GitHub Actions with enough to build links; otherwise undefined. */
export function githubLinksFromEnv(env: NodeJS.ProcessEnv, cwd: string, headSha?: string): GithubLinks | undefined {
  if (env.GITHUB_ACTIONS !== 'true') return undefined;
  const server = env.GITHUB_SERVER_URL?.replace(/\/+$/, '');
  const repository = env.GITHUB_REPOSITORY;
  const sha = headSha || env.SEAMS_HEAD_SHA || env.GITHUB_SHA;
  if (!server || !repository || !sha) return undefined;
  const top = spawnSync('git', ['rev-parse', '--show-toplevel'], { cwd, encoding: 'utf8' });
  const root = top.status === 0 ? top.stdout.trim() : env.GITHUB_WORKSPACE || cwd;
  return { server, repository, headSha: sha, root, cwd };
}

// A no-break space keeps the mark and its word on one line in a narrow column.
const CHANGE_MARK: Record<Change['change'], string> = { added: '🟢\u00a0added', removed: '🔴\u00a0removed', changed: '🟡\u00a0changed' };
const SEVERITY_MARK: Record<Diagnostic['severity'], string> = {
  error: '⛔\u00a0error',
  warning: '⚠️\u00a0warning',
  info: 'ℹ️\u00a0info',
  hint: '💡\u00a0hint',
};
const SEVERITY_ORDER: Record<Diagnostic['severity'], number> = { error: 0, warning: 1, info: 2, hint: 3 };

/** Worst first; the order of the check (file, position) within a severity. */
export function bySeverity(list: readonly Diagnostic[]): Diagnostic[] {
  return list
    .map((d, i) => [d, i] as const)
    .sort((a, b) => SEVERITY_ORDER[a[0].severity] - SEVERITY_ORDER[b[0].severity] || a[1] - b[1])
    .map(([d]) => d);
}

export function formatDiffMarkdown(report: DiffReport, options: MarkdownOptions = {}): string {
  const max = options.maxChars ?? MAX_REPORT_CHARS;
  const { changes, findings } = report.diff;
  const base = report.base.commit ? `\`${md(report.base.label)}\` (${report.base.commit.slice(0, 12)})` : `\`${md(report.base.label)}\``;

  const head: string[] = [
    '### Seams: architecture changes',
    '',
    `Compared with ${base}: ${summaryParts(report)
      .map((p) => `**${p.count}**${p.detail ? ` (${p.detail})` : ''}`)
      .join(' · ')}.`,
    '',
  ];
  const chart = diffFlowchart(report.before.model, report.after.model, report.diff);
  head.push(...chartSection(chart));

  const place = (location: Location, old: boolean): string => {
    const line = report.regionOf(location, old).line;
    const text = `${location.file}:${line}`;
    const url = linkTo(options.links, location.file, line, old ? report.base.commit : options.links?.headSha);
    return url ? `[${md(text)}](${url})` : md(text);
  };

  const changeRows = changes.map(
    (c) =>
      `| ${CHANGE_MARK[c.change]} | ${c.kind} | ${code(c.id)} | ${place(c.location, c.change === 'removed')} | ${c.details.map(md).join('<br>')} |`,
  );
  const findingRow = (d: Diagnostic, old: boolean) =>
    `| ${SEVERITY_MARK[d.severity]} | ${code(d.code)} | ${md(d.message)} | ${place(d.location, old)} |`;
  const newRows = bySeverity(findings.new).map((d) => findingRow(d, false));
  const fixedRows = bySeverity(findings.fixed).map((d) => findingRow(d, true));

  const sections = [
    {
      title: 'Changes',
      header: '| Change | Kind | Element | Where | What changed |\n| --- | --- | --- | --- | --- |',
      rows: changeRows,
      noun: 'changes',
    },
    {
      title: 'New findings',
      header: '| Severity | Code | Message | Where |\n| --- | --- | --- | --- |',
      rows: newRows,
      noun: 'new findings',
    },
    {
      title: 'Fixed findings',
      header: '| Severity | Code | Message | Where (base) |\n| --- | --- | --- | --- |',
      rows: fixedRows,
      noun: 'fixed findings',
    },
  ].filter((s) => s.rows.length > 0);

  let fixed = head.join('\n').length + 200;
  for (const s of sections) fixed += s.title.length + s.header.length + 200;
  const shares = fairShares(
    sections.map((s) => s.rows.reduce((n, r) => n + r.length + 1, 0)),
    Math.max(0, max - fixed),
  );

  const out = [...head];
  if (changes.length === 0 && findings.new.length === 0 && findings.fixed.length === 0) {
    out.push('No architecture changes and no change in findings.');
  }
  sections.forEach((s, i) => {
    out.push(`#### ${s.title} (${s.rows.length})`, '', s.header);
    let used = 0;
    let shown = 0;
    for (const row of s.rows) {
      if (used + row.length + 1 > shares[i]!) break;
      out.push(row);
      used += row.length + 1;
      shown++;
    }
    out.push('');
    if (shown < s.rows.length) {
      out.push(
        `_…and ${s.rows.length - shown} more ${s.noun} not shown (the report is limited to ${max.toLocaleString('en-US')} characters; run \`seams diff\` for all)._`,
        '',
      );
    }
  });
  return `${out.join('\n').trimEnd()}\n`;
}

function chartSection(chart: DiffChart): string[] {
  if (chart.text === '') return [];
  if (chart.text.length > MAX_CHART_CHARS) {
    return [
      `_The flowchart of the ${chart.services} changed services and their neighbours is too large for a comment; see the diff picture._`,
      '',
    ];
  }
  const lines = ['```mermaid', chart.text, '```', ''];
  const legend = 'Green: added · red, dashed: removed · amber: changed · plain: unchanged neighbour';
  lines.push(chart.omitted > 0 ? `<sub>${legend}. ${chart.omitted} more services are not drawn.</sub>` : `<sub>${legend}.</sub>`, '');
  return lines;
}

/** Water-filling: small lists get all they need, the rest share what is left equally. */
export function fairShares(needs: readonly number[], room: number): number[] {
  const shares = needs.map(() => 0);
  const order = needs.map((n, i) => [n, i] as const).sort((a, b) => a[0] - b[0]);
  let left = room;
  order.forEach(([need, i], k) => {
    const fair = Math.floor(left / (order.length - k));
    shares[i] = Math.min(need, fair);
    left -= shares[i]!;
  });
  return shares;
}

function linkTo(links: GithubLinks | undefined, file: string, line: number, sha: string | undefined): string | undefined {
  if (!links || !sha) return undefined;
  const path = relative(links.root, resolve(links.cwd, file));
  if (path === '' || path.startsWith('..') || isAbsolute(path)) return undefined;
  const encoded = path.split(sep).map(encodeURIComponent).join('/');
  return `${links.server}/${links.repository}/blob/${sha}/${encoded}#L${line}`;
}

/** Inline code: identifiers never hold a backtick, but a stray one must not end the span. */
function code(text: string): string {
  return `\`${text.replace(/`/g, 'ˋ').replace(/\|/g, '\\|')}\``;
}

/** Plain text for a Markdown table cell: Markdown and HTML characters escaped, one line. */
export function md(text: string): string {
  return text
    .replace(/[\\`*_{}[\]()#+!|~]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\r\n]+/g, ' ');
}
