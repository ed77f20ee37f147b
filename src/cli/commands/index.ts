import type { CommandContext } from '../context.ts';
import { auditCommand } from './audit.ts';
import { demoCommand } from './demo.ts';
import { exportCommand } from './export.ts';
import { importCommand } from './import.ts';
import { migrateCommand } from './migrate.ts';
import { serveCommand } from './serve.ts';
import { tokenCommand, userCommand } from './users.ts';

/** A CLI command: returns its exit code. */
export type Command = (ctx: CommandContext) => Promise<number>;

/** Every top-level command by name. */
export const commands: Record<string, Command> = {
  serve: serveCommand,
  migrate: migrateCommand,
  demo: demoCommand,
  import: importCommand,
  export: exportCommand,
  user: userCommand,
  token: tokenCommand,
  audit: auditCommand,
};

/** The help text. */
export function usage(): string {
  return `smart-dpf — 智慧残联 command line (add --json to any command for one JSON document on stdout)

  smart-dpf serve                                  serve the web app and API on PORT (default 3000)
  smart-dpf migrate                                create/upgrade the schema and load the county's towns
  smart-dpf demo [--persons N] [--seed S]          load the synthetic demo county (default 10000 persons)
  smart-dpf import persons FILE [--dry-run] [--skip-invalid]
  smart-dpf export persons FILE                    the registry as .xlsx or .csv (round-trips)
  smart-dpf user add --username U --role R [--org CODE] [--display-name NAME]   password from stdin
  smart-dpf token create --username U [--name NAME]
  smart-dpf audit verify

Environment: DATABASE_URL (SQLite file path, default ./data/smart-dpf.db, or postgres://…), PORT.
Exit codes: 0 success, 1 input rejected (nothing changed), 2 usage or file error.
`;
}
