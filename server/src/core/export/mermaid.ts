/**
 * `seams export --format mermaid`: a Mermaid flowchart of the model.
 *
 * Systems are subgraphs, services rectangles, stores cylinders; a call is a
 * solid arrow caller → callee labelled `api version`, a subscription a dashed
 * arrow publisher → subscriber labelled `event version`, a store use a plain
 * line (labelled `readonly` when the service only reads). Lines of the same
 * kind between the same two elements are drawn once with their labels joined
 * (Mermaid refuses more than 500 lines by default). Gateways, user-facing and
 * background services are told apart with classes.
 *
 * The quoting helpers here are also what the diff report's flowchart uses:
 * `mermaidIds()` gives every element an id Mermaid accepts (letters, digits
 * and `_`, prefixed by kind so no id is a keyword such as `end`), and
 * `mermaidText()` puts any text into a quoted label with Mermaid's entity
 * codes, so quotes, `#`, `<`, `|` and backticks show as written.
 */
import type { Model } from '../model/model.js';
import { buildExportGraph, type ExportLine, type ExportService, type ExportStore } from './export-graph.js';
import { IdAllocator, wordCharacters } from './export-ids.js';

/** Kinds of element with their own id prefix. */
export type MermaidKind = 'service' | 'store' | 'system' | 'team' | 'library' | 'node';

const PREFIX: Record<string, string> = {
  service: 'svc_',
  store: 'db_',
  system: 'sys_',
  team: 'team_',
  library: 'lib_',
};

/**
 * A fresh id allocator for one diagram: `ids.id('service', 'orders')` →
 * `svc_orders`. Distinct elements always get distinct ids (`a-b` and `a_b`
 * both sanitize to `a_b`; the second gets `_2`), the same element the same id.
 */
export function mermaidIds(): IdAllocator {
  return new IdAllocator({
    sanitize: wordCharacters,
    prefix: (kind) => PREFIX[kind] ?? 'n_',
    fallback: 'x',
  });
}

/**
 * Text for inside a double-quoted Mermaid label (without the quotes). Mermaid
 * decodes `#name;` and `#code;` entities when it draws, so characters that
 * would end the string or be read as markup are written as entities.
 */
export function mermaidEscape(text: string): string {
  let out = '';
  for (const ch of text.replace(/[\r\n]+/g, ' ')) {
    switch (ch) {
      case '#':
        out += '#35;';
        break;
      case '"':
        out += '#quot;';
        break;
      case '<':
        out += '#lt;';
        break;
      case '>':
        out += '#gt;';
        break;
      case '&':
        out += '#amp;';
        break;
      case '`':
        out += '#96;';
        break;
      default:
        out += ch;
    }
  }
  return out;
}

/** A quoted label: `"text"` with everything escaped (Mermaid refuses `""`, so empty text is one space). */
export function mermaidText(text: string): string {
  return text === '' ? '" "' : `"${mermaidEscape(text)}"`;
}

/** A quoted edge label between pipes, or nothing for an empty label. */
export function mermaidEdgeLabel(text: string): string {
  return text === '' ? '' : `|${mermaidText(text)}|`;
}

export interface MermaidOptions {
  /** `LR` (default) or `TD`. */
  direction?: 'LR' | 'TD';
}

/** The model as one Mermaid flowchart (text ends with a newline). */
export function exportMermaid(model: Model, options: MermaidOptions = {}): string {
  const graph = buildExportGraph(model);
  const ids = mermaidIds();
  const out: string[] = [`flowchart ${options.direction ?? 'LR'}`];

  const service = (s: ExportService, indent: string): void => {
    out.push(`${indent}${ids.id('service', s.name)}[${mermaidText(s.label)}]`);
  };
  const store = (s: ExportStore, indent: string): void => {
    out.push(`${indent}${ids.id('store', s.name)}[(${mermaidText(s.label)})]`);
  };

  for (const system of graph.systems) {
    out.push(`  subgraph ${ids.id('system', system.name)}[${mermaidText(system.label)}]`);
    for (const s of system.services) service(s, '    ');
    for (const s of system.stores) store(s, '    ');
    out.push('  end');
  }
  for (const s of graph.services) service(s, '  ');
  for (const s of graph.stores) store(s, '  ');

  for (const line of mergeParallel(graph.lines)) {
    if (line.kind === 'store') {
      out.push(`  ${ids.id('service', line.from)} ---${mermaidEdgeLabel(line.label)} ${ids.id('store', line.to)}`);
    } else {
      const arrow = line.kind === 'call' ? '-->' : '-.->';
      out.push(`  ${ids.id('service', line.from)} ${arrow}${mermaidEdgeLabel(line.label)} ${ids.id('service', line.to)}`);
    }
  }

  const byTier = new Map<string, string[]>();
  for (const s of [...graph.systems.flatMap((g) => g.services), ...graph.services]) {
    if (s.tier === 'gateway' || s.tier === 'background' || s.tier === 'user-facing') {
      const list = byTier.get(s.tier) ?? [];
      list.push(ids.id('service', s.name));
      byTier.set(s.tier, list);
    }
  }
  if (byTier.size > 0) {
    out.push('  classDef userFacing stroke-width:3px');
    out.push('  classDef gateway stroke-width:3px,stroke-dasharray:6 3');
    out.push('  classDef background fill:#eeeeee');
    for (const [tier, members] of byTier) {
      const cls = tier === 'user-facing' ? 'userFacing' : tier;
      out.push(`  class ${members.join(',')} ${cls}`);
    }
  }
  return `${out.join('\n')}\n`;
}

/**
 * Mermaid refuses a flowchart of more than 500 lines by default (GitHub keeps
 * the default), so lines of the same kind between the same two elements
 * become one, their labels joined: `orders-api v1, orders-api v2`.
 */
function mergeParallel(lines: readonly ExportLine[]): ExportLine[] {
  const merged = new Map<string, ExportLine>();
  for (const line of lines) {
    const key = `${line.kind}\u0000${line.from}\u0000${line.to}`;
    const seen = merged.get(key);
    if (seen === undefined) {
      merged.set(key, { ...line });
    } else if (line.label !== '' && !seen.label.split(', ').includes(line.label)) {
      seen.label = seen.label === '' ? line.label : `${seen.label}, ${line.label}`;
    }
  }
  return [...merged.values()];
}
