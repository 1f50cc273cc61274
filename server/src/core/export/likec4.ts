/**
 * `seams export --format likec4`: the model in LikeC4's language
 * (https://likec4.dev): a `specification` of the element kinds, the `model`
 * and `views`.
 *
 * Element kinds: `system` (a Seams system), `service`, `store` (drawn as
 * storage). A service's description says its tier, owner and libraries, its
 * technology is its runtime, and gateways carry the `#gateway` tag. Calls are
 * relationships of kind `calls` (solid) labelled `api version`, subscriptions
 * of kind `event` (dashed) from publisher to subscriber, store uses of kind
 * `store` (dotted). Relationships are written at the top of `model` with
 * fully qualified names (`checkout.orders`); a service calling itself is left
 * out, as LikeC4 has no relationship of an element with itself. Views: `index` (everything at
 * the top level) and one view per system.
 *
 * Identifiers are LikeC4's (`[a-zA-Z][-\w]*`): a Seams name that is not one
 * (`_x`) or that LikeC4 reserves (`model`, `it` …) is mapped, with a suffix
 * when two names would meet; titles are single-quoted strings with `\` and
 * `'` escaped.
 */
import type { Model } from '../model/model.js';
import { buildExportGraph, type ExportService, type ExportStore } from './export-graph.js';
import { IdAllocator } from './export-ids.js';

/** Words of the LikeC4 language that must not be element or view names (lower-cased). */
const LIKEC4_RESERVED = new Set([
  'specification',
  'model',
  'views',
  'view',
  'element',
  'tag',
  'relationship',
  'color',
  'extend',
  'extends',
  'of',
  'it',
  'this',
  'include',
  'exclude',
  'style',
  'title',
  'description',
  'technology',
  'link',
  'links',
  'metadata',
  'notation',
  'icon',
  'shape',
  'border',
  'opacity',
  'true',
  'false',
  'where',
  'with',
  'and',
  'or',
  'not',
  'is',
  'autolayout',
  'global',
  'group',
  'dynamic',
  'deployment',
  'deployments',
  'instanceof',
  'index',
  'navigateto',
  'parallel',
  'par',
  'line',
  'head',
  'tail',
  'kind',
  'source',
  'target',
  'import',
  'from',
  'person',
  'system',
  'service',
  'store',
  'calls',
  'event',
  'gateway',
  'element',
]);

/** A single-quoted LikeC4 string. */
export function likec4String(text: string): string {
  return `'${text.replace(/[\r\n]+/g, ' ').replace(/[\\']/g, (c) => `\\${c}`)}'`;
}

function likec4Ids(): IdAllocator {
  return new IdAllocator({
    sanitize: (name) => {
      const word = name.replace(/[^A-Za-z0-9_-]/g, '_');
      // An identifier starts with a letter (after optional underscores).
      return /^_*[A-Za-z]/.test(word) ? word : `n${word}`;
    },
    reserved: LIKEC4_RESERVED,
    fallback: 'element',
  });
}

export function exportLikeC4(model: Model): string {
  const graph = buildExportGraph(model);
  const ids = likec4Ids();
  const out: string[] = [
    'specification {',
    '  element system',
    '  element service',
    '  element store {',
    '    style {',
    '      shape storage',
    '    }',
    '  }',
    '  tag gateway',
    '  relationship calls',
    '  relationship event {',
    '    line dashed',
    '  }',
    '  relationship store {',
    '    line dotted',
    '    head none',
    '  }',
    '}',
    '',
    'model {',
  ];

  const systemId = (name: string): string => ids.id('system', name);
  const serviceFqn = (name: string): string => {
    const system = graph.systemOf.get(name);
    return system === undefined ? ids.id('service', name) : `${systemId(system)}.${ids.id('service', name)}`;
  };
  const storeFqn = (name: string): string => {
    const system = graph.storeSystemOf.get(name);
    return system === undefined ? ids.id('store', name) : `${systemId(system)}.${ids.id('store', name)}`;
  };

  const service = (s: ExportService, indent: string): void => {
    const body: string[] = [];
    if (s.tier === 'gateway') body.push('#gateway');
    const about = [
      s.tier && `tier ${s.tier}`,
      s.owner && `owner ${s.owner}`,
      s.libraries.length > 0 && `uses ${s.libraries.join(', ')}`,
    ].filter((p): p is string => typeof p === 'string');
    if (about.length > 0) body.push(`description ${likec4String(about.join('; '))}`);
    if (s.runtime) body.push(`technology ${likec4String(s.runtime)}`);
    const head = `${indent}${ids.id('service', s.name)} = service ${likec4String(s.label)}`;
    if (body.length === 0) {
      out.push(head);
    } else {
      out.push(`${head} {`, ...body.map((b) => `${indent}  ${b}`), `${indent}}`);
    }
  };
  const store = (s: ExportStore, indent: string): void => {
    const head = `${indent}${ids.id('store', s.name)} = store ${likec4String(s.name)}`;
    if (s.kind) out.push(`${head} {`, `${indent}  technology ${likec4String(s.kind)}`, `${indent}}`);
    else out.push(head);
  };

  for (const system of graph.systems) {
    out.push(`  ${systemId(system.name)} = system ${likec4String(system.label)} {`);
    for (const s of system.services) service(s, '    ');
    for (const s of system.stores) store(s, '    ');
    out.push('  }');
  }
  for (const s of graph.services) service(s, '  ');
  for (const s of graph.stores) store(s, '  ');
  if (graph.lines.length > 0) out.push('');

  for (const line of graph.lines) {
    // LikeC4 has no relationship of an element with itself (a service that calls itself).
    if (line.kind !== 'store' && line.from === line.to) continue;
    const label = line.label === '' ? '' : ` ${likec4String(line.label)}`;
    if (line.kind === 'store') {
      out.push(`  ${serviceFqn(line.from)} -[store]-> ${storeFqn(line.to)}${label}`);
    } else {
      const kind = line.kind === 'call' ? 'calls' : 'event';
      out.push(`  ${serviceFqn(line.from)} -[${kind}]-> ${serviceFqn(line.to)}${label}`);
    }
  }
  out.push('}', '', 'views {', '  view index {', `    title ${likec4String('Landscape')}`, '    include *', '  }');
  const viewIds = new IdAllocator({
    sanitize: (name) => name.replace(/[^A-Za-z0-9_-]/g, '_'),
    reserved: new Set(['index']),
    fallback: 'view',
    prefix: () => 'system_',
  });
  for (const system of graph.systems) {
    out.push(
      `  view ${viewIds.id('view', system.name)} of ${systemId(system.name)} {`,
      `    title ${likec4String(system.label)}`,
      '    include *',
      '  }',
    );
  }
  out.push('}');
  return `${out.join('\n')}\n`;
}
