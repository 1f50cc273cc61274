import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseSeams } from '../../server/src/core/syntax/parse.js';
import type { CallsMember, ServiceDecl, SystemDecl } from '../../server/src/core/syntax/ast.js';
import { kindName, lexTokens } from '../../server/src/core/syntax/tokens.js';

function tokenNames(text: string): string[] {
  return lexTokens(text).tokens.map((t) => `${kindName(t.kind)}:${t.image}`);
}

describe('lexer', () => {
  test('kebab-case names are one token, keywords only as whole names', () => {
    assert.deepEqual(tokenNames('tier tier-db teams orders-db circuit-breaker circuit-breaker-x'), [
      'tier:tier',
      'Identifier:tier-db',
      'Identifier:teams',
      'Identifier:orders-db',
      'circuit-breaker:circuit-breaker',
      'Identifier:circuit-breaker-x',
    ]);
  });

  test('versions, durations, percentages and integers', () => {
    assert.deepEqual(tokenNames('v1 v2.1 v1.4.0 v1x 300ms 2s 1.5s 2m 99.9% 3 3msx'), [
      'Version:v1',
      'Version:v2.1',
      'Version:v1.4.0',
      'Identifier:v1x',
      'Duration:300ms',
      'Duration:2s',
      'Duration:1.5s',
      'Duration:2m',
      'Percent:99.9%',
      'Number:3',
      'Number:3',
      'Identifier:msx',
    ]);
  });

  test('strings keep escapes in one token; comments are set aside', () => {
    const r = lexTokens('"a \\" b \\\\" // line\n/* block\n */ x');
    assert.deepEqual(
      r.tokens.map((t) => t.image),
      ['"a \\" b \\\\"', 'x'],
    );
    assert.deepEqual(
      r.comments.map((c) => c.text),
      ['// line', '/* block\n */'],
    );
  });
});

describe('parser', () => {
  test('string values are unescaped; versions and durations are read as numbers', () => {
    const { ast, diagnostics } = parseSeams(
      'team t "A \\"quoted\\" \\\\ title"\nservice a { calls b.x v1.10 { timeout 1.5s retry 2 } }',
      'f.seams',
    );
    assert.deepEqual(diagnostics, []);
    const team = ast.declarations[0];
    assert.equal(team.kind === 'team' && team.title?.value, 'A "quoted" \\ title');
    const call = (ast.declarations[1] as ServiceDecl).members[0] as CallsMember;
    assert.deepEqual(call.version?.parts, [1, 10]);
    assert.equal(call.policy?.entries[0].kind === 'timeout' && call.policy.entries[0].duration?.ms, 1500);
  });

  test('a leading BOM and CRLF line ends are accepted, offsets count the BOM', () => {
    const lf = 'service a {\n  tier internal\n}\n';
    const crlf = '\uFEFF' + lf.replace(/\n/g, '\r\n');
    const { ast, diagnostics } = parseSeams(crlf, 'crlf.seams');
    assert.deepEqual(diagnostics, []);
    const service = ast.declarations[0] as ServiceDecl;
    assert.equal(service.name?.text, 'a');
    assert.equal(crlf.slice(service.name!.start, service.name!.end), 'a');
    assert.equal(service.members[0].kind, 'tier');
  });

  test('spans point at the source text', () => {
    const text = 'system shop {\n  service orders {\n    calls catalog.catalog-api v2\n  }\n}\n';
    const { ast } = parseSeams(text, 'f.seams');
    const service = (ast.declarations[0] as SystemDecl).services[0];
    const call = service.members[0] as CallsMember;
    assert.equal(text.slice(call.start, call.end), 'calls catalog.catalog-api v2');
    assert.equal(text.slice(call.api!.start, call.api!.end), 'catalog-api');
    assert.equal(text.slice(service.start, service.end), 'service orders {\n    calls catalog.catalog-api v2\n  }');
  });

  test('one mistake does not hide the rest of the file', () => {
    const text = [
      'service a {',
      '  calls {',
      '  tier internal',
      '}',
      'service b { owner }',
      'service c { tier nonsense store c-db postgres }',
    ].join('\n');
    const { ast, diagnostics } = parseSeams(text, 'f.seams');
    assert.deepEqual(
      ast.declarations.map((d) => (d as ServiceDecl).name?.text),
      ['a', 'b', 'c'],
    );
    assert.equal(diagnostics.length, 2);
    assert.match(diagnostics[0].message, /expected a service name after `calls`/);
    assert.match(diagnostics[1].message, /expected a team name after `owner`/);
    const c = ast.declarations[2] as ServiceDecl;
    assert.deepEqual(
      c.members.map((m) => m.kind),
      ['tier', 'store'],
    );
  });

  test('syntax messages are words, never token names', () => {
    const inputs = [
      'service',
      'service a',
      'service a {',
      'team t { oncall }',
      'system s { x }',
      'rules { a b c',
      '{',
      'service a { calls b. }',
    ];
    for (const text of inputs) {
      for (const d of parseSeams(text, 'f.seams').diagnostics) {
        assert.doesNotMatch(d.message, /Identifier|LBrace|RBrace|NumberTok|-->|EOF\b/, `${text}: ${d.message}`);
        assert.equal(d.code, 'syntax');
      }
    }
  });

  test('seams-ignore directives: previous line, trailing, stacked, with reason', () => {
    const text = [
      'service a {', //                                          line 0
      '  // seams-ignore missing-timeout, implicit-contract -- legacy', // 1
      '  // a plain comment between', //                         line 2
      '  calls b', //                                            line 3
      '  calls c // seams-ignore missing-timeout', //            line 4
      '}',
    ].join('\n');
    const { ast } = parseSeams(text, 'f.seams');
    assert.deepEqual(
      ast.ignores.map((d) => ({ codes: d.codes.map((c) => c.text), line: d.appliesToLine, trailing: d.trailing, reason: d.reason })),
      [
        { codes: ['missing-timeout', 'implicit-contract'], line: 3, trailing: false, reason: 'legacy' },
        { codes: ['missing-timeout'], line: 4, trailing: true, reason: undefined },
      ],
    );
  });
});
