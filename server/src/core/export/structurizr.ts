/**
 * `seams export --format structurizr`: the model as a Structurizr DSL
 * workspace (https://docs.structurizr.com/dsl/language).
 *
 * A Seams system is a `softwareSystem`; its services and the stores only its
 * services use are `container`s (stores tagged `Database`). A service outside
 * any system, and a store used across systems, become a `softwareSystem` of
 * their own. Calls are relationships tagged `Call` (description `api
 * version`), subscriptions tagged `Event` from publisher to subscriber (drawn
 * dashed), store uses tagged `Store`. A service's description says its tier,
 * owner and libraries; its technology is its runtime; gateways are tagged
 * `Gateway`. Views: a system landscape and a container view per system.
 *
 * Identifiers are flat (the DSL's default), so every element gets one that is
 * unique in the workspace: the Seams name (letters, digits, `_`, `-`), with a
 * numeric suffix when two would meet or the name is a DSL keyword. Strings
 * are double-quoted with `\` and `"` escaped. A service calling itself is left
 * out: the DSL has no relationship of an element with itself.
 *
 * Structurizr also wants element names unique among siblings (software
 * systems in the model, containers in a system) and at most one relationship
 * with the same description between two elements: a name that is taken gets
 * the Seams name added (`Orders (orders-v2)`), and a repeated call is written
 * once.
 */
import type { Model } from '../model/model.js';
import { buildExportGraph, type ExportService, type ExportStore } from './export-graph.js';
import { IdAllocator } from './export-ids.js';

/** DSL keywords an identifier must not be (compared lower-cased). */
const STRUCTURIZR_RESERVED = new Set([
  'workspace',
  'model',
  'views',
  'person',
  'softwaresystem',
  'container',
  'component',
  'group',
  'deploymentenvironment',
  'deploymentnode',
  'infrastructurenode',
  'softwaresysteminstance',
  'containerinstance',
  'element',
  'enterprise',
  'properties',
  'perspectives',
  'tags',
  'tag',
  'url',
  'description',
  'technology',
  'include',
  'exclude',
  'autolayout',
  'animation',
  'title',
  'styles',
  'relationship',
  'relationships',
  'theme',
  'themes',
  'branding',
  'terminology',
  'configuration',
  'users',
  'systemlandscape',
  'systemcontext',
  'filtered',
  'dynamic',
  'deployment',
  'custom',
  'image',
  'this',
  'docs',
  'adrs',
  'extends',
  'identifiers',
  'impliedrelationships',
  'scope',
  'visibility',
  'name',
  'instances',
  'healthcheck',
  'default',
]);

/** A Structurizr DSL string. */
export function structurizrString(text: string): string {
  return `"${text.replace(/[\r\n]+/g, ' ').replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

export function exportStructurizr(model: Model): string {
  const graph = buildExportGraph(model);
  const ids = new IdAllocator({
    sanitize: (name) => name.replace(/[^A-Za-z0-9_-]/g, '_'),
    reserved: STRUCTURIZR_RESERVED,
    fallback: 'element',
  });
  const q = structurizrString;
  const topNames = new UniqueNames();
  const out: string[] = [`workspace ${q('Seams model')} ${q('Exported by seams export --format structurizr')} {`, '  model {'];

  const serviceLine = (s: ExportService, keyword: 'container' | 'softwareSystem', indent: string, names: UniqueNames): void => {
    const about = [s.tier && `tier ${s.tier}`, s.owner && `owner ${s.owner}`, s.libraries.length > 0 && `uses ${s.libraries.join(', ')}`]
      .filter((p): p is string => typeof p === 'string')
      .join('; ');
    const tags = ['Service', ...(s.tier === 'gateway' ? ['Gateway'] : [])].join(',');
    const id = ids.id('service', s.name);
    // container: name description technology tags; softwareSystem: name description tags.
    const parts =
      keyword === 'container'
        ? [q(names.name(s.label, s.name)), q(about), q(s.runtime ?? ''), q(tags)]
        : [q(names.name(s.label, s.name)), q(about), q(tags)];
    out.push(`${indent}${id} = ${keyword} ${parts.join(' ')}`);
  };
  const storeLine = (s: ExportStore, keyword: 'container' | 'softwareSystem', indent: string, names: UniqueNames): void => {
    const id = ids.id('store', s.name);
    const parts =
      keyword === 'container'
        ? [q(names.name(s.name, s.name)), q(''), q(s.kind ?? ''), q('Database')]
        : [q(names.name(s.name, s.name)), q(s.kind ? `${s.kind} store` : ''), q('Database')];
    out.push(`${indent}${id} = ${keyword} ${parts.join(' ')}`);
  };

  for (const system of graph.systems) {
    const id = ids.id('system', system.name);
    const label = q(topNames.name(system.label, system.name));
    if (system.services.length === 0 && system.stores.length === 0) {
      out.push(`    ${id} = softwareSystem ${label}`);
      continue;
    }
    out.push(`    ${id} = softwareSystem ${label} {`);
    const inside = new UniqueNames();
    for (const s of system.services) serviceLine(s, 'container', '      ', inside);
    for (const s of system.stores) storeLine(s, 'container', '      ', inside);
    out.push('    }');
  }
  for (const s of graph.services) serviceLine(s, 'softwareSystem', '    ', topNames);
  for (const s of graph.stores) storeLine(s, 'softwareSystem', '    ', topNames);

  const relationships: string[] = [];
  const written = new Set<string>();
  const relationship = (from: string, to: string, description: string, tag: string): void => {
    const key = `${from}\u0000${to}\u0000${description}`;
    if (written.has(key)) return;
    written.add(key);
    relationships.push(`    ${from} -> ${to} ${q(description)} ${q('')} ${q(tag)}`);
  };
  for (const line of graph.lines) {
    if (line.kind === 'store') {
      const tag = line.readonly ? 'Store,Readonly' : 'Store';
      relationship(ids.id('service', line.from), ids.id('store', line.to), line.readonly ? 'reads' : 'reads and writes', tag);
    } else if (line.from !== line.to) {
      const tag = line.kind === 'call' ? 'Call' : 'Event';
      const description = line.label || (line.kind === 'call' ? 'calls' : 'event');
      relationship(ids.id('service', line.from), ids.id('service', line.to), description, tag);
    }
  }
  if (relationships.length > 0) out.push('', ...relationships);
  out.push('  }', '', '  views {', `    systemLandscape ${q('landscape')} {`, '      include *', '      autoLayout lr', '    }');

  const viewKeys = new IdAllocator({
    sanitize: (name) => name.replace(/[^A-Za-z0-9_-]/g, '_'),
    prefix: () => 'system-',
    fallback: 'view',
  });
  for (const system of graph.systems) {
    if (system.services.length === 0 && system.stores.length === 0) continue;
    out.push(
      `    container ${ids.id('system', system.name)} ${q(viewKeys.id('view', system.name))} {`,
      '      include *',
      '      autoLayout lr',
      '    }',
    );
  }
  out.push(
    '    styles {',
    `      element ${q('Database')} {`,
    '        shape cylinder',
    '      }',
    `      element ${q('Gateway')} {`,
    '        border dashed',
    '      }',
    `      relationship ${q('Event')} {`,
    '        style dashed',
    '      }',
    `      relationship ${q('Store')} {`,
    '        style dotted',
    '      }',
    '    }',
    '  }',
    '}',
  );
  return `${out.join('\n')}\n`;
}

/** Names unique among siblings: a taken name gets the Seams name, then a number, added. */
class UniqueNames {
  private readonly taken = new Set<string>();

  name(label: string, seamsName: string): string {
    let candidate = label;
    if (this.taken.has(candidate)) candidate = `${label} (${seamsName})`;
    for (let n = 2; this.taken.has(candidate); n++) candidate = `${label} (${seamsName} ${n})`;
    this.taken.add(candidate);
    return candidate;
  }
}
