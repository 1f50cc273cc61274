/**
 * What the fixes write: the exact text after applying them, so that the
 * user's layout (one-line or multi-line policies, indentation, CRLF, tabs) is
 * kept and the suggested values are the ones the contract asks for.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkSources, fixesOf } from '../../server/src/core/check.js';
import type { Diagnostic } from '../../server/src/core/diagnostics.js';
import { applyEdits } from './apply-edits.js';

const TEAM = 'team t {\n  oncall "#t"\n}\n';

/** The `code` diagnostics of a one-file model, each with its fixes built. */
function diagnostics(text: string, code: string): Diagnostic[] {
  const { diagnostics: all, model } = checkSources([{ file: 'f.seams', text }]);
  return all.filter((d) => d.code === code).map((d) => ({ ...d, fixes: fixesOf(d, model) }));
}

/** The text after applying the fix titled `title` of the only `code` diagnostic (or of the one at `index`). */
function fixed(text: string, code: string, title: string, index = 0): string {
  const d = diagnostics(text, code)[index];
  assert.ok(d, `no ${code} diagnostic in:\n${text}`);
  const fix = d.fixes?.find((f) => f.title === title);
  assert.ok(fix, `no fix "${title}" on ${code}; offered: ${d.fixes?.map((f) => f.title).join(' | ')}`);
  return applyEdits(text, fix.edits);
}

const titles = (text: string, code: string) => diagnostics(text, code)[0].fixes!.map((f) => `${f.preferred ? '*' : ''}${f.title}`);

describe('policy fixes keep the layout', () => {
  const svc = (call: string) => `${TEAM}service b {\n  owner t\n  api b-api v1\n}\nservice a {\n  owner t\n${call}\n}\n`;

  test('a call without a block gets one', () => {
    assert.equal(
      fixed(svc('  calls b.b-api v1 { timeout 1s }'), 'missing-circuit-breaker', 'Add circuit-breaker to the call'),
      svc('  calls b.b-api v1 { timeout 1s circuit-breaker }'),
    );
    assert.equal(
      fixed(svc('  calls b.b-api v1'), 'missing-timeout', 'Add timeout 1s to the call'),
      svc('  calls b.b-api v1 { timeout 1s }'),
    );
  });

  test('an empty block is filled on its line', () => {
    assert.equal(
      fixed(svc('  calls b.b-api v1 {} // later'), 'missing-circuit-breaker', 'Add circuit-breaker to the call'),
      svc('  calls b.b-api v1 { circuit-breaker } // later'),
    );
  });

  test('a multi-line block gets a line indented like its entries, after any trailing comment', () => {
    const before = svc('  calls b.b-api v1 {\n      timeout 1s // generous\n  }');
    assert.equal(
      fixed(before, 'missing-circuit-breaker', 'Add circuit-breaker to the call'),
      svc('  calls b.b-api v1 {\n      timeout 1s // generous\n      circuit-breaker\n  }'),
    );
  });

  test('an empty multi-line block gets one level deeper than the call', () => {
    assert.equal(
      fixed(svc('  calls b.b-api v1 {\n  }'), 'missing-timeout', 'Add timeout 1s to the call'),
      svc('  calls b.b-api v1 {\n    timeout 1s\n  }'),
    );
  });

  test('CRLF and tabs are kept', () => {
    const before =
      `${TEAM}service b {\n\towner t\n\tapi b-api v1\n}\nservice a {\n\towner t\n\tcalls b.b-api v1 {\n\t\ttimeout 1s\n\t}\n}\n`.replace(
        /\n/g,
        '\r\n',
      );
    const after = fixed(before, 'missing-circuit-breaker', 'Add circuit-breaker to the call');
    assert.equal(after, before.replace('\t\ttimeout 1s\r\n', '\t\ttimeout 1s\r\n\t\tcircuit-breaker\r\n'));
  });

  test('the proposed timeout covers what the callee itself may take', () => {
    const text = `${TEAM}service c {\n  owner t\n  api c-api v1\n}\nservice b {\n  owner t\n  api b-api v1\n  calls c.c-api v1 { timeout 2s retry 1 backoff exponential circuit-breaker }\n}\nservice a {\n  owner t\n  calls b.b-api v1 { circuit-breaker }\n}\n`;
    assert.ok(fixed(text, 'missing-timeout', 'Add timeout 4s to the call').includes('calls b.b-api v1 { circuit-breaker timeout 4s }'));
  });

  test('backoff: added after the count, none replaced, a retry from defaults given its own', () => {
    const text = (call: string, defaults = '') =>
      `${TEAM}system s {\n  defaults {\n    timeout 1s\n    circuit-breaker\n${defaults}  }\n  service b {\n    owner t\n    api b-api v1\n  }\n  service a {\n    owner t\n    ${call}\n  }\n}\n`;
    assert.equal(
      fixed(text('calls b.b-api v1 { retry 2 }'), 'retry-without-backoff', 'Add backoff exponential to the retry'),
      text('calls b.b-api v1 { retry 2 backoff exponential }'),
    );
    assert.equal(
      fixed(text('calls b.b-api v1 { retry 2 backoff none }'), 'retry-without-backoff', 'Add backoff exponential to the retry'),
      text('calls b.b-api v1 { retry 2 backoff exponential }'),
    );
    const fromDefaults = text('calls b.b-api v1', '    retry 3\n');
    assert.equal(
      fixed(fromDefaults, 'retry-without-backoff', 'Add backoff exponential to the retry'),
      text('calls b.b-api v1 { retry 3 backoff exponential }', '    retry 3\n'),
    );
  });
});

describe('contract fixes', () => {
  const provider = `${TEAM}service p {\n  owner t\n  api orders-api v1 v2 v1.10\n  api admin-api v3\n  event placed v2 v1\n}\n`;
  const consumer = (line: string) => `${provider}service c {\n  owner t\n  ${line}\n}\n`;

  test('unpinned-version pins the newest offered version (numerically)', () => {
    assert.deepEqual(titles(consumer('calls p.orders-api { timeout 1s circuit-breaker }'), 'unpinned-version'), [
      '*Pin version v2',
      'Suppress unpinned-version with seams-ignore',
    ]);
    assert.equal(fixed(consumer('subscribes p.placed'), 'unpinned-version', 'Pin version v2'), consumer('subscribes p.placed v2'));
  });

  test('version-not-provided offers every offered version, newest first and preferred', () => {
    const text = consumer('calls p.orders-api v3 { timeout 1s circuit-breaker }');
    assert.deepEqual(titles(text, 'version-not-provided'), [
      '*Use version v2',
      'Use version v1.10',
      'Use version v1',
      'Suppress version-not-provided with seams-ignore',
    ]);
    assert.equal(
      fixed(text, 'version-not-provided', 'Use version v1.10'),
      consumer('calls p.orders-api v1.10 { timeout 1s circuit-breaker }'),
    );
  });

  test('implicit-contract names each api, pinned to its newest version', () => {
    const text = consumer('calls p { timeout 1s circuit-breaker }');
    assert.deepEqual(titles(text, 'implicit-contract'), [
      'Call p.orders-api v2',
      'Call p.admin-api v3',
      'Suppress implicit-contract with seams-ignore',
    ]);
    assert.equal(fixed(text, 'implicit-contract', 'Call p.admin-api v3'), consumer('calls p.admin-api v3 { timeout 1s circuit-breaker }'));
  });

  test('unversioned-contract adds v1 after the name, before the protocol', () => {
    const text = `${TEAM}service p {\n  owner t\n  api orders-api rest\n}\n`;
    assert.equal(fixed(text, 'unversioned-contract', 'Add version v1'), text.replace('orders-api rest', 'orders-api v1 rest'));
  });
});

describe('missing-owner fixes', () => {
  const text = [
    'team web-team {\n  oncall "#w"\n}\nteam data-team {\n  oncall "#d"\n}\nteam ops-team {\n  oncall "#o"\n}\n',
    'system shop {\n  service web {\n    owner web-team\n    api web-api v1\n    calls cart.cart-api v1 { timeout 1s circuit-breaker }\n  }\n',
    '  service cart {\n    // the cart\n    api cart-api v1\n    calls stock.stock-api v1 { timeout 1s circuit-breaker }\n  }\n',
    '  service stock {\n    owner data-team\n    api stock-api v1\n  }\n  service pay {\n    owner web-team\n    api pay-api v1\n  }\n}\n',
  ].join('');

  test('the team owning most neighbours comes first and is preferred, the other teams follow', () => {
    assert.deepEqual(titles(text, 'missing-owner'), [
      '*Add owner web-team',
      'Add owner data-team',
      'Add owner ops-team',
      'Suppress missing-owner with seams-ignore',
    ]);
  });

  test('the owner line goes first in the body, indented like the members', () => {
    assert.ok(
      fixed(text, 'missing-owner', 'Add owner web-team').includes(
        '  service cart {\n    owner web-team\n    // the cart\n    api cart-api v1\n',
      ),
    );
  });

  test('a one-line body gets the owner inside its braces', () => {
    const one = `${TEAM}service a {}\n`;
    assert.equal(fixed(one, 'missing-owner', 'Add owner t'), `${TEAM}service a { owner t }\n`);
  });
});

describe('the suppression fix', () => {
  test("inserts the directive above, indented like the line, with the file's line ends", () => {
    const text = `${TEAM}system s {\n  service a {\n    owner t\n    tier user-facing\n  }\n}\n`.replace(/\n/g, '\r\n');
    const after = fixed(text, 'missing-slo', 'Suppress missing-slo with seams-ignore');
    assert.equal(after, text.replace('  service a {', '  // seams-ignore missing-slo\r\n  service a {'));
    assert.deepEqual(diagnostics(after, 'missing-slo'), []);
  });

  test('every rule diagnostic offers it, last', () => {
    const { diagnostics: ds, model } = checkSources([{ file: 'f.seams', text: `service a {\n  tier user-facing\n  calls a\n}\n` }]);
    assert.ok(ds.length >= 4);
    for (const d of ds) assert.equal(fixesOf(d, model).at(-1)?.title, `Suppress ${d.code} with seams-ignore`);
  });
});

test('the suppression fix on the first line keeps a byte order mark first', () => {
  const text = '\uFEFFservice a {\n  owner t\n}\n' + TEAM.replace('team t {\n  oncall "#t"\n}\n', 'team t\n');
  const after = fixed(text, 'missing-oncall', 'Suppress missing-oncall with seams-ignore');
  assert.ok(after.includes('\n// seams-ignore missing-oncall\nteam t\n'));
  const top = `\uFEFFteam t\nservice a {\n  owner t\n}\n`;
  assert.equal(
    fixed(top, 'missing-oncall', 'Suppress missing-oncall with seams-ignore'),
    `\uFEFF// seams-ignore missing-oncall\nteam t\nservice a {\n  owner t\n}\n`,
  );
  assert.deepEqual(diagnostics(fixed(top, 'missing-oncall', 'Suppress missing-oncall with seams-ignore'), 'missing-oncall'), []);
});

describe('unused-suppression fixes', () => {
  const svc = (directive: string) => `${TEAM}service a {\n  owner t\n${directive}\n  api a-api v1\n}\n`;

  test("the only code: the directive's whole line goes", () => {
    const text = svc('  // seams-ignore missing-owner -- old');
    assert.deepEqual(titles(text, 'unused-suppression'), ['*Remove the unused seams-ignore directive']);
    assert.equal(
      fixed(text, 'unused-suppression', 'Remove the unused seams-ignore directive'),
      `${TEAM}service a {\n  owner t\n  api a-api v1\n}\n`,
    );
  });

  test('one of several codes: that code and its comma go, the reason stays', () => {
    const unversioned = (directive: string) => `${TEAM}service a {\n  owner t\n${directive}\n  api a-api\n}\n`;
    const text = unversioned('  // seams-ignore missing-owner, unversioned-contract -- old');
    assert.equal(
      fixed(text, 'unused-suppression', 'Remove missing-owner from seams-ignore'),
      unversioned('  // seams-ignore unversioned-contract -- old'),
    );
    const last = unversioned('  // seams-ignore unversioned-contract, missing-owner');
    assert.equal(
      fixed(last, 'unused-suppression', 'Remove missing-owner from seams-ignore'),
      unversioned('  // seams-ignore unversioned-contract'),
    );
  });

  test('a trailing directive: the comment and the spaces before it go', () => {
    const text = `${TEAM}service a { // seams-ignore missing-owner\n  owner t\n}\n`;
    assert.equal(fixed(text, 'unused-suppression', 'Remove the unused seams-ignore directive'), `${TEAM}service a {\n  owner t\n}\n`);
  });
});
