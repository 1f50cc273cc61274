/**
 * `--format sarif`: valid against the official SARIF 2.1.0 JSON schema (shipped
 * in the npm package @microsoft/jest-sarif; draft-04, hence ajv-draft-04), plus
 * what GitHub code scanning relies on: rule ids and indexes, levels, relative
 * URIs under %SRCROOT%, 1-based regions in UTF-16 columns, and fingerprints that
 * survive lines moving.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { formatSarif } from '../../server/src/cli/format-sarif.js';
import { homepageUrl, repositoryFileUrl, repositoryUrl } from '../../server/src/cli/package-info.js';
import { unlinkRelative } from '../../server/src/cli/rule-help.js';
import { createReport } from '../../server/src/cli/report.js';
import { FIXED_CODES, type Diagnostic } from '../../server/src/core/diagnostics.js';
import { RULES } from '../../server/src/core/rules/registry.js';
import { buildCli, ROOT, runCli, tempTree } from './cli-harness.js';

const SCHEMA_PATH = join(ROOT, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

interface Region {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}
interface PhysicalLocation {
  physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: Region };
}
interface Result {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: PhysicalLocation[];
  relatedLocations?: (PhysicalLocation & { id: number; message: { text: string } })[];
  partialFingerprints: Record<string, string>;
}
interface Log {
  version: string;
  runs: {
    tool: {
      driver: {
        name: string;
        version: string;
        informationUri?: string;
        rules: {
          id: string;
          helpUri?: string;
          help: { text: string; markdown?: string };
          shortDescription: { text: string };
          defaultConfiguration: { level: string };
        }[];
      };
    };
    columnKind: string;
    results: Result[];
  }[];
}

function compileSchema() {
  // The SARIF schema is JSON Schema draft-04 (one of its patterns is not valid with
  // the `u` flag, hence unicodeRegExp: false); `uri` and friends need ajv-formats
  // so the format keywords are checked rather than ignored.
  // Both packages are CommonJS whose module object also carries itself as `.default`.
  const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats.default(ajv);
  return ajv.compile(JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as object);
}

const SHOP = 'service shop "🛒 shop" {\n  owner nobody\n}\n';
const { dir, dispose } = tempTree({
  'arch/shop.seams': SHOP,
  'arch/dup.seams': 'team t-team { oncall "#t" }\nteam t-team\n',
});
before(buildCli);
after(dispose);

function sarif(args: string[], cwd = dir): { status: number | null; log: Log } {
  const r = runCli(['check', '--format', 'sarif', ...args], { cwd });
  assert.equal(r.stderr, '');
  return { status: r.status, log: JSON.parse(r.stdout) as Log };
}

describe('schema', () => {
  const validate = compileSchema();
  const cases: [string, string[], string | undefined][] = [
    ['a fixture with errors and related locations', [], undefined],
    ['the examples', ['examples'], ROOT],
    ['a clean check', ['clean'], undefined],
  ];
  for (const [name, args, cwd] of cases) {
    test(name, () => {
      const clean = tempTree({ 'clean/ok.seams': 'team lone-team\n' });
      try {
        const r = runCli(['check', '--format', 'sarif', ...args], { cwd: cwd ?? (name === 'a clean check' ? clean.dir : dir) });
        assert.ok(r.status === 0 || r.status === 1, r.stderr);
        const log = JSON.parse(r.stdout) as Log;
        assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
      } finally {
        clean.dispose();
      }
    });
  }

  test('the validator does reject a broken log (so the passes above mean something)', () => {
    const { log } = sarif([]);
    const broken = structuredClone(log) as unknown as { runs: { results: { level: string }[] }[] };
    broken.runs[0].results[0].level = 'fatal';
    assert.equal(validate(broken), false);
  });
});

describe('formatSarif with related locations and fixes', () => {
  // Built by hand, so the mapping is tested whichever rules give related places or fixes today.
  const a = 'service a {\n  store shop-db postgres\n}\n';
  const b = 'service b {\n  store shop-db postgres\n}\n';
  const at = (text: string, needle: string) => text.indexOf(needle);
  const diagnostic: Diagnostic = {
    code: 'shared-database',
    severity: 'warning',
    message: 'a and b share store shop-db',
    location: { file: join('arch', 'a.seams'), start: at(a, 'shop-db'), end: at(a, 'shop-db') + 7 },
    related: [
      { message: 'b declares shop-db', location: { file: join('arch', 'b.seams'), start: at(b, 'shop-db'), end: at(b, 'shop-db') + 7 } },
    ],
    fixes: [
      {
        title: 'Rename the store',
        edits: [{ file: join('arch', 'a.seams'), start: at(a, 'shop-db'), end: at(a, 'shop-db') + 7, newText: 'a-db' }],
      },
    ],
  };
  const report = createReport(
    [
      { file: join('arch', 'a.seams'), text: a },
      { file: join('arch', 'b.seams'), text: b },
    ],
    [diagnostic, { ...diagnostic, severity: 'hint', code: 'not-in-the-catalog' }],
  );
  const log = JSON.parse(formatSarif(report, { cwd: '/work/somewhere' })) as Log & {
    runs: {
      results: {
        fixes?: {
          description: { text: string };
          artifactChanges: {
            artifactLocation: { uri: string };
            replacements: { deletedRegion: Region; insertedContent: { text: string } }[];
          }[];
        }[];
      }[];
    }[];
  };

  test('valid against the schema', () => {
    const validate = compileSchema();
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
  });

  test('related locations, fixes, hint as note, unknown codes still get a rule', () => {
    const [first, second] = log.runs[0].results;
    assert.equal(first.level, 'warning');
    assert.deepEqual(first.relatedLocations, [
      {
        id: 1,
        physicalLocation: {
          artifactLocation: { uri: 'arch/b.seams', uriBaseId: '%SRCROOT%' },
          region: { startLine: 2, startColumn: 9, endLine: 2, endColumn: 16 },
        },
        message: { text: 'b declares shop-db' },
      },
    ]);
    assert.deepEqual(first.fixes, [
      {
        description: { text: 'Rename the store' },
        artifactChanges: [
          {
            artifactLocation: { uri: 'arch/a.seams', uriBaseId: '%SRCROOT%' },
            replacements: [
              { deletedRegion: { startLine: 2, startColumn: 9, endLine: 2, endColumn: 16 }, insertedContent: { text: 'a-db' } },
            ],
          },
        ],
      },
    ]);
    assert.equal(second.level, 'note');
    assert.equal(log.runs[0].tool.driver.rules[second.ruleIndex].id, 'not-in-the-catalog');
  });
});

describe('what GitHub code scanning relies on', () => {
  test('driver: name, version, every rule and fixed code with its help inline and a level; no made-up links', () => {
    const { log } = sarif([]);
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs.length, 1);
    const driver = log.runs[0].tool.driver;
    assert.equal(driver.name, 'seams');
    assert.equal(driver.version, version);
    // package.json names no repository or homepage, so there is no address to link to.
    assert.equal(repositoryUrl(), undefined);
    assert.equal('informationUri' in driver, false);
    const ids = driver.rules.map((r) => r.id);
    assert.deepEqual(ids, [...FIXED_CODES, ...RULES.map((r) => r.code)]);
    for (const rule of driver.rules) {
      assert.ok(rule.shortDescription.text.length > 0, rule.id);
      assert.ok(['error', 'warning', 'note'].includes(rule.defaultConfiguration.level), rule.id);
      assert.equal(rule.helpUri, undefined, rule.id);
      const page = FIXED_CODES.includes(rule.id as never) ? /^## Fixed errors/ : new RegExp(`^# ${rule.id}\\n`);
      assert.match(rule.help.markdown ?? '', page, `${rule.id}: help.markdown is its rule page`);
      assert.doesNotMatch(rule.help.markdown ?? '', /\]\((?![a-z]+:)[^)#][^)]*\)/i, `${rule.id}: no relative links left`);
    }
    for (const r of RULES) {
      const level = driver.rules.find((d) => d.id === r.code)!.defaultConfiguration.level;
      assert.equal(level, r.defaultSeverity === 'error' ? 'error' : r.defaultSeverity === 'warning' ? 'warning' : 'note', r.code);
    }
  });

  test('links come from a real homepage or repository when package.json has one', () => {
    assert.equal(repositoryUrl({ repository: { url: 'git+https://github.com/acme/seams.git' } }), 'https://github.com/acme/seams');
    assert.equal(
      repositoryFileUrl('docs/rules/sync-cycle.md', { repository: 'https://github.com/acme/seams' }),
      'https://github.com/acme/seams/blob/main/docs/rules/sync-cycle.md',
    );
    assert.equal(homepageUrl({ homepage: 'https://seams.dev', repository: 'https://github.com/acme/seams' }), 'https://seams.dev');
    assert.equal(homepageUrl({ repository: 'github:acme/seams' }), undefined, 'a shorthand is no web address');
    assert.equal(repositoryFileUrl('x.md', {}), undefined);
  });

  test('a relative link or anchor in rule help keeps its text; web links stay', () => {
    assert.equal(
      unlinkRelative('see [the index](README.md) and [x](https://a.b/c) or [y](#z)'),
      'see the index and [x](https://a.b/c) or y',
    );
  });

  test('results: rule id and index agree, levels, relative URIs under %SRCROOT%, 1-based UTF-16 regions', () => {
    const { status, log } = sarif([]);
    assert.equal(status, 1);
    const run = log.runs[0];
    assert.equal(run.columnKind, 'utf16CodeUnits');
    assert.ok(run.results.length >= 2);
    for (const r of run.results) {
      assert.equal(run.tool.driver.rules[r.ruleIndex].id, r.ruleId);
      assert.ok(['error', 'warning', 'note'].includes(r.level));
      assert.ok(r.message.text.length > 0);
      for (const l of [...r.locations, ...(r.relatedLocations ?? [])]) {
        const { artifactLocation, region } = l.physicalLocation;
        assert.equal(artifactLocation.uriBaseId, '%SRCROOT%');
        assert.match(artifactLocation.uri, /^arch\/[a-z]+\.seams$/, 'relative, forward slashes');
        assert.ok(region.startLine >= 1 && region.startColumn >= 1 && region.endLine >= region.startLine);
      }
    }
    const owner = run.results.find((r) => r.ruleId === 'unresolved-reference')!;
    assert.equal(owner.level, 'error');
    assert.deepEqual(owner.locations[0].physicalLocation, {
      artifactLocation: { uri: 'arch/shop.seams', uriBaseId: '%SRCROOT%' },
      region: { startLine: 2, startColumn: 9, endLine: 2, endColumn: 15 },
    });
    assert.ok(
      run.results.some((r) => r.ruleId === 'duplicate-definition'),
      'the second team t-team',
    );
  });

  test('columns count UTF-16 code units', () => {
    const t = tempTree({ 'e.seams': 'service e "🚀" { owner ghost }\n' });
    try {
      const { log } = sarif([], t.dir);
      const region = log.runs[0].results.find((r) => r.ruleId === 'unresolved-reference')!.locations[0].physicalLocation.region;
      const line = 'service e "🚀" { owner ghost }';
      assert.equal(region.startColumn, line.indexOf('ghost') + 1);
      assert.equal(region.endColumn, line.indexOf('ghost') + 6);
    } finally {
      t.dispose();
    }
  });

  test('a path outside the working folder becomes an absolute file URI', () => {
    const { log } = sarif([join(dir, 'arch', 'shop.seams')], join(dir, 'arch', '..', '..'));
    const uri = log.runs[0].results[0].locations[0].physicalLocation.artifactLocation;
    assert.ok(uri.uri.endsWith('/arch/shop.seams'));
    // join(dir, '../..') is the temp root, which holds `dir`, so the path is still inside.
    assert.equal(uri.uriBaseId, '%SRCROOT%');
    const outside = tempTree({});
    try {
      const { log: far } = sarif([join(dir, 'arch', 'shop.seams')], outside.dir);
      const loc = far.runs[0].results[0].locations[0].physicalLocation.artifactLocation;
      assert.equal(loc.uriBaseId, undefined);
      assert.match(loc.uri, /^file:\/\/\/.*\/arch\/shop\.seams$/);
    } finally {
      outside.dispose();
    }
  });

  test('fingerprints: stable across runs and line moves, different per file and per repeat', () => {
    const t = tempTree({ 'a.seams': 'service a1 { owner ghost }\nservice a2 { owner ghost }\n', 'b.seams': 'service b { owner ghost }\n' });
    try {
      const prints = () =>
        sarif([], t.dir).log.runs[0].results.map((r) => ({
          file: r.locations[0].physicalLocation.artifactLocation.uri,
          print: Object.values(r.partialFingerprints)[0],
        }));
      const first = prints();
      assert.equal(first.length, 3);
      assert.deepEqual(prints(), first, 'same output, same fingerprints');
      assert.equal(new Set(first.map((p) => p.print)).size, 3, 'all distinct');
      // Lines inserted above the findings: the line numbers change, the fingerprints do not.
      writeFileSync(join(t.dir, 'a.seams'), '// moved\n\n\nservice a1 { owner ghost }\nservice a2 { owner ghost }\n');
      assert.deepEqual(prints(), first);
    } finally {
      t.dispose();
    }
  });
});
