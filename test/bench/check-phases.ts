/**
 * Where a language-server check spends its CPU, part by part, after an edit of
 * one file: parsing it, building the model, the rules (with suppressions and
 * sorting), signing every diagnostic, and what a worker thread would add by
 * structured-cloning the diagnostics (or the model's files) across. This is the
 * measurement behind the server keeping one owner of the analysis on its own
 * thread (docs/performance.md, "One analysis per edit"). CPU time, medians of 7
 * edits. `node test/bench/run.mjs check-phases`.
 */
import { parseIsolated, runToEnd, Workspace } from '../../server/src/core/check.js';
import type { Diagnostic } from '../../server/src/core/diagnostics.js';
import { Lines } from '../../server/src/core/text/lines.js';
import { diagnosticSignatures } from '../../server/src/lsp/diagnostic-signatures.js';
import { generateArchitecture } from '../helpers/generate-architecture.js';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const cpuMs = (f: () => void): number => {
  const start = process.cpuUsage();
  f();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};

export async function run(): Promise<void> {
  console.log('## One edit, part by part (CPU ms, median of 7)\n');
  console.log(
    "| services | parse the edited file | build the model | rules, suppressions, sort | sign every diagnostic | clone the diagnostics | clone the model's files |",
  );
  console.log('|---:|---:|---:|---:|---:|---:|---:|');
  for (const services of [1_000, 10_000]) {
    const files = generateArchitecture({ services, callsPerService: 3, seed: 7, backEdges: 0.05 });
    const ws = new Workspace();
    for (const f of files) ws.set(f.file, f.text);
    const parts: number[][] = [[], [], [], [], [], []];
    for (let i = 0; i < 7; i++) {
      const f = files[1];
      const text = f.text + ' '.repeat(i + 1);
      parts[0].push(cpuMs(() => parseIsolated(text, f.file)));
      ws.set(f.file, text);
      parts[1].push(cpuMs(() => ws.model()));
      let diagnostics: Diagnostic[] = [];
      parts[2].push(cpuMs(() => (diagnostics = runToEnd(ws.checkSteps()).diagnostics)));
      const lines = new Lines((x) => ws.text(x));
      let signatures = new Map<string, string>();
      parts[3].push(cpuMs(() => (signatures = diagnosticSignatures(diagnostics, lines))));
      parts[4].push(cpuMs(() => structuredClone({ diagnostics, signatures })));
      // The whole model does not clone at all (its references nest deeper than the stack).
      const model = ws.model();
      parts[5].push(cpuMs(() => structuredClone(model.files)));
    }
    console.log(`| ${services.toLocaleString('en')} | ${parts.map((p) => Math.round(median(p))).join(' | ')} |`);
  }
  console.log('');
  await Promise.resolve();
}
