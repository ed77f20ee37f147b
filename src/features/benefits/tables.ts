import type { Generated, Kysely } from 'kysely';
import type { Database } from '../../db/connect.ts';
import type { DB } from '../../db/tables.ts';

/** An admin-entered parameter value: added to the catalog's history (the latest entry for a date wins). */
export interface PolicyParameterValueTable {
  id: Generated<number>;
  param_id: string;
  from_day: string;
  /** JSON of the value; 'null' ends the parameter from that day. */
  value_json: string;
  source: string;
  entered_by: string;
  entered_at: string;
}

/** An application for a benefit, from submission to approval or rejection. */
export interface BenefitApplicationTable {
  id: Generated<number>;
  person_id: number;
  program: string;
  applied_on: string;
  /** submitted | townReviewed | approved | rejected */
  status: string;
  town_code: string;
  applicant: string | null;
  decision_json: string | null;
  town_reviewed_on: string | null;
  town_reviewed_by: string | null;
  county_approved_on: string | null;
  county_approved_by: string | null;
  rejected_on: string | null;
  rejected_by: string | null;
  rejection_reason: string | null;
  notice_ends_on: string | null;
  payment_from: string | null;
  monthly_amount_fen: number | null;
  enrolment_id: number | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

/** A follow-up task: a stop review, or a gap-list case assigned to a town worker. */
export interface BenefitTaskTable {
  id: Generated<number>;
  person_id: number;
  program: string;
  /** stopReview | eligibleNotReceiving | receivingNotEligible */
  kind: string;
  reason_code: string;
  reason: string;
  enrolment_id: number | null;
  town_code: string;
  /** open | done */
  status: string;
  assigned_to: string | null;
  opened_on: string;
  opened_by: string;
  closed_at: string | null;
  closed_by: string | null;
  note: string | null;
  version: Generated<number>;
}

/** A monthly payment roll of a programme; frozen once approved. */
export interface PaymentRollTable {
  id: Generated<number>;
  program: string;
  /** YYYY-MM */
  month: string;
  /** draft | approved */
  status: string;
  persons: number;
  total_fen: number;
  created_by: string;
  created_at: string;
  approved_by: string | null;
  approved_at: string | null;
  version: Generated<number>;
}

/** One person's payment in a roll. */
export interface PaymentRollLineTable {
  id: Generated<number>;
  roll_id: number;
  person_id: number;
  enrolment_id: number;
  town_code: string;
  amount_fen: number;
  bank_account_masked: string | null;
}

/** The bank account a person's benefits are paid into (社保卡/一卡通 account). */
export interface PaymentAccountTable {
  person_id: number;
  bank_name: string;
  account_number: string;
  account_holder: string;
  updated_by: string;
  updated_at: string;
  version: Generated<number>;
}

/** The benefits tables. */
export interface BenefitsTables {
  policy_parameter_value: PolicyParameterValueTable;
  benefit_application: BenefitApplicationTable;
  benefit_task: BenefitTaskTable;
  payment_roll: PaymentRollTable;
  payment_roll_line: PaymentRollLineTable;
  payment_account: PaymentAccountTable;
}

/** Every table including the benefits ones (until src/db/tables.ts lists BenefitsTables in DB). */
export type BenefitsDB = DB & BenefitsTables;

/** The database handle typed with the benefits tables. */
export function benefitsDb(database: Database | Kysely<DB>): Kysely<BenefitsDB> {
  return ('db' in database ? database.db : database) as unknown as Kysely<BenefitsDB>;
}

/** The same handle typed with the core tables only (for access/ helpers such as recordAudit). */
export function coreDb(db: Kysely<BenefitsDB>): Kysely<DB> {
  return db as unknown as Kysely<DB>;
}
