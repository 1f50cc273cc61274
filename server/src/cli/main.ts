/**
 * The `seams` command (bundled to dist/cli.mjs and its chunks; dist/cli.cjs, the
 * package's `bin`, only imports it).
 *
 *   seams check [PATH…] [--format text|json|sarif] [--max-warnings N]
 *   seams render [PATH…] -o FILE.svg [options]   (render-command.ts)
 *   seams diff BASE [PATH…] [options]            (diff-command.ts)
 *   seams export [PATH…] --format FORMAT [-o FILE]   (export-command.ts)
 *   seams lsp --stdio
 *
 * Start-up is most of a small check, so each command loads only what it runs.
 * This module statically imports nothing heavier than commander: every command is
 * an entry of COMMANDS whose `register` is called only when that command is named
 * (all of them for `--help`), and whatever runs the command is imported there
 * with `await import(…)`. esbuild splits each dynamically imported module into
 * its own chunk, so `seams --version` loads no command, `seams check` no layout
 * engine and no language server. To add a command: add an entry to COMMANDS,
 * declare its options in `register` (or in its own module, imported there), and
 * import the module that does the work inside `register` or the action, never at
 * the top of this file.
 *
 * Exit codes: 0 no error, 1 an error (or too many warnings), 2 a usage or input
 * problem, reported as ONE line on stderr and never as a stack trace. Commander
 * parses the arguments; its own error output and exits are taken over so every
 * usage problem looks and exits the same way.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import type { Format } from './check-command.js';
import { FAIL_ON, FORMATS, type FailOn } from './formats.js';
import { InputError } from './input-error.js';
import { printable } from './printable.js';
import { TOOL_NAME, TOOL_VERSION } from './package-info.js';

const USAGE_EXIT = 2;

/** Runs the command line and resolves to the exit code. */
export async function main(givenArgv: readonly string[]): Promise<number> {
  const argv = helpAsOption(givenArgv);
  let exitCode = 0;
  const program = new Command(TOOL_NAME)
    .description('Architecture as code: check .seams files for microservice anti-patterns.')
    .version(TOOL_VERSION, '-v, --version', 'print the version')
    .helpOption('-h, --help', 'print this help')
    // Settings made before .command() are inherited by the subcommands.
    .exitOverride()
    .configureOutput({
      writeOut: (text) => process.stdout.write(text),
      // Commander's multi-line error output is replaced by our one line below.
      writeErr: () => undefined,
      outputError: () => undefined,
    })
    .showSuggestionAfterError(true)
    // `help` is handled above, before any command is loaded; commander's own would list itself.
    .helpCommand(false);

  for (const command of commandsToRegister(argv)) {
    await command.register(program, (code) => {
      exitCode = code;
    });
  }

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    const commandNames = program.commands.map((c) => c.name());
    // Point at the help of the command that was being used, if one was named.
    const helpFor = commandNames.includes(argv[0] ?? '') ? `${TOOL_NAME} ${argv[0]} --help` : `${TOOL_NAME} --help`;
    return reportFailure(error, commandNames, helpFor);
  }
}

/**
 * `seams help [COMMAND]` is `seams [COMMAND] --help`, as in git and npm; `seams help NOPE`
 * runs `seams NOPE`, so an unknown command gets the usual one-line error and suggestion.
 */
function helpAsOption(argv: readonly string[]): readonly string[] {
  if (argv[0] !== 'help') return argv;
  const topic = argv[1];
  if (topic === undefined) return ['--help'];
  return COMMANDS.some((c) => c.name === topic) ? [topic, '--help'] : [topic];
}

/** Receives a command's exit code (the entry point keeps it until the program ends). */
type Done = (exitCode: number) => void;

interface CommandEntry {
  name: string;
  /** Adds the command, with its options and action, to the program. */
  register(program: Command, done: Done): Promise<unknown> | void;
}

/** Every command, in the order `--help` lists them. */
const COMMANDS: readonly CommandEntry[] = [
  { name: 'check', register: registerCheck },
  {
    name: 'render',
    register: async (program, done) => (await import('./render-command.js')).registerRender(program, done),
  },
  {
    name: 'diff',
    register: async (program, done) => (await import('./diff-command.js')).registerDiff(program, done),
  },
  {
    name: 'export',
    register: async (program, done) => (await import('./export-command.js')).registerExport(program, done),
  },
  { name: 'lsp', register: registerLsp },
];

/**
 * The commands to register: the one named first on the command line; every one
 * for help; otherwise (`--version`, a mistyped or missing command) each only by
 * name, which is all that commander's messages need.
 */
function commandsToRegister(argv: readonly string[]): readonly CommandEntry[] {
  const named = COMMANDS.find((c) => c.name === argv[0]);
  if (named) return [named];
  if (argv.includes('--help') || argv.includes('-h')) return COMMANDS;
  return COMMANDS.map((c) => ({ name: c.name, register: (program: Command) => void program.command(c.name) }));
}

function registerCheck(program: Command, done: Done): void {
  program
    .command('check')
    .description('check .seams files and folders as one model (default: the current folder)')
    .argument('[paths...]', 'files and folders; folders are searched for *.seams')
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMATS).default('text' satisfies Format))
    .addOption(new Option('--max-warnings <n>', 'exit with 1 when there are more than n warnings').argParser(parseCount))
    .addOption(new Option('--max-file-size <megabytes>', 'refuse to read a file larger than this (default 50)').argParser(parseMegabytes))
    .addOption(new Option('--baseline <base>', 'tell findings new or unchanged against BASE (a git revision, REV..., a file or folder)'))
    .addOption(
      new Option('--fail-on <condition>', 'exit 1 only for new findings of this kind (default with --baseline: new-errors)').choices(
        FAIL_ON,
      ),
    )
    .addOption(new Option('--fix', 'apply the safe fixes (preferred, never a suppression) and report what is left'))
    .addOption(new Option('--fix-dry-run', 'print the safe fixes as a unified diff instead of applying them').conflicts('fix'))
    .action(
      async (
        paths: string[],
        options: {
          format: Format;
          maxWarnings?: number;
          maxFileSize?: number;
          baseline?: string;
          failOn?: FailOn;
          fix?: boolean;
          fixDryRun?: boolean;
        },
      ) => {
        exitQuietlyWhenReaderCloses();
        const { runCheck } = await import('./check-command.js');
        done(
          await runCheck(paths, options, {
            stdout: process.stdout,
            stderr: process.stderr,
            env: process.env,
            cwd: process.cwd(),
          }),
        );
      },
    );
}

function registerLsp(program: Command): void {
  program
    .command('lsp')
    .description('run the Seams language server for editors other than VS Code')
    .requiredOption('--stdio', 'speak the Language Server Protocol on stdin and stdout')
    // vscode-languageclient adds this; the server library reads it from argv itself
    // to exit when the editor goes away.
    .addOption(new Option('--clientProcessId <pid>').hideHelp())
    .action(async () => {
      // From here on stdout is the protocol channel: nothing else may print to it.
      (await import('../lsp/start-stdio.js')).startStdioServer();
    });
}

/**
 * `seams check … | head` closes the pipe early. That is the reader's choice, not
 * a failure worth a stack trace: stop with the exit code the check earned.
 */
function exitQuietlyWhenReaderCloses(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    printError(`cannot write the report: ${error.message}`);
    process.exit(USAGE_EXIT);
  });
}

function parseMegabytes(value: string): number {
  if (!/^\d+(\.\d+)?$/.test(value) || Number(value) <= 0) throw new InvalidArgumentError('Expected a number of megabytes above 0.');
  return Number(value);
}

function parseCount(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('Expected a whole number, 0 or more.');
  return Number(value);
}

function reportFailure(error: unknown, commandNames: readonly string[] = [], helpFor = `${TOOL_NAME} --help`): number {
  if (error instanceof CommanderError) {
    // --help and --version have printed what was asked for.
    if (error.exitCode === 0) return 0;
    if (error.code === 'commander.help') {
      // `seams` alone: the help would be a screenful on stderr; one line says it.
      printError(`missing command (${commandNames.join(', ')}); see ${helpFor}`);
    } else {
      const reason = oneLine(error.message.replace(/^error: /, '')).replace(/\.$/, '');
      printError(`${reason}; see ${helpFor}`);
    }
    return USAGE_EXIT;
  }
  if (error instanceof InputError) {
    printError(error.message);
    return USAGE_EXIT;
  }
  // A bug of ours: still one line and no stack, so scripts see a clean failure.
  printError(`internal error: ${oneLine(error instanceof Error ? error.message : String(error))}`);
  return USAGE_EXIT;
}

function printError(line: string): void {
  // File names and quoted values in the reason must not act on the terminal.
  process.stderr.write(`${TOOL_NAME}: ${printable(line)}\n`);
}

function oneLine(text: string): string {
  return text.trim().replace(/\s*\n\s*/g, ' ');
}

// Whatever escapes later (a callback, a stream, a worker's message) is still one
// line and exit 2: the command never prints a JavaScript stack trace.
const failLate = (error: unknown) => {
  printError(`internal error: ${oneLine(error instanceof Error ? error.message : String(error))}`);
  process.exit(USAGE_EXIT);
};
process.on('uncaughtException', failLate);
process.on('unhandledRejection', failLate);

main(process.argv.slice(2)).then(
  (code) => {
    // exitCode, not exit(): a large report piped to another program is flushed first.
    process.exitCode = code;
  },
  (error: unknown) => {
    process.exitCode = reportFailure(error);
  },
);
