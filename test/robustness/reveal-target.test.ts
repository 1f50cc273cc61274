/**
 * The preview's `reveal` message opens only `.seams` files of the workspace (or
 * documents already open): a webview message cannot make the editor open
 * anything else.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { revealTarget } from '../../client/src/preview/reveal-target.js';

const FOLDERS = ['file:///home/me/shop'];
const OPEN = ['untitled:Untitled-1', 'file:///elsewhere/opened.seams'];

test('files of the workspace and open documents are revealed', () => {
  assert.equal(revealTarget('file:///home/me/shop/a.seams', FOLDERS, OPEN), 'file:///home/me/shop/a.seams');
  assert.equal(revealTarget('file:///home/me/shop/deep/b%20c.SEAMS', FOLDERS, OPEN), 'file:///home/me/shop/deep/b%20c.SEAMS');
  assert.equal(revealTarget('untitled:Untitled-1', FOLDERS, OPEN), 'untitled:Untitled-1');
  assert.equal(revealTarget('file:///elsewhere/opened.seams', FOLDERS, OPEN), 'file:///elsewhere/opened.seams');
});

test('anything else is refused', () => {
  for (const bad of [
    'file:///etc/passwd',
    'file:///home/me/shop/../secrets.seams',
    'file:///home/me/shop/%2e%2e/secrets.seams',
    'file:///home/me/shopping/a.seams',
    'file:///home/me/shop/a.txt',
    'file://evil-host/home/me/shop/a.seams',
    'command:workbench.action.terminal.new',
    'https://example.com/a.seams',
    'vscode-userdata:/settings.json',
    'untitled:Untitled-2',
    '',
    'not a uri',
    42,
    null,
    { toString: () => 'file:///home/me/shop/a.seams' },
  ]) {
    assert.equal(revealTarget(bad, FOLDERS, OPEN), undefined, String(JSON.stringify(bad)));
  }
});
