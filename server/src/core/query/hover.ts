/**
 * Hover text (Markdown) for the name under the cursor: what the model knows
 * about it that the line itself does not show — who owns a service, who calls
 * it and whom it calls, what a contract offers and who consumes it, what a
 * rule code checks and why.
 */
import { FIXED_CODES } from '../diagnostics.js';
import type { Call, Contract, Model, Service } from '../model/model.js';
import type { Rule } from '../rules/rule.js';
import { formatMs } from '../syntax/literals.js';
import { occurrenceAt, type Occurrence } from './occurrences.js';

export interface HoverResult {
  markdown: string;
  /** The name hovered, to highlight. */
  start: number;
  end: number;
}

export function hoverAt(model: Model, rules: readonly Rule[], file: string, offset: number): HoverResult | undefined {
  const ast = model.files.get(file);
  const o = ast && occurrenceAt(ast, offset);
  if (!o) return runtimeAt(model, file, offset) ?? callPolicyAt(model, file, offset);
  const markdown = describe(model, rules, o);
  return markdown ? { markdown, start: o.start, end: o.end } : undefined;
}

/**
 * On a `calls` keyword: the call's effective policy — what it sets, what it
 * takes from its system's defaults, and its worst-case time.
 */
function callPolicyAt(model: Model, file: string, offset: number): HoverResult | undefined {
  const call = model.calls.find((c) => c.file === file && c.decl.keyword.start <= offset && offset <= c.decl.keyword.end);
  if (!call) return undefined;
  const p = call.policy;
  const from = (key: keyof typeof call.policySources) => {
    const source = call.policySources[key];
    if (source === 'service-defaults') return ` (from service ${call.from.name} defaults)`;
    if (source === 'system-defaults') return ` (from system ${call.from.system?.name ?? ''} defaults)`;
    return '';
  };
  const lines = [`**call ${call.from.name} → ${call.target.name}${call.api ? '.' + call.api.name : ''}**`, ''];
  const bad = p.invalid ?? {};
  const timeout = p.timeoutMs !== undefined ? formatMs(p.timeoutMs) : bad.timeout ? '_invalid_' : undefined;
  lines.push(`Timeout: ${timeout !== undefined ? timeout + from('timeoutMs') : '_none_'}`, '');
  const retries = bad.retry ? '_invalid_' : String(p.retry ?? 0);
  const backoff = p.backoff ?? (bad.backoff ? '_invalid_' : undefined);
  const retryFrom = p.retry !== undefined || bad.retry ? from('retry') : '';
  lines.push(`Retries: ${retries}${retryFrom}${backoff ? ` · backoff ${backoff}${from('backoff')}` : ''}`, '');
  lines.push(`Circuit breaker: ${p.circuitBreaker ? 'yes' + from('circuitBreaker') : 'no'}`, '');
  const worst = callWorstCaseMs(call);
  const unknown = bad.timeout || bad.retry ? 'unknown (an invalid setting; see its error)' : 'unbounded (no timeout)';
  lines.push(
    `Worst-case time: ${worst !== undefined ? `${formatMs(worst)} = (${p.retry ?? 0} + 1) × ${formatMs(p.timeoutMs!)}` : unknown}`,
  );
  return { markdown: lines.join('\n'), start: call.decl.keyword.start, end: call.decl.keyword.end };
}

/**
 * On a runtime's value: the services written in it. A runtime is a free
 * identifier, not a declared thing, so it is no occurrence (no rename, no
 * references) and is found here by its member.
 */
function runtimeAt(model: Model, file: string, offset: number): HoverResult | undefined {
  const here = [...model.services.values()].find(
    (s) => s.file === file && s.runtime && s.runtime.location.start <= offset && offset <= s.runtime.location.end,
  );
  if (!here?.runtime) return undefined;
  const name = here.runtime.name;
  const same = [...model.services.values()].filter((s) => s.runtime?.name === name).map((s) => s.name);
  const all = new Set([...model.services.values()].flatMap((s) => (s.runtime ? [s.runtime.name] : [])));
  const lines = [`**runtime ${name}**`, '', `${count(same.length, 'service')}: ${names(same)}`, ''];
  lines.push(`Runtimes in the model: ${[...all].join(', ')}`);
  return { markdown: lines.join('\n'), start: here.runtime.location.start, end: here.runtime.location.end };
}

/** The worst-case time of a call: (retry + 1) × timeout, when it has a timeout. */
export function callWorstCaseMs(call: Call): number | undefined {
  const t = call.policy.timeoutMs;
  // An invalid retry count makes the worst case unknown, as it does for the rules.
  return t === undefined || call.policy.invalid?.retry ? undefined : (1 + (call.policy.retry ?? 0)) * t;
}

/** The largest worst-case time over a service's own calls that have a timeout. */
export function serviceWorstCaseMs(s: Service): { ms: number; call: Call } | undefined {
  let worst: { ms: number; call: Call } | undefined;
  for (const c of s.calls) {
    const ms = callWorstCaseMs(c);
    if (ms !== undefined && (!worst || ms > worst.ms)) worst = { ms, call: c };
  }
  return worst;
}

function describe(model: Model, rules: readonly Rule[], o: Occurrence): string | undefined {
  switch (o.kind) {
    case 'service': {
      const s = model.services.get(o.name);
      return s ? describeService(s) : `**service ${o.name}** — not defined anywhere in the workspace`;
    }
    case 'api':
    case 'event': {
      const c = o.service ? model.services.get(o.service)?.[o.kind === 'api' ? 'apis' : 'events'].get(o.name) : undefined;
      return c ? describeContract(model, c) : `**${o.kind} ${o.service}.${o.name}** — not defined`;
    }
    case 'team': {
      const t = model.teams.get(o.name);
      if (!t) return `**team ${o.name}** — not defined anywhere in the workspace`;
      const lines = [`**team ${t.name}**${t.title ? ` — ${t.title}` : ''}`, ''];
      lines.push(`On call: ${t.oncall.length ? t.oncall.join(', ') : '_none_'}`, '');
      lines.push(`Owns ${count(t.services.length, 'service')}${t.services.length ? ': ' + names(t.services.map((s) => s.name)) : ''}`);
      return lines.join('\n');
    }
    case 'system': {
      const sys = model.systems.get(o.name);
      if (!sys) return undefined;
      const lines = [`**system ${sys.name}**${sys.title ? ` — ${sys.title}` : ''}`, ''];
      lines.push(`${count(sys.services.length, 'service')}: ${names(sys.services.map((s) => s.name))}`);
      const d = sys.defaults;
      const parts = policyWords(d);
      if (parts.length) lines.push('', `Defaults for calls: ${parts.join(', ')}`);
      return lines.join('\n');
    }
    case 'library': {
      const lib = model.libraries.get(o.name);
      if (!lib) return `**library ${o.name}** — not defined anywhere in the workspace`;
      const lines = [`**library ${lib.name}**${lib.title ? ` — ${lib.title}` : ''}`, ''];
      lines.push(`Owner: ${lib.owner?.name ?? '_none_'}`, '');
      lines.push(`Used by ${count(lib.users.length, 'service')}${lib.users.length ? ': ' + names(lib.users.map((s) => s.name)) : ''}`);
      return lines.join('\n');
    }
    case 'store': {
      const uses = model.stores.get(o.name) ?? [];
      const kind = uses.find((u) => u.kind)?.kind;
      const lines = [`**store ${o.name}**${kind ? ` (${kind})` : ''}`, ''];
      const who = uses.map((u) => `${u.service.name}${u.readonly ? ' (reads only)' : ''}`);
      lines.push(`Used by ${names(who)}${uses.length > 1 ? ' — shared' : ''}`);
      return lines.join('\n');
    }
    case 'rule':
      return describeRule(rules, o.name);
  }
}

function describeService(s: Service): string {
  const lines = [`**service ${s.name}**${s.title ? ` — ${s.title}` : ''}`, ''];
  const facts: string[] = [];
  if (s.system) facts.push(`system ${s.system.name}`);
  facts.push(`owner ${s.owner?.name ?? '_none_'}`);
  if (s.tier) facts.push(`tier ${s.tier}`);
  if (s.cadence) facts.push(`cadence ${s.cadence}`);
  if (s.runtime) facts.push(`runtime ${s.runtime.name}`);
  lines.push(facts.join(' · '), '');
  if (s.uses.length) lines.push(`Uses: ${names(s.uses.map((u) => u.name))}`, '');
  const own = policyWords(s.defaults);
  if (own.length) lines.push(`Defaults for its calls: ${own.join(', ')}`, '');
  const contracts = [...s.apis.values(), ...s.events.values()].map(contractWords);
  lines.push(`Contracts: ${contracts.length ? contracts.join('; ') : '_none_'}`, '');
  const callees = unique(s.calls.map((c) => c.target.name));
  lines.push(`Calls: ${callees.length ? names(callees) : '_nothing_'}`, '');
  const callers = unique(s.callers.map((c) => c.from.name));
  lines.push(`Called by: ${callers.length ? names(callers) : '_nobody_'}`, '');
  const subs = unique(s.subscribers.map((x) => x.subscriber.name));
  if (subs.length) lines.push(`Its events are consumed by: ${names(subs)}`, '');
  const worst = serviceWorstCaseMs(s);
  lines.push(
    worst
      ? `Worst-case call time: ${formatMs(worst.ms)} (calling ${worst.call.target.name})`
      : 'Worst-case call time: none (no call with a timeout)',
  );
  return lines.join('\n');
}

function describeContract(model: Model, c: Contract): string {
  const lines = [`**${c.kind} ${c.service.name}.${c.name}**`, ''];
  lines.push(
    `Versions: ${c.versions.length ? c.versions.map((v) => v.text).join(', ') : '_none_'}${c.protocol ? ` · protocol ${c.protocol}` : ''}`,
    '',
  );
  const consumers =
    c.kind === 'api'
      ? model.calls.filter((x) => x.api?.target === c).map((x) => `${x.from.name}${x.version ? ` (${x.version.text})` : ''}`)
      : model.subscriptions
          .filter((x) => x.event?.target === c)
          .map((x) => `${x.subscriber.name}${x.version ? ` (${x.version.text})` : ''}`);
  lines.push(`${c.kind === 'api' ? 'Called' : 'Consumed'} by: ${consumers.length ? consumers.join(', ') : '_nobody_'}`);
  return lines.join('\n');
}

function describeRule(rules: readonly Rule[], code: string): string {
  const rule = rules.find((r) => r.code === code);
  if (!rule) {
    if ((FIXED_CODES as readonly string[]).includes(code)) return `**${code}** — a fixed error; it cannot be configured or silenced`;
    return `**${code}** — there is no rule with this code`;
  }
  const lines = [`**${rule.code}** — ${rule.summary}`, '', rule.rationale, ''];
  lines.push(`Default: ${rule.defaultSeverity}${rule.defaultMax !== undefined ? `, max ${rule.defaultMax}` : ''}`);
  return lines.join('\n');
}

function contractWords(c: Contract): string {
  const versions = c.versions.map((v) => v.text).join(' ');
  return `${c.kind} ${c.name}${versions ? ' ' + versions : ''}${c.protocol ? ' ' + c.protocol : ''}`;
}

function policyWords(p: { timeoutMs?: number; retry?: number; backoff?: string; circuitBreaker?: boolean }): string[] {
  const parts: string[] = [];
  if (p.timeoutMs !== undefined) parts.push(`timeout ${formatMs(p.timeoutMs)}`);
  if (p.retry !== undefined) parts.push(`retry ${p.retry}${p.backoff ? ` backoff ${p.backoff}` : ''}`);
  if (p.circuitBreaker) parts.push('circuit-breaker');
  return parts;
}

function unique(xs: string[]): string[] {
  return [...new Set(xs)];
}

function names(xs: string[]): string {
  return xs.length ? xs.join(', ') : '_none_';
}

function count(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? '' : 's'}`;
}
