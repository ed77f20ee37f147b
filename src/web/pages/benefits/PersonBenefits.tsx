import { Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { can } from '../../app/access-types.ts';
import { useUser } from '../../app/session.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { yuan } from '../../money.ts';
import { chinaToday, type PersonDecision, usePersonDecisions } from './benefit-api.ts';
import { ReasonList } from './ReasonList.tsx';
import './workflow.css';

/** The decision in words and a mark (never colour alone). */
function Verdict({ d }: { d: PersonDecision }) {
  const { t } = useTranslation();
  const good = d.eligible === d.receiving;
  return (
    <span className={good ? 'state-good' : 'state-bad'}>
      <span aria-hidden="true">{good ? '✓ ' : '⚠ '}</span>
      {t(d.eligible ? 'benefits.decision.eligibleShort' : 'benefits.decision.notEligibleShort')}
      {t('benefits.reason.separator')}
      {t(d.receiving ? 'benefits.decision.receivingShort' : 'benefits.decision.notReceivingShort')}
    </span>
  );
}

/** 惠残政策待遇 on the person page: each programme's decision for today, its amount and reasons; apply where due. */
export function PersonBenefits({ personId }: { personId: number }) {
  const { t } = useTranslation();
  const user = useUser();
  const today = chinaToday();
  const readable = can(user, 'benefit.read');
  const query = usePersonDecisions(personId, today, readable);
  if (!readable) return null;
  return (
    <section className="panel" aria-labelledby="person-benefits-title">
      <h2 id="person-benefits-title">{t('benefits.personSection.title')}</h2>
      <ErrorAlert error={query.error} />
      {query.isPending && <Spin />}
      {query.data && (
        <DataTable
          caption={t('benefits.personSection.caption', { date: today })}
          headers={[
            t('benefits.program.label'),
            t('benefits.personSection.decision'),
            t('benefits.amount'),
            t('benefits.gaps.reasons'),
            ...(can(user, 'benefit.apply') ? [t('benefits.tasks.actions')] : []),
          ]}
        >
          {query.data.decisions.map((d) => (
            <tr key={d.program}>
              <th scope="row">{t(`benefits.program.${d.program}`)}</th>
              <td>
                <Verdict d={d} />
              </td>
              <td>{yuan(d.monthlyAmount)}</td>
              <td>
                <details className="gap-reasons">
                  <summary>{t('benefits.personSection.reasons', { count: d.reasons.length })}</summary>
                  <ReasonList reasons={d.reasons} />
                </details>
              </td>
              {can(user, 'benefit.apply') && (
                <td>
                  {d.eligible && !d.receiving ? (
                    <Link className="link-button" to={`/benefits/applications?apply=${personId}&program=${d.program}`}>
                      {t('benefits.personSection.apply', { program: t(`benefits.program.${d.program}`) })}
                    </Link>
                  ) : (
                    '—'
                  )}
                </td>
              )}
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
