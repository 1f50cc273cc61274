/**
 * Every language feature through the protocol, on a temp copy of examples/
 * (names resolve across its four files) plus documents opened by the tests.
 * Expectations are computed from the example text where they can be, so the
 * example may grow without breaking these tests.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import {
  CodeActionRequest,
  CompletionRequest,
  DefinitionRequest,
  DiagnosticTag,
  DocumentFormattingRequest,
  DocumentHighlightKind,
  DocumentHighlightRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  SemanticTokensRequest,
  SymbolKind,
  WorkspaceSymbolRequest,
  type CompletionItem,
  type CompletionList,
  type DocumentSymbol,
  type Hover,
  type Location,
  type MarkupContent,
  type Position,
  type SemanticTokensLegend,
  type SymbolInformation,
  type TextEdit,
} from 'vscode-languageserver-protocol/node.js';
import { formatSeams } from '../../server/src/core/format/format.js';
import { RULES } from '../../server/src/core/rules/registry.js';
import { applyEdits, LspSession, positionOf, tempWorkspace } from './lsp-session.js';

let ws: { folder: string; remove: () => void };
let lsp: LspSession;
const text = (name: string) => readFileSync(join(ws.folder, name), 'utf8');

before(async () => {
  ws = tempWorkspace(true);
  lsp = await LspSession.start(ws.folder);
  // The workspace is read once the first diagnostics arrive (the example has warnings).
  await lsp.next(() => true, 'first diagnostics');
});

after(async () => {
  await lsp?.stop();
  ws?.remove();
});

async function complete(uri: string, position: Position): Promise<string[]> {
  const r = (await lsp.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position })) as
    CompletionItem[] | CompletionList | null;
  const items = Array.isArray(r) ? r : (r?.items ?? []);
  return items.map((i) => i.label);
}

async function hover(uri: string, position: Position): Promise<string> {
  const h = (await lsp.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position })) as Hover | null;
  return h ? (h.contents as MarkupContent).value : '';
}

// ---- completion -------------------------------------------------------------

const SCRATCH = `service scratch {

  owner 
  calls 
  calls payments.
  calls payments.payments-api 
  subscribes orders.
  tier 
  calls tax.tax-api { timeout  }
  calls tax.tax-api { retry 2 backoff  }
  slo latency 
}

rules {
  sync-fan-out 
}
// seams-ignore 
`;

test('completion offers what fits the position, with names from every file', async () => {
  const uri = await lsp.open('scratch.seams', SCRATCH);
  const at = (needle: string, delta = needle.length, n = 0) => complete(uri, positionOf(SCRATCH, needle, delta, n));

  const members = await complete(uri, { line: 1, character: 0 });
  for (const k of ['owner', 'tier', 'calls', 'subscribes', 'store', 'api', 'event', 'slo'])
    assert.ok(members.includes(k), `member keyword ${k}`);
  assert.ok(!members.includes('team') && !members.includes('system'), 'no top-level keywords inside a service');

  const teams = await at('owner ');
  assert.deepEqual(teams.sort(), ['checkout-team', 'data-team', 'fulfilment-team', 'platform-team', 'storefront-team']);

  const services = await at('calls ');
  for (const s of ['orders', 'payments', 'catalog', 'shipping', 'accounts']) assert.ok(services.includes(s), `service ${s}`);
  assert.ok(!services.includes('scratch'), 'a service is not offered as its own callee');
  assert.ok(!services.includes('calls'), 'no keywords where a service name goes');

  assert.deepEqual(await at('calls payments.'), ['payments-api']);
  assert.deepEqual((await at('calls payments.payments-api ')).slice(0, 2), ['v2', 'v1']);
  assert.deepEqual(await at('subscribes orders.'), ['order-placed']);
  assert.deepEqual(await at('tier '), ['user-facing', 'gateway', 'internal', 'background']);
  assert.deepEqual(await at('{ timeout ', '{ timeout '.length), ['100ms', '250ms', '500ms', '1s', '2s', '5s']);
  assert.deepEqual(await at('backoff '), ['exponential', 'fixed', 'none']);
  assert.deepEqual(await at('latency '), ['p50', 'p90', 'p95', 'p99']);

  const top = await complete(uri, positionOf(SCRATCH, '\n\nrules', 1));
  assert.deepEqual(top.sort(), ['library', 'rules', 'service', 'system', 'team']);

  const severities = await at('sync-fan-out ');
  for (const s of ['error', 'warning', 'info', 'hint', 'off']) assert.ok(severities.includes(s), `severity ${s}`);

  assert.deepEqual((await at('// seams-ignore ')).sort(), RULES.map((r) => r.code).sort());

  // A partly typed name is replaced whole: the item's edit starts where the name starts.
  const typed = SCRATCH.replace('subscribes orders.\n', 'subscribes orders.ord\n');
  await lsp.change(uri, [{ text: typed }]);
  const pos = positionOf(typed, 'orders.ord', 'orders.ord'.length);
  const r = (await lsp.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: pos })) as CompletionList;
  assert.equal(r.isIncomplete, false);
  assert.equal(r.items[0].label, 'order-placed');
  assert.deepEqual((r.items[0].textEdit as TextEdit).range.start, { line: pos.line, character: pos.character - 3 });
  await lsp.close(uri);
});

// ---- hover --------------------------------------------------------------------

test('hover on a service shows owner, tier, contracts, callers, callees and worst-case call time', async () => {
  const uri = lsp.uri('checkout.seams');
  const md = await hover(uri, positionOf(text('checkout.seams'), 'service orders', 'service '.length + 2));
  assert.match(md, /\*\*service orders\*\*/);
  assert.match(md, /owner checkout-team/);
  assert.match(md, /tier user-facing/);
  assert.match(md, /api orders-api v2 v3 grpc/);
  assert.match(md, /Calls: payments, inventory/);
  assert.match(md, /Called by: .*fraud/);
  assert.match(md, /Called by: .*web-bff/);
  // payments: 500ms with the system's retry 1 → 1s; inventory: 300ms × 2 = 600ms.
  assert.match(md, /Worst-case call time: 1s \(calling payments\)/);
});

test('hover on a contract shows its versions and consumers; on a team its services', async () => {
  const store = text('storefront.seams');
  const api = await hover(lsp.uri('storefront.seams'), positionOf(store, 'orders.orders-api', 'orders.'.length + 1));
  assert.match(api, /api orders\.orders-api/);
  assert.match(api, /Versions: v2, v3/);
  assert.match(api, /web-bff \(v3\)/);
  assert.match(api, /fraud \(v3\)/);

  const team = await hover(lsp.uri('teams.seams'), positionOf(text('teams.seams'), 'team checkout-team', 'team '.length));
  assert.match(team, /team checkout-team/);
  assert.match(team, /orders, payments/);
  assert.match(team, /#checkout-oncall/);
});

test('hover on a calls keyword shows the effective policy, where each value comes from, and the worst case', async () => {
  const md = await hover(lsp.uri('checkout.seams'), positionOf(text('checkout.seams'), 'calls payments.payments-api', 2));
  assert.match(md, /call orders → payments\.payments-api/);
  assert.match(md, /Timeout: 500ms\n/);
  assert.match(md, /Retries: 1 \(from system checkout defaults\) · backoff exponential \(from system checkout defaults\)/);
  assert.match(md, /Circuit breaker: yes\n/);
  assert.match(md, /Worst-case time: 1s = \(1 \+ 1\) × 500ms/);
});

test('hover on a rule code in rules { } shows the rule from the registry', async () => {
  const md = await hover(lsp.uri('fulfilment.seams'), positionOf(text('fulfilment.seams'), 'sync-fan-out max', 2));
  const rule = RULES.find((r) => r.code === 'sync-fan-out')!;
  assert.ok(md.includes(rule.summary), md);
  assert.ok(md.includes(rule.rationale), md);
  assert.match(md, /Default: warning, max 4/);
});

test('hover on a code in a seams-ignore comment explains the rule', async () => {
  const body = '// seams-ignore missing-owner -- a prototype\nservice proto {\n  tier internal\n}\n';
  const uri = await lsp.open('proto.seams', body);
  const md = await hover(uri, positionOf(body, 'missing-owner', 3));
  const rule = RULES.find((r) => r.code === 'missing-owner')!;
  assert.ok(md.includes(rule.summary) && md.includes(rule.rationale), md);
  await lsp.close(uri);
});

// ---- navigation -----------------------------------------------------------------

test('go to definition crosses files for services, contracts and teams', async () => {
  const store = text('storefront.seams');
  const checkout = text('checkout.seams');
  const def = async (needle: string, delta: number) =>
    (await lsp.connection.sendRequest(DefinitionRequest.type, {
      textDocument: { uri: lsp.uri('storefront.seams') },
      position: positionOf(store, needle, delta),
    })) as Location[];

  const service = await def('calls orders.orders-api', 'calls '.length + 1);
  assert.equal(service.length, 1);
  assert.equal(service[0].uri, lsp.uri('checkout.seams'));
  assert.deepEqual(service[0].range.start, positionOf(checkout, 'service orders', 'service '.length));

  const api = await def('calls orders.orders-api', 'calls orders.'.length + 3);
  assert.deepEqual(api[0].range.start, positionOf(checkout, 'api orders-api', 'api '.length));

  const team = await def('owner checkout-team', 'owner '.length);
  assert.equal(team[0].uri, lsp.uri('teams.seams'));
  assert.deepEqual(team[0].range.start, positionOf(text('teams.seams'), 'team checkout-team', 'team '.length));
});

test('go to definition on a rule code opens its documentation page', async () => {
  const t = text('fulfilment.seams');
  const defs = (await lsp.connection.sendRequest(DefinitionRequest.type, {
    textDocument: { uri: lsp.uri('fulfilment.seams') },
    position: positionOf(t, 'sync-fan-out max', 3),
  })) as Location[];
  assert.equal(defs.length, 1);
  assert.match(defs[0].uri, /^file:\/\/.*\/docs\/rules\/sync-fan-out\.md$/);
  assert.ok(existsSync(fileURLToPath(defs[0].uri)));
});

test('document highlight marks the declaration as written and the uses as read', async () => {
  const t = text('storefront.seams');
  const highlights = (await lsp.connection.sendRequest(DocumentHighlightRequest.type, {
    textDocument: { uri: lsp.uri('storefront.seams') },
    position: positionOf(t, 'service catalog', 'service '.length),
  }))!;
  const uses = (t.match(/^\s*(calls|subscribes) catalog\b/gm) ?? []).length;
  assert.equal(highlights.filter((h) => h.kind === DocumentHighlightKind.Read).length, uses);
  assert.equal(highlights.filter((h) => h.kind === DocumentHighlightKind.Write).length, 1);
});

/** Every `calls orders…` and `subscribes orders…` in the example, counted from the text. */
function ordersUses(): number {
  let n = 0;
  for (const f of ['checkout.seams', 'fulfilment.seams', 'storefront.seams', 'teams.seams']) {
    n += (text(f).match(/^\s*(calls|subscribes) orders\b/gm) ?? []).length;
  }
  return n;
}

test('find references lists every use across files, with or without the declaration', async () => {
  const uri = lsp.uri('checkout.seams');
  const position = positionOf(text('checkout.seams'), 'service orders', 'service '.length);
  const refs = (await lsp.connection.sendRequest(ReferencesRequest.type, {
    textDocument: { uri },
    position,
    context: { includeDeclaration: true },
  })) as Location[];
  assert.equal(refs.length, ordersUses() + 1);
  assert.deepEqual(
    new Set(refs.map((r) => r.uri)),
    new Set(['checkout.seams', 'fulfilment.seams', 'storefront.seams'].map((f) => lsp.uri(f))),
  );
  const without = (await lsp.connection.sendRequest(ReferencesRequest.type, {
    textDocument: { uri },
    position,
    context: { includeDeclaration: false },
  })) as Location[];
  assert.equal(without.length, ordersUses());
});

test('rename edits every file, and refuses clashes, bad names and non-names', async () => {
  const uri = lsp.uri('checkout.seams');
  const position = positionOf(text('checkout.seams'), 'service orders', 'service '.length + 1);
  const prepared = (await lsp.connection.sendRequest(PrepareRenameRequest.type, { textDocument: { uri }, position })) as {
    range: unknown;
    placeholder: string;
  };
  assert.equal(prepared.placeholder, 'orders');

  const edit = await lsp.connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position, newName: 'order-service' });
  const changes = edit!.changes!;
  const total = Object.values(changes).reduce((n, es) => n + es.length, 0);
  assert.equal(total, ordersUses() + 1);
  const renamed = applyEdits(text('fulfilment.seams'), changes[lsp.uri('fulfilment.seams')]);
  assert.ok(!/subscribes orders\./.test(renamed) && /subscribes order-service\.order-placed/.test(renamed));

  await assert.rejects(
    lsp.connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position, newName: 'payments' }),
    /a service named payments already exists/,
  );
  await assert.rejects(
    lsp.connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position, newName: 'two words' }),
    /is not a Seams name/,
  );
  await assert.rejects(
    lsp.connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position, newName: 'service' }),
    /is a keyword/,
  );
  const onKeyword = await lsp.connection.sendRequest(PrepareRenameRequest.type, {
    textDocument: { uri },
    position: positionOf(text('checkout.seams'), 'service orders', 2),
  });
  assert.equal(onKeyword, null);
});

// ---- symbols, folding, semantic tokens ---------------------------------------------

test('document symbols nest systems, services and members; workspace symbols search all files', async () => {
  const symbols = (await lsp.connection.sendRequest(DocumentSymbolRequest.type, {
    textDocument: { uri: lsp.uri('checkout.seams') },
  })) as DocumentSymbol[];
  assert.equal(symbols[0].name, 'checkout');
  assert.equal(symbols[0].kind, SymbolKind.Namespace);
  const orders = symbols[0].children!.find((s) => s.name === 'orders')!;
  assert.equal(orders.kind, SymbolKind.Class);
  const members = orders.children!.map((c) => `${c.kind}:${c.name}`);
  assert.ok(members.includes(`${SymbolKind.Interface}:orders-api`));
  assert.ok(members.includes(`${SymbolKind.Event}:order-placed`));
  assert.ok(members.includes(`${SymbolKind.Field}:orders-db`));
  assert.ok(members.includes(`${SymbolKind.Function}:calls payments.payments-api`));

  const found = (await lsp.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'paymnt' })) as SymbolInformation[];
  const names = found.map((s) => `${s.name}@${s.containerName ?? ''}`);
  assert.ok(names.includes('payments@checkout'), names.join());
  assert.ok(names.includes('payments-api@payments'), names.join());
  assert.ok(found.every((s) => s.location.uri.endsWith('.seams')));
});

test('folding ranges cover blocks and comment runs', async () => {
  const t = text('checkout.seams');
  const ranges = (await lsp.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri: lsp.uri('checkout.seams') } }))!;
  const system = positionOf(t, 'system checkout').line;
  const lastLine = t.trimEnd().split('\n').length - 1;
  assert.ok(
    ranges.some((r) => r.startLine === system && r.endLine === lastLine - 1),
    'the system folds up to its closing brace',
  );
  const defaults = positionOf(t, 'defaults {').line;
  assert.ok(ranges.some((r) => r.startLine === defaults && r.endLine === defaults + 2));

  const st = text('storefront.seams');
  const comment = positionOf(st, '// A synchronous call').line;
  const runs = (await lsp.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri: lsp.uri('storefront.seams') } }))!;
  assert.ok(runs.some((r) => r.kind === 'comment' && r.startLine === comment && r.endLine === comment + 1));
});

test('semantic tokens tell declarations from references, and mark keywords, versions and durations', async () => {
  const legend = lsp.initializeResult!.capabilities.semanticTokensProvider!.legend as SemanticTokensLegend;
  const t = text('storefront.seams');
  const { data } = (await lsp.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri: lsp.uri('storefront.seams') } }))!;
  const tokens: { line: number; char: number; len: number; type: string; mods: string[] }[] = [];
  let line = 0;
  let char = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i];
    char = data[i] === 0 ? char + data[i + 1] : data[i + 1];
    const mods = legend.tokenModifiers.filter((_, b) => data[i + 4] & (1 << b));
    tokens.push({ line, char, len: data[i + 2], type: legend.tokenTypes[data[i + 3]], mods });
  }
  const at = (needle: string, delta = 0) => {
    const p = positionOf(t, needle, delta);
    return tokens.find((x) => x.line === p.line && x.char === p.character);
  };
  assert.deepEqual(at('service catalog', 'service '.length), {
    ...at('service catalog', 'service '.length)!,
    type: 'class',
    mods: ['declaration'],
  });
  assert.equal(at('calls catalog', 'calls '.length)?.type, 'class');
  assert.deepEqual(at('calls catalog', 'calls '.length)?.mods, []);
  assert.equal(at('calls catalog')?.type, 'keyword');
  assert.equal(at('catalog.catalog-api', 'catalog.'.length)?.type, 'interface');
  assert.deepEqual(at('catalog-api v2', 'catalog-api '.length)?.mods, ['version']);
  assert.deepEqual(at('timeout 300ms', 'timeout '.length)?.mods, ['duration']);
  assert.equal(at('owner storefront-team', 'owner '.length)?.type, 'type');
});

// ---- formatting and code actions ------------------------------------------------------

test('formatting gives the canonical text, is idempotent, and refuses broken text', async () => {
  const messy = 'service  messy{\n owner   storefront-team\n      api messy-api   v1\n}\n';
  const uri = await lsp.open('messy.seams', messy);
  const edits = (await lsp.connection.sendRequest(DocumentFormattingRequest.type, {
    textDocument: { uri },
    options: { tabSize: 2, insertSpaces: true },
  }))!;
  const formatted = applyEdits(messy, edits);
  assert.equal(formatted, formatSeams(messy));
  assert.notEqual(formatted, messy);

  await lsp.change(uri, [{ text: formatted }]);
  const again = await lsp.connection.sendRequest(DocumentFormattingRequest.type, {
    textDocument: { uri },
    options: { tabSize: 2, insertSpaces: true },
  });
  assert.deepEqual(again, []);

  await lsp.change(uri, [{ text: 'service  broken {\n owner\n' }]);
  const broken = await lsp.connection.sendRequest(DocumentFormattingRequest.type, {
    textDocument: { uri },
    options: { tabSize: 2, insertSpaces: true },
  });
  assert.deepEqual(broken, []);
  await lsp.close(uri);
});

test('code actions offer the fixes that diagnostics carry, the preferred one marked', async () => {
  const body = 'service typo {\n  owner checkout-tem\n}\n';
  const uri = await lsp.open('typo.seams', body);
  const diags = await lsp.until(uri, (d) => d.some((x) => x.code === 'unresolved-reference'));
  const diag = diags.find((x) => x.code === 'unresolved-reference')!;
  const actions = (await lsp.connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range: { start: diag.range.start, end: diag.range.start },
    context: { diagnostics: [diag] },
  })) as { title: string; kind: string; isPreferred?: boolean; edit: { changes: Record<string, TextEdit[]> }; diagnostics: unknown[] }[];
  const fix = actions.find((a) => a.title === 'Change to checkout-team')!;
  assert.ok(fix, actions.map((a) => a.title).join());
  assert.equal(fix.kind, 'quickfix');
  assert.equal(fix.isPreferred, true);
  assert.equal(applyEdits(body, fix.edit.changes[uri]), body.replace('checkout-tem', 'checkout-team'));

  // Rules that carry fixes (e.g. "suppress with seams-ignore") show up the same way.
  for (const d of diags.filter((x) => x.code !== 'unresolved-reference' && x.code !== 'syntax')) {
    const more = (await lsp.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: d.range,
      context: { diagnostics: [d] },
    })) as unknown[];
    assert.ok(Array.isArray(more));
  }
  const none = await lsp.connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range: diag.range,
    context: { diagnostics: [], only: ['refactor'] },
  });
  assert.deepEqual(none, []);
  await lsp.close(uri);
});

test('diagnostics carry a code and, where documentation exists, a link to it', async () => {
  const all = [...lsp.diagnostics.values()].flat();
  assert.ok(all.length > 0);
  for (const d of all) {
    assert.equal(typeof d.code, 'string');
    assert.equal(d.source, 'seams');
    // The server runs from dist/ of this checkout, so every code's page is there.
    const href = d.codeDescription?.href ?? '';
    const path = fileURLToPath(href.replace(/#.*$/, ''));
    assert.ok(existsSync(path), `${d.code} links to an existing page (${href})`);
    assert.match(href, /docs\/rules\/([a-z-]+\.md|README\.md#fixed-errors)$/);
    if (!href.endsWith('#fixed-errors')) assert.ok(href.endsWith(`/${d.code}.md`));
  }
});

test('a repeated version is published with the Unnecessary tag and a fix that removes it', async () => {
  const body = 'service repeats {\n  api repeats-api v1 v2 v1\n}\n';
  const uri = await lsp.open('repeats.seams', body);
  const diags = await lsp.until(uri, (d) => d.some((x) => x.code === 'duplicate-definition'));
  const diag = diags.find((x) => x.code === 'duplicate-definition')!;
  assert.deepEqual(diag.tags, [DiagnosticTag.Unnecessary]);
  assert.deepEqual(diag.range, { start: { line: 1, character: 24 }, end: { line: 1, character: 26 } });
  assert.ok(
    diags.filter((x) => x !== diag).every((x) => x.tags === undefined),
    'only the repeat is faded',
  );
  const actions = (await lsp.connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range: diag.range,
    context: { diagnostics: [diag] },
  })) as { title: string; edit?: { changes: Record<string, TextEdit[]> } }[];
  const remove = actions.find((a) => a.title === 'Remove the repeated v1');
  assert.ok(remove?.edit, 'the removal is offered');
  assert.equal(applyEdits(body, remove.edit.changes[uri]), 'service repeats {\n  api repeats-api v1 v2\n}\n');
  await lsp.close(uri);
});

test('the suppress fix of a rule diagnostic, applied, silences it', async () => {
  const body = 'service stray {\n  tier internal\n  api stray-api v1\n}\n';
  const uri = await lsp.open('stray.seams', body);
  const diags = await lsp.until(uri, (d) => d.some((x) => x.code === 'missing-owner'));
  const diag = diags.find((x) => x.code === 'missing-owner')!;
  const actions = (await lsp.connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range: diag.range,
    context: { diagnostics: [diag] },
  })) as { title: string; isPreferred?: boolean; edit: { changes: Record<string, TextEdit[]> } }[];
  const suppress = actions.find((a) => a.title === 'Suppress missing-owner with seams-ignore');
  assert.ok(suppress, actions.map((a) => a.title).join());
  assert.ok(actions.filter((a) => a.isPreferred).length <= 1, 'at most one preferred fix');
  const fixed = applyEdits(body, suppress.edit.changes[uri]);
  assert.match(fixed, /\/\/ seams-ignore missing-owner\nservice stray/);
  const silenced = lsp.next((p) => p.uri === uri && !p.diagnostics.some((x) => x.code === 'missing-owner'), 'missing-owner silenced');
  await lsp.change(uri, [{ text: fixed }]);
  await silenced;
  await lsp.close(uri);
});

test("a rule's own fix is built on request, after its diagnostics were published", async () => {
  const body =
    'team crew {\n  oncall "#crew"\n}\n// seams-ignore unpinned-version\nservice lone {\n  tier internal\n  api lone-api v1\n}\n';
  const uri = await lsp.open('lone.seams', body);
  const diags = await lsp.until(uri, (d) => d.some((x) => x.code === 'missing-owner') && d.some((x) => x.code === 'unused-suppression'));
  const actionsFor = async (code: string) => {
    const diag = diags.find((x) => x.code === code)!;
    return (await lsp.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: diag.range,
      context: { diagnostics: [diag] },
    })) as { title: string; isPreferred?: boolean; edit: { changes: Record<string, TextEdit[]> } }[];
  };
  const owner = (await actionsFor('missing-owner')).find((a) => a.isPreferred);
  assert.ok(owner && owner.title.startsWith('Add owner '), 'an owner fix is offered and preferred');
  const team = owner.title.slice('Add owner '.length);
  assert.equal(applyEdits(body, owner.edit.changes[uri]), body.replace('service lone {\n', `service lone {\n  owner ${team}\n`));
  const removal = (await actionsFor('unused-suppression')).find((a) => a.title === 'Remove the unused seams-ignore directive');
  assert.ok(removal, 'the stale directive can be removed');
  assert.equal(applyEdits(body, removal.edit.changes[uri]), body.replace('// seams-ignore unpinned-version\n', ''));
  await lsp.close(uri);
});
