import type { Generated } from 'kysely';
import type { AccessTables } from './access-tables.ts';
import type { ServicesTables } from './services-tables.ts';
import type { SnapshotTables } from './snapshot-tables.ts';

/** An org unit: province, city, county, town or village (GB/T 2260 and NBS codes). */
export interface OrgUnitTable {
  code: string;
  name: string;
  level: 'province' | 'city' | 'county' | 'town' | 'village';
  parent_code: string | null;
  /** 'village' (村) or 'community' (社区) for village-level units. */
  kind: string | null;
  /** 1 when the unit is made up by the demo generator (fictional villages). */
  demo: number;
  version: Generated<number>;
}

/** People registered together; per-capita income is per household. */
export interface HouseholdTable {
  id: Generated<number>;
  household_no: string;
  town_code: string;
  village_code: string | null;
  created_at: string;
  version: Generated<number>;
}

/**
 * A registered disabled person. category, level, certificate_number and certificate_valid_until copy the
 * current certificate row so that search filters stay one index away; the certificate table holds the history.
 */
export interface PersonTable {
  id: Generated<number>;
  id_number: string | null;
  name: string;
  gender: 'male' | 'female' | null;
  birth_date: string | null;
  residence_permit: string | null;
  hukou: 'urban' | 'rural' | null;
  county_code: string;
  town_code: string;
  village_code: string | null;
  household_id: number | null;
  phone: string | null;
  guardian_name: string | null;
  guardian_phone: string | null;
  status: 'active' | 'deceased' | 'movedOut';
  deceased_on: string | null;
  moved_out_on: string | null;
  certificate_number: string | null;
  category: string | null;
  level: number | null;
  certificate_valid_until: string | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

/** One disability certificate of a person; a level or category change ends one row and starts another. */
export interface CertificateTable {
  id: Generated<number>;
  person_id: number;
  certificate_number: string;
  category: string;
  level: number;
  issued_on: string | null;
  valid_until: string | null;
  /** The day this certificate became the person's current one. */
  effective_from: string;
  /** The day it stopped being current (superseded or cancelled); null while current. */
  ended_on: string | null;
  end_reason: string | null;
  created_at: string;
}

/** The change history of person records: one row per change with the values before and after. */
export interface PersonHistoryTable {
  id: Generated<number>;
  person_id: number;
  version: number;
  action: string;
  changed_at: string;
  changed_by: string;
  before_json: string | null;
  after_json: string;
}

/** The registry's tables. */
export interface RegistryTables {
  org_unit: OrgUnitTable;
  household: HouseholdTable;
  person: PersonTable;
  certificate: CertificateTable;
  person_history: PersonHistoryTable;
}

/** Every table, for Kysely. */
export interface DB extends RegistryTables, AccessTables, ServicesTables, SnapshotTables {}
