import type { CommandContext } from '../context.ts';
import { auditCommand } from './audit.ts';
import { benefitsCommand } from './benefits.ts';
import { demoCommand } from './demo.ts';
import { eligibilityCommand } from './eligibility.ts';
import { exportCommand } from './export.ts';
import { importCommand } from './import.ts';
import { migrateCommand } from './migrate.ts';
import { serveCommand } from './serve.ts';
import { tokenCommand, userCommand } from './users.ts';
import { indicatorsCommand } from '../../features/indicators/cli.ts';

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
  eligibility: eligibilityCommand,
  benefits: benefitsCommand,
  indicators: indicatorsCommand,
};

/** The help text. */
export function usage(): string {
  return `smart-dpf — 智慧残联 command line (add --json to any command for one JSON document on stdout)

  smart-dpf serve                                  serve the web app and API on PORT (default 3000)
  smart-dpf migrate                                create/upgrade the schema and load the county's towns
  smart-dpf demo [--persons N] [--seed S]          load the synthetic demo county (default 10000 persons)
  smart-dpf import persons FILE [--dry-run] [--skip-invalid]
  smart-dpf import survey FILE [--dry-run]         needs-survey answers (one row per person and year)
  smart-dpf import enrolments FILE --program P [--dry-run]   a department's list (dibao, lowIncome, tekun, …)
  smart-dpf import deaths FILE [--dry-run]         a public-security deaths list (marks persons deceased)
  smart-dpf indicators --year Y [--org CODE] [--as-of DATE]   the plan's 11 indicators
  smart-dpf export persons FILE                    the registry as .xlsx or .csv (round-trips)
  smart-dpf user add --username U --role R [--org CODE] [--display-name NAME]   password from stdin
  smart-dpf token create --username U [--name NAME]
  smart-dpf audit verify
  smart-dpf eligibility --date D [--program P] [--person ID_NUMBER]   benefit decisions with amounts and reasons
  smart-dpf benefits review [--date D]             open stop-review tasks for payments no longer eligible

Environment: DATABASE_URL (SQLite file path, default ./data/smart-dpf.db, or postgres://…), PORT.
Exit codes: 0 success, 1 input rejected (nothing changed), 2 usage or file error.
`;
}
