/**
 * `seams render [PATH…] -o FILE.svg [--direction right|down] [--group system|team|none]
 *  [--theme light|dark] [--no-stores] [--collapse auto|all|none]`
 *
 * Draws the same picture as the editor's preview, from the same code: the core
 * builds the graph (graph-from-model), lays it out (layout, here on the calling
 * thread: a CLI has nothing else to keep responsive) and renders it (render/svg).
 * The output is byte-identical for the same input. Exit 0 when the file was
 * written (problems in the model are drawn, not failed on: `seams check` judges
 * them); 2 with one line on stderr for a usage or input problem.
 */
import { writeFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { checkSources } from '../core/check.js';
import { DEFAULT_GRAPH_OPTIONS, type Direction, type Grouping } from '../core/layout/graph.js';
import { buildServiceGraph } from '../core/layout/graph-from-model.js';
import { layoutGraph } from '../core/layout/layout.js';
import { renderSvg } from '../core/render/svg.js';
import { AUTO_COLLAPSE_SERVICES, collapsedGroups } from '../core/views/auto-collapse.js';
import { findSeamsFiles, reason } from './find-files.js';
import { InputError } from './input-error.js';
import { printable } from './printable.js';
import { readSources } from './read-sources.js';

export const DIRECTIONS = ['right', 'down'] as const satisfies readonly Direction[];
export const GROUPINGS = ['system', 'team', 'none'] as const satisfies readonly Grouping[];
export const RENDER_THEMES = ['light', 'dark'] as const;
export const COLLAPSE_MODES = ['auto', 'all', 'none'] as const;

export interface RenderCommandOptions {
  /** The SVG file to write; `-` writes to stdout. */
  output: string;
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
  new Option('-d, --direction <direction>', 'the direction calls flow in').choices(DIRECTIONS).default('right'),
  new Option('-g, --group <grouping>', 'draw services inside their system, their team, or ungrouped')
    .choices(GROUPINGS)
    .default('system'),
  new Option('-t, --theme <theme>', 'colours').choices(RENDER_THEMES).default('light'),
  new Option('--no-stores', 'leave out the stores'),
  new Option('--collapse <mode>', `collapse systems: auto (above ${AUTO_COLLAPSE_SERVICES} services), all, none`)
    .choices(COLLAPSE_MODES)
    .default('auto'),
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
    const direction = check('--direction', options.direction, DIRECTIONS, 'right');
    const grouping = check('--group', options.group, GROUPINGS, 'system');
    const theme = check('--theme', options.theme, RENDER_THEMES, 'light');
    const collapse = check('--collapse', options.collapse, COLLAPSE_MODES, 'auto');
    if (!options.output) throw new InputError("required option '-o, --output <file>' not specified");

    const sources = readSources(findSeamsFiles(paths));
    const { model, diagnostics } = checkSources(sources);
    const graph = buildServiceGraph(model, diagnostics, {
      ...DEFAULT_GRAPH_OPTIONS,
      direction,
      grouping,
      showStores: options.stores !== false,
      collapsed: collapsedGroups(model, grouping, collapse),
    });
    const svg = renderSvg(await layoutGraph(graph), { theme });

    if (options.output === '-') {
      io.stdout.write(svg);
    } else {
      try {
        writeFileSync(options.output, svg);
      } catch (error) {
        throw new InputError(`cannot write ${options.output}: ${reason(error)}`);
      }
    }
    return 0;
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    io.stderr.write(`seams: ${printable(error.message)}\n`);
    return 2;
  }
}
