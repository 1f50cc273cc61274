/**
 * D2's own compiler as a validator: the WebAssembly build that
 * `@terrastruct/d2` ships (Go's d2 parser and compiler), run in Node 20.
 *
 * The package's `D2.compile` always lays the diagram out with dagre, which
 * costs 5–25 s on the examples on this machine and tells nothing more about
 * validity. The same module also exports `getELKGraph`: it parses and compiles
 * (every syntax and compile error — unknown keywords, bad references,
 * unresolved `${variables}` — comes from there) and stops before layout. So
 * this loads the module's wasm once, in this process, and asks that.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { setFlagsFromString } from 'node:v8';

export type D2Verdict =
  { ok: true; children: number; edges: number; /** Every shape's label as D2 read it. */ labels: string[] } | { ok: false; error: string };

interface D2Wasm {
  getELKGraph(request: string): string;
}

interface GoRuntime {
  importObject: WebAssembly.Imports;
  run(instance: WebAssembly.Instance): Promise<void>;
}

let loading: Promise<D2Wasm> | undefined;

function loadD2(): Promise<D2Wasm> {
  loading ??= (async () => {
    const dist = dirname(createRequire(import.meta.url).resolve('@terrastruct/d2'));
    // wasm_exec.js is Go's loader: it defines globalThis.Go. The Go runtime keeps
    // waking itself with setTimeout and never exits; its timers are unref'd so
    // they do not hold the test process open for a minute after the last test.
    const unrefTimeout = (handler: () => void, ms?: number): NodeJS.Timeout => setTimeout(handler, ms).unref();
    new Function('setTimeout', readFileSync(join(dist, 'wasm_exec.js'), 'utf8')).call(globalThis, unrefTimeout);
    // V8 compiles the 22 MB module quickly with its baseline compiler (Liftoff),
    // then again with the optimising one in the background; the second pass
    // costs far more than validating a few diagrams gains and holds the process
    // open for half a minute at exit. Baseline only, set before compiling.
    setFlagsFromString('--liftoff-only');
    const Go = (globalThis as unknown as { Go: new () => GoRuntime }).Go;
    const go = new Go();
    const { instance } = await WebAssembly.instantiate(readFileSync(join(dist, 'd2.wasm')), go.importObject);
    void go.run(instance);
    const d2 = (globalThis as unknown as { d2?: D2Wasm }).d2;
    if (!d2?.getELKGraph) throw new Error('the d2 WebAssembly module did not register getELKGraph');
    return d2;
  })();
  return loading;
}

interface ElkNode {
  children?: ElkNode[];
  edges?: unknown[];
  labels?: { text: string }[];
}

function count(node: ElkNode, labels: string[]): { children: number; edges: number; labels: string[] } {
  let children = 0;
  let edges = node.edges?.length ?? 0;
  for (const child of node.children ?? []) {
    for (const label of child.labels ?? []) labels.push(label.text);
    const inner = count(child, labels);
    children += 1 + inner.children;
    edges += inner.edges;
  }
  return { children, edges, labels };
}

/** What D2's compiler says about `text`: the number of shapes and connections, or its errors. */
export async function validateD2(text: string): Promise<D2Verdict> {
  const d2 = await loadD2();
  const response = JSON.parse(d2.getELKGraph(JSON.stringify({ fs: { index: text } }))) as {
    data?: ElkNode;
    error?: { message: string };
  };
  if (response.error) return { ok: false, error: response.error.message };
  if (!response.data) return { ok: false, error: 'the d2 compiler returned neither a graph nor an error' };
  return { ok: true, ...count(response.data, []) };
}
