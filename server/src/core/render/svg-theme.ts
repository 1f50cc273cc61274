/**
 * The style sheet embedded in every rendered SVG. Colours are CSS custom
 * properties set once per theme, and every rule reads the properties, so the
 * three themes differ only in the property block. The `vscode` theme maps them
 * onto VS Code's own theme variables (with light fallbacks) so the preview
 * follows light, dark and high-contrast themes without re-rendering.
 */
import { FONT } from '../layout/text-metrics.js';

export type SvgTheme = 'light' | 'dark' | 'vscode';

const LIGHT = {
  bg: '#ffffff',
  fg: '#1f2328',
  muted: '#59636e',
  nodeFill: '#f6f8fa',
  nodeStroke: '#8c959f',
  storeFill: '#eef4fb',
  groupFill: 'rgba(84, 174, 255, 0.06)',
  groupStroke: '#b6c2cf',
  edge: '#6e7781',
  labelBg: '#ffffff',
  error: '#cf222e',
  warning: '#bf8700',
  info: '#0969da',
  hint: '#8250df',
  badgeText: '#ffffff',
};

const DARK: typeof LIGHT = {
  bg: '#1e1e1e',
  fg: '#e6edf3',
  muted: '#9da7b3',
  nodeFill: '#262c33',
  nodeStroke: '#6e7781',
  storeFill: '#1f2a36',
  groupFill: 'rgba(84, 174, 255, 0.07)',
  groupStroke: '#3d4651',
  edge: '#8b949e',
  labelBg: '#1e1e1e',
  error: '#f85149',
  warning: '#d29922',
  info: '#4493f8',
  hint: '#ab7df8',
  badgeText: '#0d1117',
};

/** VS Code theme variables, each with the light colour as fallback (outside a webview). */
const VSCODE: typeof LIGHT = {
  bg: `var(--vscode-editor-background, ${LIGHT.bg})`,
  fg: `var(--vscode-editor-foreground, ${LIGHT.fg})`,
  muted: `var(--vscode-descriptionForeground, ${LIGHT.muted})`,
  nodeFill: `var(--vscode-editorWidget-background, ${LIGHT.nodeFill})`,
  nodeStroke: `var(--vscode-editorWidget-border, var(--vscode-contrastBorder, ${LIGHT.nodeStroke}))`,
  storeFill: `var(--vscode-editorWidget-background, ${LIGHT.storeFill})`,
  groupFill: `var(--vscode-editor-background, ${LIGHT.bg})`,
  groupStroke: `var(--vscode-panel-border, var(--vscode-contrastBorder, ${LIGHT.groupStroke}))`,
  edge: `var(--vscode-editorLineNumber-foreground, ${LIGHT.edge})`,
  labelBg: `var(--vscode-editor-background, ${LIGHT.labelBg})`,
  error: `var(--vscode-editorError-foreground, ${LIGHT.error})`,
  warning: `var(--vscode-editorWarning-foreground, ${LIGHT.warning})`,
  info: `var(--vscode-editorInfo-foreground, ${LIGHT.info})`,
  hint: `var(--vscode-editorHint-foreground, ${LIGHT.hint})`,
  badgeText: `var(--vscode-editor-background, ${LIGHT.badgeText})`,
};

const THEMES: Record<SvgTheme, typeof LIGHT> = { light: LIGHT, dark: DARK, vscode: VSCODE };

function kebab(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** The `<style>` body for a theme. Class names are shared with the webview's drawing code. */
export function svgStyle(theme: SvgTheme): string {
  const vars = Object.entries(THEMES[theme])
    .map(([k, v]) => `--seams-${kebab(k)}:${v};`)
    .join('');
  const font =
    theme === 'vscode'
      ? 'var(--vscode-font-family, system-ui, -apple-system, "Segoe UI", sans-serif)'
      : 'system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif';
  return [
    `.seams-graph{${vars}font-family:${font};}`,
    '.seams-graph .background{fill:var(--seams-bg);}',
    '.seams-graph text{fill:var(--seams-fg);}',
    `.seams-graph .label{font-size:${FONT.label}px;font-weight:600;}`,
    `.seams-graph .sublabel{font-size:${FONT.sublabel}px;fill:var(--seams-muted);}`,
    `.seams-graph .group-label{font-size:${FONT.groupTitle}px;font-weight:600;fill:var(--seams-muted);}`,
    '.seams-graph .kind-group .shape{fill:var(--seams-group-fill);stroke:var(--seams-group-stroke);stroke-width:1;}',
    '.seams-graph .kind-group.collapsed .shape{fill:var(--seams-node-fill);stroke:var(--seams-node-stroke);stroke-width:1.5;stroke-dasharray:4 2;}',
    '.seams-graph .kind-service .shape{fill:var(--seams-node-fill);stroke:var(--seams-node-stroke);stroke-width:1.2;}',
    '.seams-graph .kind-store .shape{fill:var(--seams-store-fill);stroke:var(--seams-node-stroke);stroke-width:1.2;}',
    '.seams-graph .edge .line{fill:none;stroke:var(--seams-edge);stroke-width:1.4;}',
    '.seams-graph .edge.kind-subscription .line{stroke-dasharray:6 4;}',
    '.seams-graph .edge.kind-store .line{stroke-dasharray:2 3;}',
    '.seams-graph .arrow path{fill:var(--seams-edge);}',
    '.seams-graph .edge-label rect{fill:var(--seams-label-bg);opacity:0.9;}',
    `.seams-graph .edge-label text{font-size:${FONT.edgeLabel}px;fill:var(--seams-muted);}`,
    '.seams-graph .badge text{font-size:10px;font-weight:700;fill:var(--seams-badge-text);}',
    '.seams-graph .legend text{font-size:11px;fill:var(--seams-muted);}',
    '.seams-graph .legend .frame{fill:var(--seams-bg);stroke:var(--seams-group-stroke);}',
    ...(['error', 'warning', 'info', 'hint'] as const).flatMap((s) => [
      `.seams-graph .node.sev-${s} .shape{stroke:var(--seams-${s});stroke-width:2;}`,
      `.seams-graph .edge.sev-${s} .line{stroke:var(--seams-${s});}`,
      `.seams-graph .arrow-${s} path{fill:var(--seams-${s});}`,
      `.seams-graph .sev-${s} .badge circle,.seams-graph .badge.sev-${s} circle,.seams-graph .swatch.sev-${s}{fill:var(--seams-${s});}`,
    ]),
  ].join('\n');
}
