// ```seams blocks in VS Code's Markdown preview (the rule pages): the client's small
// highlighter knows the vocabulary's words and escapes everything it is given.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HIGHLIGHT_KEYWORDS, HIGHLIGHT_VALUES, highlightSeams } from '../../client/src/rule-docs/highlight-seams.js';
import { extendMarkdownIt } from '../../client/src/rule-docs/markdown-plugin.js';
import { BACKOFFS, CADENCES, KEYWORDS, RULE_OFF, SEVERITIES, SLO_PERCENTILES, TIERS } from '../../server/src/core/vocabulary.js';

test('the highlighter has exactly the vocabulary keywords and keyword values', () => {
  assert.deepEqual([...HIGHLIGHT_KEYWORDS].sort(), [...KEYWORDS].sort());
  assert.deepEqual([...HIGHLIGHT_VALUES].sort(), [...TIERS, ...CADENCES, ...BACKOFFS, ...SLO_PERCENTILES, ...SEVERITIES, RULE_OFF].sort());
});

test('keywords, values, strings, versions, durations and comments get their classes; names stay plain', () => {
  const html = highlightSeams(
    'service orders "Orders" { // the core\n  tier user-facing\n  calls payments.payments-api v2 { timeout 500ms }\n}',
  );
  assert.match(html, /<span class="hljs-keyword">service<\/span> orders <span class="hljs-string">&#34;Orders&#34;<\/span>/);
  assert.match(html, /<span class="hljs-comment">\/\/ the core<\/span>\n/);
  assert.match(html, /<span class="hljs-keyword">tier<\/span> <span class="hljs-literal">user-facing<\/span>/);
  assert.match(html, /payments\.payments-api <span class="hljs-number">v2<\/span>/);
  assert.match(html, /<span class="hljs-number">500ms<\/span>/);
  // A keyword inside a kebab name is part of the name.
  assert.doesNotMatch(highlightSeams('store service-db'), /hljs-keyword">service</);
});

test('everything is escaped: no markup from a code block survives', () => {
  const html = highlightSeams('service x "<img src=x onerror=alert(1)>" { } <script>');
  assert.doesNotMatch(html, /<img|<script/);
  assert.equal(
    html.replace(/<[^>]+>/g, '').replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n))),
    'service x "<img src=x onerror=alert(1)>" { } <script>',
  );
});

test('the markdown-it plugin colours seams blocks and leaves other languages to the preview', () => {
  const md = { options: { highlight: (code: string, lang: string, _attrs: string) => `[${lang}:${code}]` } };
  extendMarkdownIt(md);
  assert.equal(md.options.highlight('x', 'json', ''), '[json:x]');
  assert.match(md.options.highlight('team t', 'seams', ''), /<span class="hljs-keyword">team<\/span>/);
  const bare = { options: { highlight: null } } as { options: { highlight: ((c: string, l: string, a: string) => string) | null } };
  extendMarkdownIt(bare);
  assert.equal(bare.options.highlight!('x', 'json', ''), '');
});
