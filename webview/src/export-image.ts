/**
 * Export of the picture. The SVG is `renderSvg`'s output — the very text
 * `seams render` writes for the same graph — in the light or dark theme to match
 * the editor; the PNG is that SVG rasterised on a canvas at twice its size.
 */
import type { LaidOutGraph } from '../../server/src/core/layout/graph.js';
import { renderSvg } from '../../server/src/core/render/svg.js';

export type ExportTheme = 'light' | 'dark';

/** The theme for exports: VS Code marks the body with its theme kind. */
export function themeOfBody(body: HTMLElement): ExportTheme {
  const c = body.classList;
  if (c.contains('vscode-high-contrast-light')) return 'light';
  return c.contains('vscode-dark') || c.contains('vscode-high-contrast') ? 'dark' : 'light';
}

export function exportSvg(graph: LaidOutGraph, theme: ExportTheme): string {
  return renderSvg(graph, { theme });
}

/** Rasterise an SVG through an <img> (allowed by the CSP for data: URLs) and a canvas; base64 PNG without prefix. */
export async function svgToPngBase64(svg: string, width: number, height: number, pixelRatio = 2): Promise<string> {
  const img = new Image();
  const loaded = new Promise<void>((resolve, reject) => {
    img.onload = () => resolve();
    img.onerror = () => reject(new Error('The SVG could not be rasterised.'));
  });
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await loaded;
  // Canvas size limits: keep below 16k pixels a side.
  const ratio = Math.min(pixelRatio, 16000 / Math.max(width, 1), 16000 / Math.max(height, 1));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.ceil(width * ratio));
  canvas.height = Math.max(1, Math.ceil(height * ratio));
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('No 2D canvas available.');
  ctx.scale(ratio, ratio);
  ctx.drawImage(img, 0, 0, width, height);
  return canvas.toDataURL('image/png').replace(/^data:image\/png;base64,/, '');
}
