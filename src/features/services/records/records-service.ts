import type { ServiceCreate, ServicePatch, ServiceRecord } from '../../../contracts/services.ts';
import type { Database } from '../../../db/connect.ts';
import type { Day } from '../../../domain/time/day.ts';
import { auditRead, recordAudit } from '../../access/audit.ts';
import { assertCan, type Scope } from '../../access/scope.ts';
import { requirePersonInScope } from '../../registry/read-service.ts';
import { enrolmentsOfPerson } from '../enrolments/service.ts';
import { assertCanRecordServices } from '../permissions.ts';
import { insertService, patchService, presentService, servicesOfPerson } from './records-store.ts';

function stamp(scope: Scope, today: Day) {
  return { actor: scope.username, now: new Date().toISOString(), today };
}

/** A person's service records (scoped: out of scope is NOT_FOUND), audited. */
export async function listServices(database: Database, scope: Scope, personId: number): Promise<ServiceRecord[]> {
  assertCan(scope, 'person.read');
  await requirePersonInScope(database, scope, personId, 'service.read');
  const rows = await servicesOfPerson(database.db, personId);
  await auditRead(database, scope, { action: 'service.read', targetType: 'person', targetId: personId, outcome: 'success' });
  return rows.map(presentService);
}

/** A person's programme enrolments (scoped), audited. */
export async function listEnrolments(database: Database, scope: Scope, personId: number) {
  assertCan(scope, 'person.read');
  await requirePersonInScope(database, scope, personId, 'enrolment.read');
  const items = await enrolmentsOfPerson(database.db, personId);
  await auditRead(database, scope, { action: 'enrolment.read', targetType: 'person', targetId: personId, outcome: 'success' });
  return items;
}

/** Records a service for a person in the scope; returns its id. Audited in the same transaction. */
export async function createService(database: Database, scope: Scope, personId: number, input: ServiceCreate, today: Day): Promise<number> {
  assertCanRecordServices(scope);
  await requirePersonInScope(database, scope, personId, 'service.create');
  return database.db.transaction().execute(async (trx) => {
    const id = await insertService(trx, personId, input, stamp(scope, today));
    const details = { kind: input.kind, status: input.status, startDate: input.startDate, endDate: input.endDate, costFen: input.costFen };
    await recordAudit(trx, scope, {
      action: 'service.create',
      targetType: 'service',
      targetId: id,
      outcome: 'success',
      details: { personId, ...details },
    });
    return id;
  });
}

/** Changes a service record (version-checked; stages of a home modification only move forward); returns the version. */
export async function updateService(
  database: Database,
  scope: Scope,
  personId: number,
  id: number,
  patch: ServicePatch,
  today: Day,
): Promise<number> {
  assertCanRecordServices(scope);
  await requirePersonInScope(database, scope, personId, 'service.update');
  return database.db.transaction().execute(async (trx) => {
    const result = await patchService(trx, personId, id, patch, stamp(scope, today));
    if (result.changed.length > 0) {
      await recordAudit(trx, scope, {
        action: 'service.update',
        targetType: 'service',
        targetId: id,
        outcome: 'success',
        details: { personId, fields: result.changed },
      });
    }
    return result.version;
  });
}
