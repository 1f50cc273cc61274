/**
 * Text output cannot be steered by the model: control characters quoted from
 * the input (a lexer error quotes the raw character) and control characters or
 * line breaks in file names are printed as visible escapes, so a model cannot
 * clear the screen, ring the bell or forge a "0 problems" line. Colour codes of
 * our own (when asked for) are the only escapes left.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { buildCli, runCli, tempTree } from '../cli/cli-harness.js';

before(() => buildCli());

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

test('control characters in messages and file names are escaped in text output', () => {
  const tree = tempTree({
    'evil.seams': 'team t { oncall "#t" }\nservice a {\n  owner t\n}\n\u001b[2J\u001b[H\u0007\u202e\n',
    'we\nird\u001b[31m.seams': 'service b {\n  owner nobody\n}\n',
  });
  try {
    const r = runCli(['check', '.'], { cwd: tree.dir });
    assert.equal(r.status, 1, r.stderr);
    for (const line of r.stdout.split('\n')) assert.doesNotMatch(line, CONTROL, JSON.stringify(line));
    assert.match(r.stdout, /\\x1b/, 'the escape character is shown, not sent');
    assert.match(r.stdout, /we\\nird\\x1b\[31m\.seams/, 'the file name is escaped');
    assert.match(r.stdout, /no team named nobody/);
  } finally {
    tree.dispose();
  }
});

test('file names in one-line errors on stderr are escaped too', () => {
  const tree = tempTree({ 'bad\u001b]0;pwned\u0007.seams': new Uint8Array([0xff, 0xfe, 0x00]) });
  try {
    const r = runCli(['check', '.'], { cwd: tree.dir });
    assert.equal(r.status, 2);
    assert.doesNotMatch(r.stderr.trimEnd(), CONTROL, JSON.stringify(r.stderr));
    assert.match(r.stderr, /bad\\x1b\]0;pwned\\x07\.seams/);
  } finally {
    tree.dispose();
  }
});
