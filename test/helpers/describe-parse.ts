/**
 * A plain-text picture of a parse, for the parser's fixture baselines: which
 * declarations were recovered, then every syntax diagnostic with its 1-based
 * range. Reviewed by hand when a fixture is added.
 */
import { parseSeams } from '../../server/src/core/syntax/parse.js';
import { LineIndex } from '../../server/src/core/text/line-index.js';

export function describeParse(text: string, file = 'fixture.seams'): string {
  const { ast, diagnostics } = parseSeams(text, file);
  const lines = new LineIndex(text);
  const at = (offset: number) => {
    const p = lines.positionAt(offset);
    return `${p.line + 1}:${p.character + 1}`;
  };
  const names = ast.declarations.map((d) => {
    const label = `${d.kind} ${'name' in d && d.name ? d.name.text : '(unnamed)'}`;
    return d.kind === 'system' ? `${label} [${d.services.map((s) => s.name?.text ?? '(unnamed)').join(', ')}]` : label;
  });
  const out = [`declarations: ${names.join('; ')}`];
  for (const d of diagnostics) {
    out.push(`${at(d.location.start)}-${at(d.location.end)} ${d.code} ${d.message}`);
  }
  return out.join('\n') + '\n';
}
