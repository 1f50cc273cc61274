// Runs inside VS Code's extension host against a copy of examples/: every language feature
// is exercised through the same `vscode` API commands that the editor's UI uses, so a pass
// here means the installed extension, its client and its server work together.
import * as assert from 'node:assert/strict';
import { resolve } from 'node:path';
import * as vscode from 'vscode';
import { FIXED_CODES } from '../../../server/src/core/diagnostics.js';
import { seamsCheckJson, type JsonDiagnostic } from '../../helpers/seams-check-json.js';
import { findAll, findFirst, ID, serviceBody, type SeamsSource } from './seams-source.js';
import { codeOf, waitForDiagnostics } from './wait-for-diagnostics.js';

const EXTENSION_ID = 'seams-dev.seams';
// This bundle sits in <repo>/out/test/vscode/suite/; the CLI it compares against in <repo>/dist/.
const repoRoot = resolve(__dirname, '../../../..');

const key = (line: number, column: number, code: string) => `${line}:${column} ${code}`;
const editorKeys = (diagnostics: readonly vscode.Diagnostic[]) =>
  diagnostics.map((d) => key(d.range.start.line + 1, d.range.start.character + 1, codeOf(d))).sort();

suite('Seams in a real VS Code', () => {
  let folder: vscode.Uri;
  let sources: SeamsSource[] = [];
  let expected: JsonDiagnostic[] = [];

  suiteSetup(async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is not installed`);
    const api = (await extension.activate()) as { client: { isRunning(): boolean } };
    assert.ok(api.client.isRunning(), 'the language client is not running after activation');

    folder = vscode.workspace.workspaceFolders?.[0]?.uri ?? assert.fail('no workspace folder is open');
    const uris = (await vscode.workspace.findFiles('**/*.seams')).sort((a, b) => a.fsPath.localeCompare(b.fsPath));
    assert.ok(uris.length >= 2, `expected several .seams files in ${folder.fsPath}, found ${uris.length}`);
    sources = await Promise.all(uris.map(async (uri) => ({ uri, document: await vscode.workspace.openTextDocument(uri) })));
    // What `seams check` reports for the folder is the reference the editor must match.
    expected = seamsCheckJson(resolve(repoRoot, 'dist/cli.cjs'), folder.fsPath);
  });

  test('opens .seams files as the Seams language', () => {
    for (const { document } of sources) assert.equal(document.languageId, 'seams', document.uri.fsPath);
  });

  test('shows exactly the diagnostics that `seams check` reports, with rule links', async () => {
    assert.ok(expected.length > 0, 'the examples are meant to show anti-patterns, but seams check found none');
    for (const source of sources) {
      const relative = vscode.workspace.asRelativePath(source.uri, false);
      const want = expected
        .filter((d) => d.file.replace(/\\/g, '/') === relative)
        .map((d) => key(d.line, d.column, d.code))
        .sort();
      const got = await waitForDiagnostics(
        source.uri,
        (current) => JSON.stringify(editorKeys(current)) === JSON.stringify(want),
        `the ${want.length} diagnostics of seams check`,
      );
      for (const diagnostic of got) {
        const code = diagnostic.code;
        if (codeOf(diagnostic) === 'syntax') continue;
        assert.ok(typeof code === 'object' && code.target, `${relative}: ${codeOf(diagnostic)} has no documentation link`);
      }
    }
  });

  test('completes team names after `owner`', async () => {
    const teams = findAll(sources, `team\\s+(${ID})`).map((m) => m.name);
    const owner = findFirst(sources, `owner\\s+(${ID})`, 'owner line');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      owner.source.uri,
      owner.range.start,
    );
    const labels = list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    for (const team of teams)
      assert.ok(labels.includes(team), `completion after owner lacks team ${team}; got ${labels.slice(0, 30).join(', ')}`);
  });

  test('hover on a called service shows its owner', async () => {
    const call = findFirst(sources, `calls\\s+(${ID})`, 'calls line');
    const owner = /^[ \t]*owner\s+(\S+)/m.exec(serviceBody(sources, call.name))?.[1];
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', call.source.uri, call.range.start);
    const text = hovers
      .flatMap((hover) => hover.contents)
      .map((content) => (typeof content === 'string' ? content : content.value))
      .join('\n');
    assert.ok(text.includes(call.name), `hover on ${call.name} does not name it: ${text}`);
    if (owner) assert.ok(text.includes(owner), `hover on ${call.name} does not show its owner ${owner}: ${text}`);
  });

  test('goes to the definition of a called service in another file or the same', async () => {
    const call = findFirst(sources, `calls\\s+(${ID})`, 'calls line');
    const declaration = findFirst(sources, `service\\s+(${call.name})\\b`, `declaration of ${call.name}`);
    const targets = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
      'vscode.executeDefinitionProvider',
      call.source.uri,
      call.range.start,
    );
    assert.equal(targets.length, 1, `definitions of ${call.name}: ${JSON.stringify(targets)}`);
    const target = targets[0]!;
    const uri = 'targetUri' in target ? target.targetUri : target.uri;
    const range = 'targetUri' in target ? (target.targetSelectionRange ?? target.targetRange) : target.range;
    assert.equal(uri.toString(), declaration.source.uri.toString());
    assert.equal(range.start.line, declaration.range.start.line);
  });

  test('a quick fix carried by a rule removes its diagnostic, and seams-ignore is offered', async () => {
    // VS Code's command hands back code actions without the diagnostics they fix, so only
    // diagnostics that overlap no other are tried: every action offered there is theirs.
    let applied = false;
    for (const source of sources) {
      const all = vscode.languages.getDiagnostics(source.uri);
      const alone = all.filter((d) => all.every((other) => other === d || !other.range.intersection(d.range)));
      for (const diagnostic of alone) {
        const code = codeOf(diagnostic);
        const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
          'vscode.executeCodeActionProvider',
          source.uri,
          diagnostic.range,
          vscode.CodeActionKind.QuickFix.value,
        );
        // Fixed errors (syntax, unresolved names, ...) cannot be suppressed; rule findings can.
        if (!(FIXED_CODES as readonly string[]).includes(code)) {
          assert.ok(
            actions.some((a) => a.title.includes('seams-ignore') && a.title.includes(code)),
            `no "seams-ignore" action for ${code}: ${actions.map((a) => a.title).join(' | ')}`,
          );
        }
        const fix = actions.find((a) => a.edit && !a.title.includes('seams-ignore'));
        if (!fix) continue;
        const count = (list: readonly vscode.Diagnostic[]) => list.filter((d) => codeOf(d) === code).length;
        const before = count(all);
        assert.ok(await vscode.workspace.applyEdit(fix.edit!), `could not apply "${fix.title}"`);
        // The fix may move text, so what must change is how many diagnostics of this code the file has.
        await waitForDiagnostics(source.uri, (current) => count(current) < before, `one ${code} fewer after "${fix.title}"`);
        applied = true;
        break;
      }
      if (applied) break;
    }
    assert.ok(applied, 'no diagnostic in the examples offered a quick fix other than seams-ignore');
  });

  test('formats to one canonical text, idempotently, whatever the indentation', async () => {
    const { document } = sources[0]!;
    const options: vscode.FormattingOptions = { tabSize: 2, insertSpaces: true };
    const format = async () => {
      const edits =
        (await vscode.commands.executeCommand<vscode.TextEdit[] | undefined>(
          'vscode.executeFormatDocumentProvider',
          document.uri,
          options,
        )) ?? [];
      // VS Code reports an empty edit as "not applied", so only real changes are applied.
      if (edits.length > 0) {
        const edit = new vscode.WorkspaceEdit();
        edit.set(document.uri, edits);
        assert.ok(await vscode.workspace.applyEdit(edit), 'the formatting edit was not applied');
      }
      return edits;
    };
    await format();
    const canonical = document.getText();
    assert.deepEqual(await format(), [], 'formatting formatted text changed it again');

    // Scramble the indentation (every line five spaces in) and format back.
    const scrambled = canonical.replace(/^[ \t]*(?=\S)/gm, '     ');
    assert.notEqual(scrambled, canonical);
    const replace = new vscode.WorkspaceEdit();
    replace.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), scrambled);
    assert.ok(await vscode.workspace.applyEdit(replace));
    await format();
    assert.equal(document.getText(), canonical);
  });

  test('renames a team across files, and refuses a name that is not an identifier', async () => {
    const team = findFirst(sources, `team\\s+(${ID})`, 'team declaration');
    const uses = [...findAll(sources, `team\\s+(${team.name})\\b`), ...findAll(sources, `owner\\s+(${team.name})\\b`)];
    const newName = `${team.name}-renamed`;

    // The server may refuse with an error (VS Code shows it) or with no edit; both leave the text alone.
    const refused = await Promise.resolve(
      vscode.commands.executeCommand<vscode.WorkspaceEdit | undefined>(
        'vscode.executeDocumentRenameProvider',
        team.source.uri,
        team.range.start,
        'not a name!',
      ),
    ).then(
      (result) => result,
      () => undefined,
    );
    assert.ok(!refused || refused.size === 0, 'rename accepted "not a name!" as a team name');

    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>(
      'vscode.executeDocumentRenameProvider',
      team.source.uri,
      team.range.start,
      newName,
    );
    const edits = edit
      .entries()
      .flatMap(([uri, list]) => list.map((e) => ({ uri: uri.toString(), line: e.range.start.line, text: e.newText })));
    assert.equal(
      edits.length,
      uses.length,
      `rename edits ${JSON.stringify(edits)} vs uses at ${uses.map((u) => `${u.source.uri.fsPath}:${u.range.start.line + 1}`).join(', ')}`,
    );
    for (const use of uses) {
      assert.ok(
        edits.some((e) => e.uri === use.source.uri.toString() && e.line === use.range.start.line && e.text === newName),
        `rename misses ${use.source.uri.fsPath}:${use.range.start.line + 1}`,
      );
    }
    assert.ok(await vscode.workspace.applyEdit(edit));
    for (const use of uses) {
      await waitForDiagnostics(
        use.source.uri,
        (current) => !current.some((d) => codeOf(d) === 'unresolved-reference'),
        'no unresolved reference after rename',
      );
    }
  });

  test('a rule link opens the page rendered in the Markdown preview, not as raw text', async () => {
    const diagnostic = sources
      .flatMap((source) => vscode.languages.getDiagnostics(source.uri))
      .find((d) => codeOf(d) === 'missing-timeout');
    assert.ok(diagnostic && typeof diagnostic.code === 'object', 'no missing-timeout diagnostic with a link');
    const page = (diagnostic.code as { target: vscode.Uri }).target;
    // What clicking the code in the Problems panel does: open the link's target.
    await vscode.commands.executeCommand('vscode.open', page);
    const isPreview = (tab: vscode.Tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.includes('markdown.preview');
    const isRaw = (tab: vscode.Tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === page.toString();
    const tabs = () => vscode.window.tabGroups.all.flatMap((group) => group.tabs);
    const deadline = Date.now() + 15_000;
    while (!(tabs().some(isPreview) && !tabs().some(isRaw)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    assert.ok(
      tabs().some(isPreview),
      `no Markdown preview tab; tabs: ${tabs()
        .map((t) => t.label)
        .join(', ')}`,
    );
    assert.ok(!tabs().some(isRaw), 'the raw Markdown of the rule page is still open');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test("the Markdown preview colours ```seams blocks with the extension's highlighter", async () => {
    const html = await vscode.commands.executeCommand<string>(
      'markdown.api.render',
      '```seams\nservice orders {\n  tier user-facing\n}\n```\n',
    );
    assert.match(html, /<span class="hljs-keyword">service<\/span>/, html);
    assert.match(html, /<span class="hljs-literal">user-facing<\/span>/, html);
  });
});
