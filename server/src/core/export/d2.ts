/**
 * `seams export --format d2`: the model in D2 (https://d2lang.com).
 *
 * Systems are containers, services boxes inside them, stores cylinders (inside
 * the system whose services alone use them, else at the top); a call is a
 * solid arrow caller → callee labelled `api version`, a subscription a dashed
 * arrow publisher → subscriber, a store use an undirected line. Gateways get
 * a double border; each service's tooltip carries its tier, owner, runtime
 * and libraries.
 *
 * Keys and labels are always double-quoted. Inside quotes D2 gives `\`, `"`
 * and `$` (the start of a `${variable}` substitution) a meaning, so those are
 * escaped. D2 reserves words (`shape`, `style`, `label`, `_` …) that no quoting
 * turns back into names; a name that is one gets a numeric suffix in its key,
 * while its label keeps the name.
 */
import type { Model } from '../model/model.js';
import { buildExportGraph, type ExportService, type ExportStore } from './export-graph.js';
import { IdAllocator } from './export-ids.js';

/** D2's reserved keywords (compared lower-cased), plus `_`, the parent reference. */
const D2_RESERVED = new Set([
  '_',
  'label',
  'desc',
  'shape',
  'icon',
  'constraint',
  'tooltip',
  'link',
  'near',
  'width',
  'height',
  'direction',
  'top',
  'left',
  'right',
  'bottom',
  'grid-rows',
  'grid-columns',
  'grid-gap',
  'vertical-gap',
  'horizontal-gap',
  'class',
  'classes',
  'vars',
  'style',
  'source-arrowhead',
  'target-arrowhead',
  'layers',
  'scenarios',
  'steps',
  'opacity',
  'stroke',
  'fill',
  'fill-pattern',
  'stroke-width',
  'stroke-dash',
  'border-radius',
  'font',
  'font-size',
  'font-color',
  'bold',
  'italic',
  'underline',
  'text-transform',
  'shadow',
  'multiple',
  'double-border',
  '3d',
  'animated',
  'filled',
  'src',
  'dst',
  'null',
  'suspend',
  'unsuspend',
  'import',
  'level',
  'legend-label',
]);

/** A D2 double-quoted string. */
export function d2String(text: string): string {
  return `"${text.replace(/[\r\n]+/g, ' ').replace(/[\\"$]/g, (c) => `\\${c}`)}"`;
}

function d2Ids(): IdAllocator {
  return new IdAllocator({
    // Seams names are words and dashes; anything else is dropped to `_` to be safe.
    sanitize: (name) => name.replace(/[^A-Za-z0-9_-]/g, '_'),
    reserved: D2_RESERVED,
    fallback: 'x',
  });
}

export function exportD2(model: Model): string {
  const graph = buildExportGraph(model);
  const ids = d2Ids();
  const out: string[] = ['direction: right', ''];

  // Keys are allocated per kind; systems, services and stores share one namespace
  // at the top level, so the allocator gets the kind as part of the key only.
  const systemKey = (name: string): string => ids.id('system', name);
  const serviceKey = (name: string): string => ids.id('service', name);
  const storeKey = (name: string): string => ids.id('store', name);

  const path = (parent: string | undefined, key: string): string =>
    parent === undefined ? d2String(key) : `${d2String(parent)}.${d2String(key)}`;
  const servicePath = (name: string): string => {
    const system = graph.systemOf.get(name);
    return path(system === undefined ? undefined : systemKey(system), serviceKey(name));
  };
  const storePath = (name: string): string => {
    const system = graph.storeSystemOf.get(name);
    return path(system === undefined ? undefined : systemKey(system), storeKey(name));
  };

  const service = (s: ExportService, indent: string): void => {
    const attributes: string[] = [];
    const tooltip = [
      s.tier && `tier ${s.tier}`,
      s.owner && `owner ${s.owner}`,
      s.runtime && `runtime ${s.runtime}`,
      s.libraries.length > 0 && `uses ${s.libraries.join(', ')}`,
    ].filter((p): p is string => typeof p === 'string');
    if (tooltip.length > 0) attributes.push(`tooltip: ${d2String(tooltip.join('; '))}`);
    if (s.tier === 'gateway') attributes.push('style.double-border: true');
    const block = attributes.length > 0 ? ` {\n${attributes.map((a) => `${indent}  ${a}`).join('\n')}\n${indent}}` : '';
    out.push(`${indent}${d2String(serviceKey(s.name))}: ${d2String(s.label)}${block}`);
  };
  const store = (s: ExportStore, indent: string): void => {
    out.push(`${indent}${d2String(storeKey(s.name))}: ${d2String(s.label)} {`);
    out.push(`${indent}  shape: cylinder`);
    out.push(`${indent}}`);
  };

  for (const system of graph.systems) {
    out.push(`${d2String(systemKey(system.name))}: ${d2String(system.label)} {`);
    for (const s of system.services) service(s, '  ');
    for (const s of system.stores) store(s, '  ');
    out.push('}');
  }
  for (const s of graph.services) service(s, '');
  for (const s of graph.stores) store(s, '');
  out.push('');

  for (const line of graph.lines) {
    const label = line.label === '' ? '' : `: ${d2String(line.label)}`;
    if (line.kind === 'store') {
      out.push(`${servicePath(line.from)} -- ${storePath(line.to)}${label}`);
    } else if (line.kind === 'call') {
      out.push(`${servicePath(line.from)} -> ${servicePath(line.to)}${label}`);
    } else {
      out.push(`${servicePath(line.from)} -> ${servicePath(line.to)}${label} {`);
      out.push('  style.stroke-dash: 4');
      out.push('}');
    }
  }
  return `${out.join('\n')}\n`;
}
