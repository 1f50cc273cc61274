/**
 * `seams export --format plantuml`: a PlantUML component diagram in plain
 * component syntax (https://plantuml.com/component-diagram), no includes.
 *
 * A system is a `package`, a service a `component` (gateways with the
 * `<<gateway>>` stereotype, other tiers likewise), a store a `database`; a
 * call is `-->` labelled `api version`, a subscription `..>` from publisher to
 * subscriber, a store use `--` (`..` when read-only).
 *
 * Every element is declared with a quoted display name and an alias (`as
 * svc_orders`, the same alphabet and prefixes as the Mermaid export), and
 * lines use the aliases. PlantUML reads `\n`, creole markup (`**bold**`,
 * `--strike--`, `<b>`, `[[link]]`) and preprocessor variables inside names
 * and labels, and a display name cannot hold `"`; so `"`, `\`, `<`, `>`, `&`,
 * `~`, brackets, `|`, `%`, `$`, quotes and backticks, and a doubled `-`, `_`,
 * `*`, `/`, `=`, `^` or `#`, are written as `&#N;` character references,
 * which PlantUML shows as the character.
 */
import type { Model } from '../model/model.js';
import { buildExportGraph, type ExportService, type ExportStore } from './export-graph.js';
import { mermaidIds } from './mermaid.js';

/** Characters PlantUML may read as markup, a preprocessor variable or a link wherever they stand. */
const ALWAYS = /["\\<>&~[\]{}|%$'`]/;
/** Characters that are creole markup only doubled (`--strike--`, `__underline__`, `**bold**` …). */
const DOUBLED = /[-_*/=^#]/;

/** Text for a PlantUML display name or label: markup characters as `&#N;`. */
export function plantumlText(text: string): string {
  const chars = [...text.replace(/[\r\n]+/g, ' ')];
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    const doubled = DOUBLED.test(c) && (chars[i - 1] === c || chars[i + 1] === c);
    out += ALWAYS.test(c) || doubled ? `&#${c.codePointAt(0)};` : c;
  }
  return out;
}

export function exportPlantUml(model: Model): string {
  const graph = buildExportGraph(model);
  // Same alphabet and prefixes as Mermaid: letters, digits and `_`, never a keyword.
  const ids = mermaidIds();
  const out: string[] = ['@startuml', 'left to right direction', `title ${plantumlText('Seams model')}`, ''];

  const service = (s: ExportService, indent: string): void => {
    const stereotype = s.tier ? ` <<${s.tier}>>` : '';
    out.push(`${indent}component "${plantumlText(s.label)}" as ${ids.id('service', s.name)}${stereotype}`);
  };
  const store = (s: ExportStore, indent: string): void => {
    out.push(`${indent}database "${plantumlText(s.label)}" as ${ids.id('store', s.name)}`);
  };

  for (const system of graph.systems) {
    out.push(`package "${plantumlText(system.label)}" as ${ids.id('system', system.name)} {`);
    for (const s of system.services) service(s, '  ');
    for (const s of system.stores) store(s, '  ');
    out.push('}');
  }
  for (const s of graph.services) service(s, '');
  for (const s of graph.stores) store(s, '');
  out.push('');

  for (const line of graph.lines) {
    const label = line.label === '' ? '' : ` : ${plantumlText(line.label)}`;
    if (line.kind === 'store') {
      out.push(`${ids.id('service', line.from)} ${line.readonly ? '..' : '--'} ${ids.id('store', line.to)}${label}`);
    } else {
      const arrow = line.kind === 'call' ? '-->' : '..>';
      out.push(`${ids.id('service', line.from)} ${arrow} ${ids.id('service', line.to)}${label}`);
    }
  }
  out.push('@enduml');
  return `${out.join('\n')}\n`;
}
