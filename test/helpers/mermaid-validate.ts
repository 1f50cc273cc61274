/**
 * Mermaid's own parser, run in Node: `mermaid.parse` under a `jsdom` window.
 *
 * Mermaid is written for browsers. Importing it needs a `window` and `document`,
 * and its sanitiser (DOMPurify) needs a window to bind to, otherwise `parse`
 * fails on `DOMPurify.addHook is not a function` whatever the input. So the
 * first call makes one jsdom window, binds DOMPurify to it, puts both on
 * `globalThis`, and only then imports Mermaid (about 2 s, once per process).
 * Both the export tests and the diff report's tests use this.
 */
import { JSDOM } from 'jsdom';

export type MermaidVerdict = { ok: true; diagramType: string } | { ok: false; error: string };

interface MermaidApi {
  parse(text: string, options?: { suppressErrors?: boolean }): Promise<{ diagramType: string } | false>;
  mermaidAPI: {
    getDiagramFromText(text: string): Promise<{ db: FlowDb }>;
  };
}

/** The parts of Mermaid's flowchart database read here. */
interface FlowDb {
  getVertices(): Map<string, { text?: string }> | Record<string, { text?: string }>;
  getEdges(): { text?: string }[];
  getSubGraphs(): { title?: string }[];
}

let loading: Promise<MermaidApi> | undefined;
let initialize: (config: Record<string, unknown>) => void = () => undefined;
let jsdomWindow: { close(): void; document: Document } | undefined;

function loadMermaid(): Promise<MermaidApi> {
  loading ??= (async () => {
    const { window } = new JSDOM('<!doctype html><html><body></body></html>');
    jsdomWindow = window;
    const scope = globalThis as Record<string, unknown>;
    scope.window ??= window;
    scope.document ??= window.document;
    const createDOMPurify = (await import('dompurify')).default;
    scope.DOMPurify ??= createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0]);
    const mermaid = (await import('mermaid')).default as unknown as MermaidApi & {
      initialize(config: Record<string, unknown>): void;
    };
    initialize = (config) => mermaid.initialize({ startOnLoad: false, ...config });
    return mermaid;
  })();
  return loading;
}

/**
 * Closes the jsdom window (its timers would keep the test process alive for
 * seconds after the last test). Call it from an `after` hook; a later
 * `validateMermaid` would need a new process.
 */
export function closeMermaid(): void {
  jsdomWindow?.close();
  jsdomWindow = undefined;
}

export interface MermaidLimits {
  /**
   * Mermaid refuses a flowchart with more than `maxEdges` lines (500 by
   * default, as on GitHub) while it parses. Only a test of a model that big on
   * purpose raises it.
   */
  maxEdges?: number;
}

/** What Mermaid's parser, with its default settings, says about `text`: the diagram type, or its error message. */
export async function validateMermaid(text: string, limits: MermaidLimits = {}): Promise<MermaidVerdict> {
  const mermaid = await loadMermaid();
  initialize({ maxEdges: limits.maxEdges ?? 500 });
  try {
    const result = await mermaid.parse(text);
    if (result === false) return { ok: false, error: 'mermaid.parse returned false' };
    return { ok: true, diagramType: result.diagramType };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** Throws with Mermaid's message (and the text, numbered) unless Mermaid accepts `text`. */
export async function assertMermaidParses(text: string, limits: MermaidLimits = {}): Promise<string> {
  const verdict = await validateMermaid(text, limits);
  if (!verdict.ok) {
    const numbered = text
      .split('\n')
      .map((line, i) => `${String(i + 1).padStart(4)}  ${line}`)
      .join('\n');
    throw new Error(`Mermaid rejects the diagram: ${verdict.error}\n${numbered}`);
  }
  return verdict.diagramType;
}

/**
 * The node and edge labels of a flowchart as Mermaid will show them: parsed by
 * Mermaid into its flowchart database, then decoded the way Mermaid decodes
 * them when it draws (its entity placeholders back to `&…;`, then HTML
 * entity decoding, done here by the jsdom document).
 */
export async function mermaidFlowchartLabels(
  text: string,
  limits: MermaidLimits = {},
): Promise<{ nodes: string[]; edges: string[]; subgraphs: string[] }> {
  const mermaid = await loadMermaid();
  initialize({ maxEdges: limits.maxEdges ?? 500 });
  const { db } = await mermaid.mermaidAPI.getDiagramFromText(text);
  const vertices = db.getVertices();
  const decode = (label: string): string => {
    const html = label.replace(/ﬂ°°/g, '&#').replace(/ﬂ°/g, '&').replace(/¶ß/g, ';');
    const element = jsdomWindow?.document.createElement('textarea');
    if (!element) throw new Error('the jsdom window is closed');
    element.innerHTML = html;
    return element.value;
  };
  return {
    nodes: [...(vertices instanceof Map ? vertices.values() : Object.values(vertices))].map((v) => decode(v.text ?? '')),
    edges: db.getEdges().map((e) => decode(e.text ?? '')),
    subgraphs: db.getSubGraphs().map((g) => decode(g.title ?? '')),
  };
}

/**
 * Extracts every ```mermaid fenced block from Markdown (the diff report), in
 * order, so each can be given to `assertMermaidParses`.
 */
export function mermaidBlocks(markdown: string): string[] {
  const blocks: string[] = [];
  const fence = /^```mermaid[ \t]*\r?\n([\s\S]*?)^```[ \t]*$/gm;
  for (let m = fence.exec(markdown); m; m = fence.exec(markdown)) blocks.push(m[1]);
  return blocks;
}
