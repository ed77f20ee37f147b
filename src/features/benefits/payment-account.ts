import { AppError } from '../../contracts/app-error.ts';
import type { Database } from '../../db/connect.ts';
import { recordAudit } from '../access/audit.ts';
import type { Scope } from '../access/scope.ts';
import { requirePersonInScope } from '../registry/read-service.ts';
import { assertBenefit } from './permissions.ts';
import { maskAccount } from './rolls.ts';
import { benefitsDb, coreDb } from './tables.ts';

/** Sets the bank account a person's benefits are paid into (version-checked when one exists), audited, masked. */
export async function setPaymentAccount(
  database: Database,
  scope: Scope,
  personId: number,
  input: { bankName: string; accountNumber: string; accountHolder: string; version?: number },
  now: Date,
) {
  assertBenefit(scope, 'benefit.apply');
  await requirePersonInScope(database, scope, personId, 'benefit.paymentAccount');
  const db = benefitsDb(database);
  const existing = await db.selectFrom('payment_account').select('version').where('person_id', '=', personId).executeTakeFirst();
  if (existing && existing.version !== input.version) throw new AppError('VERSION_CONFLICT');
  const values = {
    bank_name: input.bankName,
    account_number: input.accountNumber,
    account_holder: input.accountHolder,
    updated_by: scope.username,
    updated_at: now.toISOString(),
  };
  const version = (existing?.version ?? 0) + 1;
  await db.transaction().execute(async (trx) => {
    if (existing) {
      const res = await trx
        .updateTable('payment_account')
        .set({ ...values, version })
        .where('person_id', '=', personId)
        .where('version', '=', existing.version)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) throw new AppError('VERSION_CONFLICT');
    } else {
      await trx
        .insertInto('payment_account')
        .values({ person_id: personId, ...values })
        .execute();
    }
    await recordAudit(coreDb(trx), scope, {
      action: 'benefit.paymentAccount.set',
      targetType: 'person',
      targetId: personId,
      outcome: 'success',
      details: { bankName: input.bankName, account: maskAccount(input.accountNumber) },
    });
  });
  return {
    personId,
    bankName: input.bankName,
    accountNumber: maskAccount(input.accountNumber),
    accountHolder: input.accountHolder,
    version,
  };
}
