/**
 * `--format sarif`: SARIF 2.1.0 shaped for GitHub code scanning.
 *
 * - `tool.driver.rules` lists every code Seams can report (fixed errors and
 *   rules), each with descriptions, a help link and its default level; results
 *   point into that list by `ruleId` and `ruleIndex`.
 * - Levels: error → `error`, warning → `warning`, info and hint → `note`.
 * - Locations are relative URIs with forward slashes under `%SRCROOT%` (the
 *   folder the command ran in, which in CI is the repository root), regions are
 *   1-based with columns in UTF-16 code units (`columnKind` says so) and the end
 *   column just after the last character.
 * - `partialFingerprints` hashes code, file and message (not the line), so an
 *   alert keeps its identity when lines above it move; repeats of the same
 *   triple in one file are numbered in order.
 */
import { createHash } from 'node:crypto';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, Fix, Location, Severity } from '../core/diagnostics.js';
import { homepageUrl, TOOL_NAME, TOOL_VERSION } from './package-info.js';
import type { CheckReport, Region } from './report.js';
import { ruleCatalog, type CatalogEntry } from './rule-catalog.js';
import { ruleHelpMarkdown } from './rule-help.js';

const SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
const SOURCE_ROOT = '%SRCROOT%';
const FINGERPRINT_KEY = 'seamsResultHash/v1';

type Level = 'error' | 'warning' | 'note';

export function sarifLevel(severity: Severity): Level {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note';
}

export interface SarifOptions {
  cwd?: string;
  /** With `check --baseline`: whether each result is `new` or was there before (SARIF's `baselineState`). */
  baselineState?: (diagnostic: Diagnostic) => 'new' | 'unchanged';
}

export function formatSarif(report: CheckReport, options: SarifOptions = {}): string {
  const cwd = options.cwd ?? process.cwd();
  const catalog = ruleCatalog();
  // A code missing from the catalog (a rule added without updating it) still
  // gets a descriptor, so every ruleIndex points at a real entry.
  for (const d of report.diagnostics) {
    if (!catalog.some((e) => e.code === d.code)) {
      catalog.push({ code: d.code, summary: d.code, defaultSeverity: d.severity });
    }
  }
  const ruleIndex = new Map(catalog.map((e, i) => [e.code, i]));
  const seen = new Map<string, number>();

  const results = report.diagnostics.map((d) => {
    const key = `${d.code}\u0000${d.location.file}\u0000${d.message}`;
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    return {
      ruleId: d.code,
      ruleIndex: ruleIndex.get(d.code)!,
      level: sarifLevel(d.severity),
      message: { text: d.message },
      locations: [location(report, d.location, cwd)],
      ...(d.related && d.related.length > 0
        ? {
            relatedLocations: d.related.map((r, i) => ({
              id: i + 1,
              ...location(report, r.location, cwd),
              message: { text: r.message },
            })),
          }
        : {}),
      partialFingerprints: { [FINGERPRINT_KEY]: fingerprint(key, occurrence) },
      ...(options.baselineState ? { baselineState: options.baselineState(d) } : {}),
      ...fixesOf(report, d, cwd),
    };
  });

  const information = homepageUrl();
  const log = {
    $schema: SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            version: TOOL_VERSION,
            semanticVersion: TOOL_VERSION,
            // Only a real address: GitHub shows it as a link, and a placeholder would mislead.
            ...(information ? { informationUri: information } : {}),
            rules: catalog.map(descriptor),
          },
        },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function descriptor(entry: CatalogEntry) {
  // The help travels inline (GitHub shows help.markdown beside an alert); a link is added
  // only when the package has a real web address.
  const markdown = ruleHelpMarkdown(entry.code, entry.fixed);
  const text = entry.rationale ? `${entry.summary} ${entry.rationale}` : entry.summary;
  return {
    id: entry.code,
    name: pascalCase(entry.code),
    shortDescription: { text: entry.summary },
    fullDescription: { text: entry.rationale ?? entry.summary },
    ...(entry.helpUri ? { helpUri: entry.helpUri } : {}),
    help: { text: entry.helpUri ? `${text} See ${entry.helpUri}` : text, ...(markdown ? { markdown } : {}) },
    defaultConfiguration: { level: sarifLevel(entry.defaultSeverity) },
  };
}

function location(report: CheckReport, loc: Location, cwd: string) {
  return {
    physicalLocation: {
      artifactLocation: artifact(loc.file, cwd),
      region: region(report.regionOf(loc)),
    },
  };
}

function region(r: Region) {
  return { startLine: r.line, startColumn: r.column, endLine: r.endLine, endColumn: r.endColumn };
}

/** The result's `fixes`, built only here: text and JSON output never build them. */
function fixesOf(report: CheckReport, d: Diagnostic, cwd: string): { fixes?: ReturnType<typeof fix>[] } {
  const fixes = report.fixesOf(d);
  return fixes.length > 0 ? { fixes: fixes.map((f) => fix(report, f, cwd)) } : {};
}

function fix(report: CheckReport, f: Fix, cwd: string) {
  const byFile = new Map<string, Fix['edits']>();
  for (const e of f.edits) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
  return {
    description: { text: f.title },
    artifactChanges: [...byFile].map(([file, edits]) => ({
      artifactLocation: artifact(file, cwd),
      replacements: edits.map((e) => ({
        deletedRegion: region(report.regionOf(e)),
        insertedContent: { text: e.newText },
      })),
    })),
  };
}

/**
 * A path under the working folder becomes a relative URI against `%SRCROOT%`;
 * one outside it (or on another drive) can only be an absolute file URI.
 */
function artifact(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  const rel = relative(cwd, resolve(cwd, file));
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return { uri: pathToFileURL(resolve(cwd, file)).href };
  return { uri: rel.split(sep).map(encodeURIComponent).join('/'), uriBaseId: SOURCE_ROOT };
}

function fingerprint(key: string, occurrence: number): string {
  return `${createHash('sha256').update(key).digest('hex').slice(0, 32)}:${occurrence + 1}`;
}

function pascalCase(code: string): string {
  return code
    .split('-')
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1))
    .join('');
}
