/**
 * The same architecture in LikeC4's language, for the side-by-side run against
 * `likec4 validate` in the bench: every team, system, service and store as an
 * element (services inside their system), every call, subscription and store
 * use as a relationship. What LikeC4 checks of it (names resolve, no duplicates)
 * is a subset of what `seams check` does with the Seams files.
 */
import type { Model } from '../../server/src/core/model/model.js';

/** LikeC4 names: letters, digits and underscores. */
const id = (name: string) => name.replace(/[^A-Za-z0-9_]/g, '_');
const quote = (text: string) => `'${text.replace(/['\\]/g, '')}'`;

export function toLikeC4(model: Model): string {
  const out: string[] = [
    'specification {',
    '  element team',
    '  element system',
    '  element service',
    '  element store',
    '}',
    '',
    'model {',
  ];
  for (const team of model.teams.values()) out.push(`  team ${id(team.name)} ${quote(team.title ?? team.name)}`);
  const fqn = new Map<string, string>();
  for (const system of model.systems.values()) {
    out.push(`  system ${id(system.name)} ${quote(system.title ?? system.name)} {`);
    for (const s of system.services) {
      out.push(`    service ${id(s.name)} ${quote(s.title ?? s.name)}`);
      fqn.set(s.name, `${id(system.name)}.${id(s.name)}`);
    }
    out.push('  }');
  }
  for (const s of model.services.values()) {
    if (!fqn.has(s.name)) {
      out.push(`  service ${id(s.name)} ${quote(s.title ?? s.name)}`);
      fqn.set(s.name, id(s.name));
    }
  }
  for (const store of model.stores.keys()) out.push(`  store store_${id(store)} ${quote(store)}`);
  for (const s of model.services.values()) {
    const from = fqn.get(s.name)!;
    if (s.owner?.target) out.push(`  ${from} -> ${id(s.owner.target.name)} 'owned by'`);
    for (const c of s.calls) {
      const to = fqn.get(c.target.name);
      if (to) out.push(`  ${from} -> ${to} ${quote(`calls ${c.api?.name ?? ''}`)}`);
    }
    for (const sub of s.subscriptions) {
      const to = fqn.get(sub.publisher.name);
      if (to) out.push(`  ${to} -> ${from} 'event'`);
    }
    for (const st of s.stores) out.push(`  ${from} -> store_${id(st.name)} 'uses'`);
  }
  out.push('}', '');
  return out.join('\n');
}
