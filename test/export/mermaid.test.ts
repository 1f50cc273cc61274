/**
 * The Mermaid export and its quoting, checked by Mermaid's own parser
 * (mermaid.parse under jsdom, test/helpers/mermaid-validate.ts).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { exportMermaid, mermaidEdgeLabel, mermaidEscape, mermaidIds, mermaidText } from '../../server/src/core/export/mermaid.js';
import { generateArchitecture } from '../helpers/generate-architecture.js';
import { assertMermaidParses, closeMermaid, mermaidBlocks, mermaidFlowchartLabels, validateMermaid } from '../helpers/mermaid-validate.js';
import { exportModels, modelFromText, modelOf, ROOT } from './export-fixtures.js';

after(closeMermaid);

/** Mermaid's decoding of the entities the export writes (what a reader sees). */
function decodeEntities(text: string): string {
  const named: Record<string, string> = { quot: '"', lt: '<', gt: '>', amp: '&' };
  return text.replace(/#(\w+);/g, (whole, code: string) =>
    /^\d+$/.test(code) ? String.fromCodePoint(Number(code)) : (named[code] ?? whole),
  );
}

const AWKWARD = [
  'plain',
  'Say "hi"',
  '#quot; literally',
  '<b>bold</b> & <script>x</script>',
  'a | b --> c -.-> d',
  '`code` and ${template} and %% not a comment',
  '注文サービス 🚀 Zürich — ünïcödé',
  'back\\slash; semi: colon {braces} [brackets] (parens)',
  "it's",
  '',
];

describe('Mermaid quoting', () => {
  it('escapes every awkward character and decodes back to the same text', () => {
    for (const text of AWKWARD) {
      const escaped = mermaidEscape(text);
      assert.doesNotMatch(escaped, /["<>&`]/, text);
      assert.equal(decodeEntities(escaped), text);
    }
  });

  it('each awkward text is accepted as a node label and as an edge label, and Mermaid shows it as written', async () => {
    const lines = ['flowchart LR'];
    AWKWARD.forEach((text, i) => {
      lines.push(`  n${i}[${mermaidText(text)}]`);
      lines.push(`  n${i} -->${mermaidEdgeLabel(text)} m${i}`);
    });
    await assertMermaidParses(lines.join('\n'));
    const labels = await mermaidFlowchartLabels(lines.join('\n'));
    for (const text of AWKWARD) {
      if (text === '') continue;
      assert.ok(labels.nodes.includes(text), `node label ${JSON.stringify(text)} in ${JSON.stringify(labels.nodes)}`);
      assert.ok(labels.edges.includes(text), `edge label ${JSON.stringify(text)} in ${JSON.stringify(labels.edges)}`);
    }
  });

  it('gives distinct ids to names that sanitize alike, and the same id to the same element', () => {
    const ids = mermaidIds();
    const ab = ids.id('service', 'a-b');
    const a_b = ids.id('service', 'a_b');
    const caseTwin = ids.id('service', 'A-B');
    assert.equal(ab, 'svc_a_b');
    assert.notEqual(ab, a_b);
    assert.notEqual(caseTwin.toLowerCase(), ab.toLowerCase());
    assert.notEqual(caseTwin.toLowerCase(), a_b.toLowerCase());
    assert.equal(ids.id('service', 'a-b'), ab);
    assert.equal(ids.id('store', 'a-b'), 'db_a_b');
    for (const id of [ab, a_b, caseTwin]) assert.match(id, /^[A-Za-z][A-Za-z0-9_]*$/);
  });

  it('ids are never a Mermaid keyword, whatever the name', async () => {
    const ids = mermaidIds();
    const names = ['end', 'graph', 'subgraph', 'flowchart', 'style', 'class', 'classDef', 'click', 'direction', 'o', 'x'];
    const lines = ['flowchart LR'];
    for (const name of names) lines.push(`  ${ids.id('service', name)}[${mermaidText(name)}] --> ${ids.id('store', name)}`);
    await assertMermaidParses(lines.join('\n'));
  });

  it("the validator keeps Mermaid's default limit of 500 lines", async () => {
    const lines = ['flowchart LR', ...Array.from({ length: 501 }, (_, i) => `  a${i} --> b${i}`)];
    assert.equal((await validateMermaid(lines.join('\n'))).ok, false);
    assert.equal((await validateMermaid(lines.join('\n'), { maxEdges: 1000 })).ok, true);
  });

  it('the validator really rejects broken diagrams', async () => {
    const verdict = await validateMermaid('flowchart LR\n  a["unterminated] --> b\n');
    assert.equal(verdict.ok, false);
    assert.equal((await validateMermaid('flowchart LR\n  end --> b\n')).ok, false);
  });

  it('finds the mermaid blocks of a Markdown report', () => {
    const md = 'text\n```mermaid\nflowchart LR\n  a --> b\n```\nmore\n```mermaid\nflowchart TD\n  c\n```\n';
    assert.deepEqual(mermaidBlocks(md), ['flowchart LR\n  a --> b\n', 'flowchart TD\n  c\n']);
  });
});

describe('seams export --format mermaid', () => {
  for (const { name, model } of exportModels()) {
    it(`Mermaid parses the export of ${name}, every title shown as written`, async () => {
      const text = exportMermaid(model);
      // Mermaid's default limit of 500 lines holds for every model but the generated one.
      const limits = name.includes('generated') ? { maxEdges: 5000 } : {};
      if (!name.includes('generated')) assert.equal((await validateMermaid(text, { maxEdges: 500 })).ok, true);
      assert.equal(await assertMermaidParses(text, limits), 'flowchart-v2');
      const { nodes, subgraphs } = await mermaidFlowchartLabels(text, limits);
      for (const service of model.services.values()) {
        const label = service.title || service.name;
        assert.ok(nodes.includes(label), `${JSON.stringify(label)} is not among Mermaid's labels`);
      }
      for (const system of model.systems.values()) {
        const label = system.title || system.name;
        assert.ok(subgraphs.includes(label), `${JSON.stringify(label)} is not among ${JSON.stringify(subgraphs)}`);
      }
    });
  }

  it('draws systems as subgraphs, stores as cylinders, calls solid and subscriptions dashed, labelled', () => {
    const text = exportMermaid(
      modelFromText(`
system shop "Online \\"shop\\"" {
  service orders "Orders" {
    store orders-db postgres
    api orders-api v1
    event order-placed v3
    calls catalog.catalog-api v2 { timeout 1s }
  }
  service catalog {
    api catalog-api v1 v2 rest
    subscribes orders.order-placed v3
  }
}
service billing { calls orders }
`),
    );
    assert.equal(
      text,
      [
        'flowchart LR',
        '  subgraph sys_shop["Online #quot;shop#quot;"]',
        '    svc_orders["Orders"]',
        '    svc_catalog["catalog"]',
        '    db_orders_db[("orders-db (postgres)")]',
        '  end',
        '  svc_billing["billing"]',
        '  svc_orders -->|"catalog-api v2"| svc_catalog',
        '  svc_billing --> svc_orders',
        '  svc_orders -.->|"order-placed v3"| svc_catalog',
        '  svc_orders --- db_orders_db',
        '',
      ].join('\n'),
    );
  });

  it('docs/export.md shows what the exporter writes for its example, and Mermaid parses it', async () => {
    const doc = readFileSync(join(ROOT, 'docs', 'export.md'), 'utf8');
    const seams = /^```seams\n([\s\S]*?)^```$/m.exec(doc)?.[1];
    assert.ok(seams, 'docs/export.md has a seams example');
    const [flowchart] = mermaidBlocks(doc);
    assert.equal(flowchart, exportMermaid(modelFromText(seams, 'shop.seams')));
    await assertMermaidParses(flowchart);
  });

  it('leaves unresolved references out and stays parseable', async () => {
    const files = generateArchitecture({ services: 40, seed: 7 });
    files.push({ file: 'broken.seams', text: 'service broken {\n  calls nowhere.api v1\n  subscribes ghost.event\n}\n' });
    const text = exportMermaid(modelOf(files));
    assert.doesNotMatch(text, /nowhere|ghost/);
    await assertMermaidParses(text);
  });
});
