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
  added: '#1a7f37',
  addedFill: '#dafbe1',
  removed: '#cf222e',
  removedFill: '#ffebe9',
  changed: '#9a6700',
  changedFill: '#fff8c5',
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
  added: '#3fb950',
  addedFill: '#12261e',
  removed: '#f85149',
  removedFill: '#25171c',
  changed: '#d29922',
  changedFill: '#272115',
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
  added: `var(--vscode-gitDecoration-addedResourceForeground, ${LIGHT.added})`,
  addedFill: `var(--vscode-diffEditor-insertedTextBackground, ${LIGHT.addedFill})`,
  removed: `var(--vscode-gitDecoration-deletedResourceForeground, ${LIGHT.removed})`,
  removedFill: `var(--vscode-diffEditor-removedTextBackground, ${LIGHT.removedFill})`,
  changed: `var(--vscode-gitDecoration-modifiedResourceForeground, ${LIGHT.changed})`,
  changedFill: `var(--vscode-editorWidget-background, ${LIGHT.changedFill})`,
};

const THEMES: Record<SvgTheme, typeof LIGHT> = { light: LIGHT, dark: DARK, vscode: VSCODE };

function kebab(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

const CHANGE_KEYS = new Set(['added', 'addedFill', 'removed', 'removedFill', 'changed', 'changedFill']);

/**
 * The `<style>` body for a theme. Class names are shared with the webview's
 * drawing code. With `diff`, the rules of the diff picture are added (change
 * colours, muted unchanged elements); other pictures go without them.
 */
export function svgStyle(theme: SvgTheme, options: { diff?: boolean } = {}): string {
  const diff = options.diff === true;
  const vars = Object.entries(THEMES[theme])
    .filter(([k]) => diff || !CHANGE_KEYS.has(k))
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
    `.seams-graph .detail{font-size:${FONT.sublabel}px;font-weight:600;fill:var(--seams-muted);}`,
    `.seams-graph .external-label{font-size:${FONT.sublabel + 1}px;font-weight:600;}`,
    '.seams-graph .kind-external .shape{fill:var(--seams-bg);stroke:var(--seams-node-stroke);stroke-width:1;stroke-dasharray:3 2;}',
    '.seams-graph .tier-gateway .shape{stroke-width:2.2;}',
    '.seams-graph .legend text{font-size:11px;fill:var(--seams-muted);}',
    '.seams-graph .legend .frame{fill:var(--seams-bg);stroke:var(--seams-group-stroke);}',
    ...(['error', 'warning', 'info', 'hint'] as const).flatMap((s) => [
      `.seams-graph .node.sev-${s} .shape{stroke:var(--seams-${s});stroke-width:2;}`,
      `.seams-graph .edge.sev-${s} .line{stroke:var(--seams-${s});}`,
      `.seams-graph .arrow-${s} path{fill:var(--seams-${s});}`,
      `.seams-graph .sev-${s} .badge circle,.seams-graph .badge.sev-${s} circle,.seams-graph .badge.sev-${s} rect,.seams-graph .swatch.sev-${s}{fill:var(--seams-${s});}`,
      `.seams-graph .detail.sev-${s}{fill:var(--seams-${s});}`,
    ]),
    // The diff picture: after the severity rules so a change's colour wins;
    // what did not change is muted so the change stands out.
    ...(diff ? diffRules() : []),
  ].join('\n');
}

function diffRules(): string[] {
  return [
    ...(['added', 'removed', 'changed'] as const).flatMap((c) => [
      `.seams-graph .node.change-${c} .shape,.seams-graph .swatch.change-${c}{fill:var(--seams-${c}-fill);stroke:var(--seams-${c});stroke-width:2.5;}`,
      `.seams-graph .edge.change-${c} .line{stroke:var(--seams-${c});stroke-width:2.4;}`,
      `.seams-graph .arrow-${c} path{fill:var(--seams-${c});}`,
    ]),
    '.seams-graph .node.kind-group.change-added .shape,.seams-graph .node.kind-group.change-removed .shape,.seams-graph .node.kind-group.change-changed .shape{fill:none;}',
    '.seams-graph .node.change-removed .shape,.seams-graph .edge.change-removed .line,.seams-graph .swatch.change-removed{stroke-dasharray:7 4;}',
    '.seams-graph .node.change-removed .label{text-decoration:line-through;}',
    '.seams-graph .muted{opacity:0.35;}',
  ];
}
