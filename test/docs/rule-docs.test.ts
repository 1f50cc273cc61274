/**
 * docs/rules/: one page per anti-pattern rule, and every example in them is
 * real Seams. Each ```seams block must parse; the page's failing example must
 * produce its code and its passing example must not; the examples are already
 * in the formatter's layout; and each page's stated severity and threshold
 * match the rule registry.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { checkSources, fixesOf } from '../../server/src/core/check.js';
import { FIXED_CODES } from '../../server/src/core/diagnostics.js';
import { formatSeams } from '../../server/src/core/format/format.js';
import { RULES } from '../../server/src/core/rules/registry.js';
import { parseSeams } from '../../server/src/core/syntax/parse.js';
import { RULE_TABLE } from '../rules/rule-table.js';

const docs = join(import.meta.dirname, '..', '..', 'docs', 'rules');

/** The contract's table, in its order; cross-checked against the registry below. */
const CODES = RULE_TABLE;

interface SeamsBlock {
  /** The `##` heading the block stands under. */
  section: string;
  text: string;
}

function seamsBlocks(markdown: string): SeamsBlock[] {
  const blocks: SeamsBlock[] = [];
  let section = '';
  let open: string[] | undefined;
  for (const line of markdown.split('\n')) {
    if (open) {
      if (line.trimEnd() === '```') {
        blocks.push({ section, text: open.join('\n') + '\n' });
        open = undefined;
      } else open.push(line);
    } else if (line.startsWith('## ')) section = line.slice(3).trim();
    else if (line.trim() === '```seams') open = [];
  }
  assert.equal(open, undefined, 'a ```seams block is not closed');
  return blocks;
}

const page = (code: string) => readFileSync(join(docs, `${code}.md`), 'utf8');
const only = (blocks: SeamsBlock[], section: string, code: string) => {
  const found = blocks.filter((b) => b.section === section);
  assert.equal(found.length, 1, `${code}.md needs exactly one seams block under "## ${section}"`);
  return found[0].text;
};
const codesFound = (text: string) => checkSources([{ file: 'example.seams', text }]).diagnostics.map((d) => d.code);

describe('rule documentation', () => {
  test('the registry, once filled, has exactly the documented rules', () => {
    if (RULES.length === 0) {
      assert.ok(!process.env.CI, 'the rule registry is empty');
      console.log('SKIP: rules/registry.ts is still empty; registry cross-check not run');
      return;
    }
    const registry = RULES.map((r) => ({ code: r.code, severity: r.defaultSeverity, max: r.defaultMax }));
    const expected = CODES.map((c) => ({ code: c.code, severity: c.severity, max: c.max }));
    const byCode = (a: { code: string }, b: { code: string }) => a.code.localeCompare(b.code);
    assert.deepEqual([...registry].sort(byCode), [...expected].sort(byCode));
  });

  test('every page in docs/rules/ is for a known rule', () => {
    const pages = readdirSync(docs).filter((f) => f.endsWith('.md') && f !== 'README.md');
    assert.deepEqual(pages.sort(), CODES.map((c) => `${c.code}.md`).sort());
  });

  test('the README lists every rule with its severity and threshold', () => {
    const readme = readFileSync(join(docs, 'README.md'), 'utf8');
    for (const { code, severity, max } of CODES) {
      const row = readme.split('\n').find((l) => l.startsWith(`| [\`${code}\`](${code}.md) |`));
      assert.ok(row, `no README row for ${code}`);
      const cells = row.split('|').map((c) => c.trim());
      assert.equal(cells[2], severity, `${code} severity in the README`);
      assert.equal(cells[3], max === undefined ? '—' : `\`max ${max}\``, `${code} threshold in the README`);
    }
    for (const fixed of FIXED_CODES) assert.ok(readme.includes(`**\`${fixed}\`**`), `README misses fixed error ${fixed}`);
  });

  test("every seams block in docs/rules/ parses, and is in the formatter's layout", () => {
    for (const file of readdirSync(docs).filter((f) => f.endsWith('.md'))) {
      const blocks = seamsBlocks(readFileSync(join(docs, file), 'utf8'));
      assert.ok(blocks.length > 0, `${file} has no seams example`);
      for (const { text } of blocks) {
        const syntax = parseSeams(text, file).diagnostics.map((d) => d.message);
        assert.deepEqual(syntax, [], `${file}: a seams block does not parse:\n${text}`);
        assert.equal(formatSeams(text), text, `${file}: a seams block is not formatted:\n${text}`);
      }
    }
  });

  for (const { code, severity, max } of CODES) {
    describe(code, () => {
      test('page exists with its title, severity and threshold', () => {
        assert.ok(existsSync(join(docs, `${code}.md`)), `docs/rules/${code}.md is missing`);
        const text = page(code);
        assert.ok(text.startsWith(`# ${code}\n`), 'the title must be the code');
        assert.ok(text.includes(`**Default severity:** ${severity}\n`), 'default severity');
        assert.ok(text.includes(`**Threshold:** ${max === undefined ? 'none' : `\`max ${max}\` by default`}\n`), 'threshold');
        for (const section of [
          'What it reports',
          'Why it matters',
          'Failing example',
          'Passing example',
          'Quick fixes',
          'Configuration',
          'Suppression',
        ]) {
          assert.ok(text.includes(`\n## ${section}\n`), `section "${section}" is missing`);
        }
        assert.ok(text.includes(`// seams-ignore ${code}`), 'the suppression is not shown');
        const showsMax = seamsBlocks(text).some((b) => b.text.includes(`  ${code} max `) || b.text.includes(`  ${code} info max `));
        assert.equal(showsMax, max !== undefined, 'a `max` example shown exactly when the rule has a threshold');
      });

      test('its examples are complete models: no fixed error', () => {
        const blocks = seamsBlocks(page(code));
        for (const section of ['Failing example', 'Passing example']) {
          const fixed = codesFound(only(blocks, section, code)).filter((c) => (FIXED_CODES as readonly string[]).includes(c));
          assert.deepEqual(fixed, [], `${section} of ${code}`);
        }
      });

      test('the failing example triggers the rule and the passing one does not', () => {
        if (!RULES.some((r) => r.code === code)) {
          assert.ok(!process.env.CI, `rule ${code} is not in the registry`);
          console.log(`SKIP: rule ${code} is not registered yet; its examples were not checked against it`);
          return;
        }
        const blocks = seamsBlocks(page(code));
        assert.ok(codesFound(only(blocks, 'Failing example', code)).includes(code), `the failing example does not trigger ${code}`);
        assert.ok(!codesFound(only(blocks, 'Passing example', code)).includes(code), `the passing example triggers ${code}`);
      });

      test('the page names every quick fix the failing example offers, and no others', () => {
        if (!RULES.some((r) => r.code === code)) return; // reported by the test above
        const text = page(code);
        const failing = only(seamsBlocks(text), 'Failing example', code);
        const quickFixes = text.slice(text.indexOf('\n## Quick fixes\n'), text.indexOf('\n## Configuration\n'));
        const checked = checkSources([{ file: 'example.seams', text: failing }]);
        const titles = checked.diagnostics.filter((d) => d.code === code).flatMap((d) => fixesOf(d, checked.model).map((f) => f.title));
        for (const title of new Set(titles)) assert.ok(quickFixes.includes(title), `the page does not mention the fix "${title}"`);
        // One bullet is the suppression; any other bullet promises a fix the example must show.
        const bullets = quickFixes.split('\n').filter((l) => l.startsWith('- ')).length;
        const repairs = new Set(titles.filter((t) => !t.startsWith('Suppress ')));
        assert.equal(bullets > 1, repairs.size > 0, 'documented repairs and offered repairs disagree');
      });
    });
  }
});
