/**
 * The preview webview's HTML page. Pure (no `vscode` import) so the webview
 * tests load exactly this page in Chromium.
 *
 * Security model (docs/preview.md): nothing may load or run except the bundled
 * script carrying this page's nonce and the bundled stylesheet. Styles set from
 * script go through the CSSOM (`el.style.left = …`), which CSP does not govern,
 * so no 'unsafe-inline' is needed. `img-src data:` is for the PNG export, which
 * rasterises the SVG through an <img>.
 */
import { randomBytes } from 'node:crypto';

export interface PreviewHtmlParts {
  /** `webview.cspSource`: the origin the webview serves local resources from. */
  cspSource: string;
  /** `webview.asWebviewUri(dist/webview.js)` as a string. */
  scriptUri: string;
  /** `webview.asWebviewUri(dist/webview.css)` as a string. */
  styleUri: string;
  /** A fresh random value per page. */
  nonce: string;
}

export function makeNonce(): string {
  return randomBytes(18).toString('base64');
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `img-src ${cspSource} data:`,
    `font-src ${cspSource}`,
  ].join('; ');
}

/** Attribute-safe text (the URIs are ours, but they contain user folder names). */
function attr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function previewHtml(parts: PreviewHtmlParts): string {
  const { cspSource, scriptUri, styleUri, nonce } = parts;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${attr(contentSecurityPolicy(cspSource, nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Seams Preview</title>
<link rel="stylesheet" nonce="${attr(nonce)}" href="${attr(styleUri)}">
</head>
<body>
<div id="app"></div>
<script nonce="${attr(nonce)}" src="${attr(scriptUri)}"></script>
</body>
</html>
`;
}
