/**
 * Child process of preview-bench.ts: loads the built webview in headless
 * Chromium and times, inside the page, how long each graph (a JSON array in
 * the file named by argv[2]) takes from postMessage to the frame after it is
 * drawn. Prints one JSON array of median milliseconds on the last line.
 */
import { readFileSync } from 'node:fs';
import type { LaidOutGraph } from '../../server/src/core/layout/graph.js';
import { buildWebview, launchBrowser, openWebview } from '../webview/webview-page.js';

const graphs = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as LaidOutGraph[];
const bundle = await buildWebview();
const browser = await launchBrowser();
const out: number[] = [];
try {
  for (const graph of graphs) {
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      // A fresh page each time: the first graph a preview receives, as on opening.
      const w = await openWebview(browser, bundle);
      const ms = await w.page.evaluate(`(async () => {
        const graph = ${JSON.stringify(graph)};
        const expected = graph.nodes.length;
        const t0 = performance.now();
        window.postMessage({ type: 'graph', graph, version: 1, activeNodeIds: [] }, '*');
        const frame = () => new Promise((r) => requestAnimationFrame(r));
        while (document.querySelectorAll('g.node[data-id]').length < expected) await frame();
        await frame();
        return performance.now() - t0;
      })()`);
      times.push(ms as number);
      if (w.problems.length) throw new Error(w.problems.join('\n'));
      await w.page.close();
    }
    times.sort((a, b) => a - b);
    out.push(times[1]!);
  }
} finally {
  await browser.close();
}
console.log(JSON.stringify(out));
