/**
 * `seams render [PATH…] -o FILE.svg [--view VIEW] [--size WxH] [--theme light|dark]
 *  [--direction right|down] [--no-stores] [--group system|team|none] [--collapse auto|all|none]`
 *
 * `--view` (default `auto`) and `--size` (default 520x760) choose what is drawn
 * and the space it must fit (core/views, language.md "Views"). `--group` and
 * `--collapse` are the older way to shrink a picture: given without `--view`,
 * they draw everything with that grouping and collapsing, as before views.
 * `--direction` fixes the direction of calls instead of choosing it by the
 * pane's shape.
 *
 * Draws the same picture as the editor's preview, from the same code: the core
 * builds the graph (graph-from-model), lays it out (layout, here on the calling
 * thread: a CLI has nothing else to keep responsive) and renders it (render/svg).
 * The output is byte-identical for the same input. Exit 0 when the file was
 * written (problems in the model are drawn, not failed on: `seams check` judges
 * them); 2 with one line on stderr for a usage or input problem.
 */
import { Option, type Command } from 'commander';
import { checkSources } from '../core/check.js';
import { DEFAULT_GRAPH_OPTIONS, type Direction, type Grouping } from '../core/layout/graph.js';
import { buildServiceGraph } from '../core/layout/graph-from-model.js';
import { layoutGraph } from '../core/layout/layout.js';
import { renderSvg } from '../core/render/svg.js';
import { AUTO_COLLAPSE_SERVICES, collapsedGroups } from '../core/views/auto-collapse.js';
import { findSeamsFiles } from './find-files.js';
import { DEFAULT_PANE, formatViewSpec, parsePaneSize, parseViewSpec } from '../core/views/view-spec.js';
import { viewTargetError } from '../core/views/view-graph.js';
import { layoutView } from '../core/views/render-view.js';
import { InputError } from './input-error.js';
import { printable } from './printable.js';
import { readSources } from './read-sources.js';
import { checkOutputTarget, writeOutput } from './write-output.js';

export const DIRECTIONS = ['right', 'down'] as const satisfies readonly Direction[];
export const GROUPINGS = ['system', 'team', 'none'] as const satisfies readonly Grouping[];
export const RENDER_THEMES = ['light', 'dark'] as const;
export const COLLAPSE_MODES = ['auto', 'all', 'none'] as const;

export interface RenderCommandOptions {
  /** The SVG file to write; `-` writes to stdout. */
  output: string;
  /** A view (language.md "Views"); default `auto`. */
  view?: string;
  /** The pane the picture must fit, `WxH`; default 520x760. */
  size?: string;
  direction?: Direction;
  group?: Grouping;
  theme?: (typeof RENDER_THEMES)[number];
  /** Draw stores (default true; `--no-stores` turns them off). */
  stores?: boolean;
  /**
   * `auto` (default) collapses every system when the model has more than
   * AUTO_COLLAPSE_SERVICES services, as a fresh preview does.
   */
  collapse?: (typeof COLLAPSE_MODES)[number];
}

export interface RenderIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

/** The options as commander declares them, for `registerRender` and for help text. */
export const RENDER_OPTIONS = [
  new Option('-o, --output <file>', 'the SVG file to write (- for stdout)').makeOptionMandatory(),
  new Option('--view <view>', 'auto, landscape, all, system:NAME, team:NAME or service:NAME[:HOPS] (default: auto)'),
  new Option('--size <WxH>', 'the space the picture must fit, in px (default: 520x760, a side pane)'),
  new Option('-d, --direction <direction>', 'the direction calls flow in (default: chosen by the size)').choices(DIRECTIONS),
  new Option('-t, --theme <theme>', 'colours').choices(RENDER_THEMES).default('light'),
  new Option('--no-stores', 'leave out the stores'),
  new Option('-g, --group <grouping>', 'without --view: draw everything inside systems, teams, or ungrouped').choices(GROUPINGS),
  new Option('--collapse <mode>', `without --view: collapse systems: auto (above ${AUTO_COLLAPSE_SERVICES} services), all, none`).choices(
    COLLAPSE_MODES,
  ),
];

/**
 * Adds `render` to the program. `done` receives the exit code (the entry point
 * keeps it, as it does for `check`).
 */
export function registerRender(program: Command, done: (exitCode: number) => void): Command {
  const command = program
    .command('render')
    .description('draw the service graph as a self-contained SVG (the picture of the preview)')
    .argument('[paths...]', 'files and folders; folders are searched for *.seams');
  for (const option of RENDER_OPTIONS) command.addOption(option);
  command.action(async (paths: string[], options: RenderCommandOptions) => {
    done(await runRender(paths, options));
  });
  return command;
}

function check<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new InputError(`option '${name}' argument '${value}' is invalid; allowed: ${allowed.join(', ')}`);
  }
  return value as T;
}

/** Renders and writes the picture; resolves to the exit code (never throws for user mistakes). */
export async function runRender(
  paths: readonly string[],
  options: RenderCommandOptions,
  io: RenderIo = { stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  try {
    const theme = check('--theme', options.theme, RENDER_THEMES, 'light');
    if (!options.output) throw new InputError("required option '-o, --output <file>' not specified");
    const files = findSeamsFiles(paths);
    // Refused before the work is done: never a .seams file, never an input.
    if (options.output !== '-') checkOutputTarget(options.output, files, 'the picture');
    const sources = readSources(files);
    const legacy = options.view === undefined && (options.group !== undefined || options.collapse !== undefined);
    let svg: string;
    if (legacy) {
      const direction = check('--direction', options.direction, DIRECTIONS, 'right');
      const grouping = check('--group', options.group, GROUPINGS, 'system');
      const collapse = check('--collapse', options.collapse, COLLAPSE_MODES, 'auto');
      const { model, diagnostics } = checkSources(sources);
      const graph = buildServiceGraph(model, diagnostics, {
        ...DEFAULT_GRAPH_OPTIONS,
        direction,
        grouping,
        showStores: options.stores !== false,
        collapsed: collapsedGroups(model, grouping, collapse),
      });
      svg = renderSvg(await layoutGraph(graph), { theme });
    } else {
      const direction = options.direction === undefined ? undefined : check('--direction', options.direction, DIRECTIONS, 'right');
      const parsed = parseViewSpec(options.view ?? 'auto');
      if ('error' in parsed) throw new InputError(`option '--view': ${parsed.error}`);
      const pane = options.size === undefined ? DEFAULT_PANE : parsePaneSize(options.size);
      if (!pane) throw new InputError(`option '--size' argument '${options.size}' is invalid; use WIDTHxHEIGHT in px, e.g. 520x760`);
      const { model, diagnostics } = checkSources(sources);
      const missing = viewTargetError(model, parsed);
      if (missing) throw new InputError(`--view ${formatViewSpec(parsed)}: ${missing}`);
      const laidOut = await layoutView(model, diagnostics, parsed, { pane, direction, showStores: options.stores !== false });
      svg = renderSvg(laidOut, { theme });
    }

    if (options.output === '-') {
      io.stdout.write(svg);
    } else {
      writeOutput(options.output, svg, files, 'the picture');
    }
    return 0;
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    io.stderr.write(`seams: ${printable(error.message)}\n`);
    return 2;
  }
}
