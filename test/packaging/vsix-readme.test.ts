// The README the .vsix carries for VS Code's details page: pictures embedded, relative page
// links reduced to their text (the details page can open neither), everything else as written.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { readmeForPackage } from '../../client/media-src/vsix-readme.mjs';

const root = join(import.meta.dirname, '..', '..');

test('pictures under docs/images become data: URIs of the same bytes', () => {
  const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47]);
  const out = readmeForPackage('![The preview](docs/images/p.png "title")\n![Graph](docs/images/g.svg)', (path: string) => {
    assert.match(path, /^docs\/images\/[pg]\.(png|svg)$/);
    return bytes;
  });
  assert.equal(
    out,
    `![The preview](data:image/png;base64,${bytes.toString('base64')} "title")\n![Graph](data:image/svg+xml;base64,${bytes.toString('base64')})`,
  );
});

test('relative links become their text; web links, anchors and mail stay', () => {
  const out = readmeForPackage(
    'see [the language](docs/language.md), [a rule](docs/rules/x.md#why), [web](https://a.b/c), [top](#set-up), [mail](mailto:a@b.c)',
    () => Buffer.alloc(0),
  );
  assert.equal(out, 'see the language, a rule, [web](https://a.b/c), [top](#set-up), [mail](mailto:a@b.c)');
});

test('the real README: every picture embedded, no relative link left', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const out = readmeForPackage(readme);
  const pictures = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)/g)].length;
  assert.ok(pictures >= 2);
  assert.equal([...out.matchAll(/!\[[^\]]*\]\(data:image\/(png|svg\+xml);base64,/g)].length, pictures);
  assert.deepEqual(
    [...out.matchAll(/(?<!!)\[[^\]]+\]\(([^)\s]+)\)/g)].map((m) => m[1]).filter((href) => !/^(https?:|mailto:|#)/.test(href)),
    [],
  );
});
