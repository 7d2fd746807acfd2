/** The command-line program: parses arguments, runs one command, renders its result. */
import { Command, CommanderError, Option } from 'commander';
import { ConfigError, WorkspaceError } from '../errors.js';
import type { LintFormat } from './lint.js';
import type { CommandResult, GlobalOptions } from './result.js';
import { UsageError } from './result.js';
import { VERSION } from './version.js';
import { terminalText } from './color.js';

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  isTTY: boolean;
  cwd: string;
  env: Record<string, string | undefined>;
  now: () => Date;
  /** For long-running commands (watch, serve): resolves when they should stop; default: SIGINT. */
  until?: Promise<void>;
}


/** Run the CLI with the given arguments (without `node featspec`); resolves to the exit code. */
export async function main(argv: string[], edge: Io): Promise<number> {
  let exitCode = 0;
  const program = new Command('featspec');
  const color = edge.isTTY && !edge.env['NO_COLOR'];
  // Every line written goes through terminalText: documents and file names can hold control characters.
  const io: Io = { ...edge, stdout: (s) => edge.stdout(terminalText(s, color)), stderr: (s) => edge.stderr(terminalText(s, color)) };
  const render = (r: CommandResult, json: boolean | undefined) => {
    for (const n of r.notes ?? []) io.stderr(`${n}\n`);
    // JSON escapes control characters itself.
    if (json && r.json !== undefined) edge.stdout(`${JSON.stringify(r.json, null, 2)}\n`);
    else if (r.text) io.stdout(`${r.text}\n`);
    exitCode = r.exitCode;
  };
  const globals = (o: { root?: string; json?: boolean }): GlobalOptions => ({ root: o.root ?? io.cwd, json: o.json, color });
  const rootOption = () => new Option('--root <dir>', 'workspace folder (default: the current folder)');
  program
    .name('featspec')
    .description('Feature design documents as the source of truth: parse, lint, compile and run them.')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showSuggestionAfterError();

  program.command('init')
    .description('write featspec.config.json and docs/features/ with a first example feature')
    .addOption(rootOption())
    .option('--json', 'print what was written as JSON')
    .addHelpText('after', '\nExample:\n  $ featspec init --root my-project')
    .action(async (o) => render(await (await import('./init.js')).runInit(globals(o), io.now()), o.json));

  program.command('new')
    .description("create a feature from the style's template: next free number, slug from the title")
    .argument('<title>', 'feature title, e.g. "Team invitations"')
    .addOption(new Option('--style <style>', 'document style').choices(['implementation', 'design', 'plan', 'technical-design', 'feature-guide']).default('design'))
    .option('--depends <ids...>', 'features this one depends on, e.g. 001-accounts')
    .addOption(rootOption())
    .option('--json', 'print what was written as JSON')
    .addHelpText('after', '\nExample:\n  $ featspec new "Team invitations" --style plan --depends 001-accounts')
    .action(async (title: string, o) => render(await (await import('./new.js')).runNew(globals(o), { title, style: o.style, depends: o.depends ?? [] }, io.now()), o.json));

  program.command('list')
    .description('one line per feature: id, title, styles, tasks done/total, lint errors (without the mermaid and SQL syntax checks)')
    .addOption(rootOption())
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExample:\n  $ featspec list --root examples')
    .action(async (o) => render(await (await import('./list.js')).runList(globals(o)), o.json));

  program.command('show')
    .description('the model of one feature, or of the whole workspace')
    .argument('[feature]', 'feature id, number or slug (default: all features)')
    .addOption(rootOption())
    .option('--json', 'print the model as JSON (see featspec schema)')
    .addHelpText('after', '\nExample:\n  $ featspec show 002 --json --root examples')
    .action(async (ref: string | undefined, o) => render(await (await import('./show.js')).runShow(globals(o), ref), o.json));

  program.command('lint')
    .description('check the documents: every rule, with file, line and column; exit 1 on any error')
    .argument('[paths...]', 'documents or folders to lint (default: the whole workspace)')
    .addOption(new Option('--format <format>', 'output format').choices(['pretty', 'json', 'sarif', 'github']).default('pretty'))
    .option('--fix', 'apply the unambiguous fixes (written atomically) and report what changed')
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this (-1: no limit)', (v) => {
      if (!/^(?:\d+|-1)$/.test(v)) throw new UsageError(`--max-warnings: expected a whole number (0 or more; -1 for no limit), got "${v}"`);
      return Number(v);
    })
    .option('--watch', 're-lint on every change: only the changed features and the features depending on them')
    .option('--disable <rules>', 'comma-separated rule ids to turn off for this run (repeatable)', (v: string, prev: string[] | undefined) => [...(prev ?? []), ...v.split(',').map((x) => x.trim()).filter(Boolean)])
    .option('--concurrency <n>', 'worker threads for a whole-workspace run: a number (0 or 1: none) or auto (by workspace size and cores)', (v) => {
      if (v === 'auto') return v;
      if (!/^\d+$/.test(v) || Number(v) > 64) throw new UsageError(`--concurrency: expected auto or a number from 0 to 64, got "${v}"`);
      return Number(v);
    }, 'auto')
    .option('--cache', 'reuse what the previous run built for unchanged documents (features, mermaid results); one thread')
    .option('--cache-location <file>', 'the cache file (default: .featspec/cache/lint in the workspace)')
    .addOption(rootOption())
    .option('--json', 'same as --format json')
    .addHelpText('after', '\nExample:\n  $ featspec lint --root examples --format github')
    .action(async (paths: string[], o, cmd: Command) => {
      const format: LintFormat = o.json ? 'json' : o.format;
      if (o.watch) {
        const given = (name: string) => cmd.getOptionValueSource(name) === 'cli';
        const unsupported = [
          paths.length ? 'paths' : '', o.fix ? '--fix' : '', format !== 'pretty' ? `--format ${format}` : '',
          given('maxWarnings') ? '--max-warnings' : '', o.cache || o.cacheLocation ? '--cache' : '', given('concurrency') ? '--concurrency' : '',
        ].filter(Boolean);
        if (unsupported.length) throw new UsageError(`--watch re-lints the whole workspace and prints for people; it cannot be combined with ${unsupported.join(', ')}`);
        const until = io.until ?? new Promise<void>((done) => process.once('SIGINT', () => done()));
        exitCode = await (await import('./lint-watch.js')).watchLint(globals(o), { paths, format, fix: false, maxWarnings: null, disable: o.disable ?? [] }, { stdout: io.stdout, stderr: io.stderr, until });
        return;
      }
      const r = await (await import('./lint.js')).runLint(globals(o), { paths, format, fix: Boolean(o.fix), maxWarnings: o.maxWarnings === undefined || o.maxWarnings < 0 ? null : o.maxWarnings, disable: o.disable ?? [], concurrency: o.concurrency, cache: Boolean(o.cache || o.cacheLocation), cacheLocation: o.cacheLocation }, io.cwd);
      render(r, format === 'json' || format === 'sarif');
    });

  program.command('build')
    .description('compile the workspace: openapi.json, schema.sql, types.ts, erd.mmd')
    .option('--out <dir>', 'output folder (default: <root>/.featspec/build)')
    .option('--force', 'build despite errors that make the output wrong; replace files featspec did not write')
    .addOption(rootOption())
    .option('--json', 'print what was written as JSON')
    .addHelpText('after', '\nExample:\n  $ featspec build --root examples --out build')
    .action(async (o) => render(await (await import('./build.js')).runBuild(globals(o), { out: o.out ?? null, force: Boolean(o.force) }, io.cwd), o.json));

  program.command('graph')
    .description('the feature dependency graph, cycles marked')
    .addOption(new Option('--format <format>', 'output format').choices(['mermaid', 'dot', 'json']).default('mermaid'))
    .addOption(rootOption())
    .option('--json', 'same as --format json')
    .addHelpText('after', '\nExample:\n  $ featspec graph --format dot --root examples | dot -Tsvg > graph.svg')
    .action(async (o) => render(await (await import('./graph.js')).runGraph(globals(o), { format: o.format }), o.json || o.format === 'json'));

  program.command('tasks')
    .description('tasks with their status; --next gives the first open task whose feature dependencies are done')
    .argument('[feature]', 'feature id, number or slug (default: all features)')
    .option('--next', 'only the next task to work on')
    .addOption(rootOption())
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExample:\n  $ featspec tasks --next --root examples')
    .action(async (feature: string | undefined, o) => render(await (await import('./tasks.js')).runTasks(globals(o), { feature, next: Boolean(o.next) }), o.json));

  program.command('state')
    .description('the progress table of all features; --write saves it as STATE.md')
    .option('--write', 'write STATE.md at the workspace root (atomic; unchanged when nothing changed)')
    .option('--force', 'replace a STATE.md that featspec did not write')
    .addOption(rootOption())
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExample:\n  $ featspec state --write --root examples')
    .action(async (o) => render(await (await import('./state.js')).runState(globals(o), { write: Boolean(o.write), force: Boolean(o.force) }), o.json));

  program.command('serve')
    .description('run the API that the designs describe (PGlite by default, PostgreSQL with --database-url)')
    .option('--port <n>', 'port (default 4010; 0 for any free port)')
    .option('--host <address>', 'address to bind (default 127.0.0.1)')
    .option('--data <dir>', 'data folder for PGlite and the token secret (default: <root>/.featspec/data)')
    .option('--database-url <url>', 'PostgreSQL connection URL (default: $DATABASE_URL, else PGlite)')
    .option('--allow-destructive', 'apply schema changes that drop columns or tables or change types')
    .option('--watch', 'reload routes when documents change')
    .option('--rate-limit <n>', 'requests per minute per caller where the designs state none (default 100; 0: off)')
    .option('--body-limit <bytes>', 'largest request body (default 1048576)')
    .option('--log-level <level>', 'fatal, error, warn, info (default), debug, trace or silent')
    .addOption(rootOption())
    .addHelpText('after', '\nExample:\n  $ featspec serve --root examples --port 4010\n  $ curl -H "Authorization: Bearer $(featspec token --sub alice --root examples)" http://127.0.0.1:4010/api/v1/bookmarks')
    .action(async (o) => {
      const config = await (await import('../workspace/load.js')).loadConfig(globals(o).root);
      exitCode = await (await import('./serve.js')).runServe(globals(o), { ...o, cors: config.serve?.cors ?? null }, io) as 0 | 1 | 2;
    });

  program.command('token')
    .description('print a signed development bearer token for serve')
    .requiredOption('--sub <id>', "the caller's id (a uuid, or any name: mapped to a uuid)")
    .option('--role <role>', 'role claim (default user)')
    .option('--ttl <ttl>', 'lifetime: 90s, 15m, 1h (default), 7d')
    .option('--data <dir>', 'data folder holding the secret (default: <root>/.featspec/data)')
    .addOption(rootOption())
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExample:\n  $ featspec token --sub alice --ttl 8h')
    .action(async (o) => render(await (await import('./token.js')).runToken(globals(o), { sub: o.sub, role: o.role, ttl: o.ttl, data: o.data }, { env: io.env, cwd: io.cwd, now: io.now }), o.json));

  program.command('schema')
    .description('print the JSON Schema of the feature model')
    .addOption(rootOption())
    .option('--json', 'print JSON (the default)')
    .addHelpText('after', '\nExample:\n  $ featspec schema > featspec-model.schema.json')
    .action(async () => render((await import('./schema.js')).runSchema(), true));

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help' ? 0 : 2;
    }
    if (e instanceof UsageError || e instanceof ConfigError || e instanceof WorkspaceError) {
      io.stderr(`featspec: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  return exitCode;
}
