import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { escapeXml } from '../../server/src/core/render/escape-xml.js';

describe('escapeXml', () => {
  it('escapes markup, quotes and ampersands', () => {
    assert.equal(escapeXml('<img src=x onerror=alert(1)>'), '&lt;img src=x onerror=alert(1)&gt;');
    assert.equal(escapeXml(`"double" 'single'`), '&quot;double&quot; &#39;single&#39;');
    assert.equal(escapeXml('R&D &amp; more'), 'R&amp;D &amp;amp; more');
    assert.equal(escapeXml('</text><script>alert(1)</script>'), '&lt;/text&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('leaves ordinary text, tabs, new lines and non-ASCII alone', () => {
    assert.equal(escapeXml('orders-api v2'), 'orders-api v2');
    assert.equal(escapeXml('a\tb\nc\r'), 'a\tb\nc\r');
    assert.equal(escapeXml('Zahlungen — 支払い 😀'), 'Zahlungen — 支払い 😀');
  });

  it('replaces characters XML forbids, so the document stays well-formed', () => {
    assert.equal(escapeXml('a\u0000b\u001bc\uFFFF'), 'a\uFFFDb\uFFFDc\uFFFD');
    assert.equal(escapeXml('lone \uD800 high, lone \uDC00 low'), 'lone \uFFFD high, lone \uFFFD low');
  });
});
