import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Modal, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { ApiError, api } from '../../api.ts';
import { can } from '../../app/access-types.ts';
import { useUser } from '../../app/session.tsx';
import { DownloadButton } from '../../components/DownloadButton.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { MaskedNumber } from '../../components/MaskedNumber.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { NotFoundPage } from '../errors/NotFoundPage.tsx';
import { useOrgTree } from '../registry/org-units.ts';
import { orgNames } from './benefit-api.ts';
import { type RollDetail, fenToYuan, totalsByTown, yuanTotal } from './policy-api.ts';
import { RollStatus } from './RollStatus.tsx';
import './workflow.css';
import './ParametersPage.css';
import { PersonCells } from '../../components/PersonCells.tsx';

/** Lines shown on the page; the export carries the whole roll. */
const shownLines = 200;

/** 名册详情: totals, totals by town, the lines (masked), approve (freeze) and export. */
export function RollDetailPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const location = useLocation();
  const user = useUser();
  const [message, setMessage] = useState((location.state as { generated?: boolean } | null)?.generated ? t('rolls.generated') : '');
  const [confirming, setConfirming] = useState(false);
  const query = useQuery({
    queryKey: ['benefit-roll', id],
    queryFn: () => api<RollDetail>(`/api/v1/benefits/rolls/${id}`),
    enabled: Number.isInteger(id) && id > 0,
    retry: false,
  });
  const names = orgNames(useOrgTree().data);
  if (!Number.isInteger(id) || id <= 0 || (query.error instanceof ApiError && query.error.status === 404)) return <NotFoundPage />;
  const roll = query.data;
  if (!roll) {
    return (
      <>
        <PageTitle>{t('rolls.detailTitleLoading')}</PageTitle>
        <ErrorAlert error={query.error} />
        {query.isPending && <Spin />}
      </>
    );
  }
  const programName = t(`benefits.program.${roll.program}`);
  const towns = totalsByTown(roll.lines);
  return (
    <>
      <PageTitle>{t('rolls.detailTitle', { month: roll.month, program: programName })}</PageTitle>
      <p>
        <Link to="/benefits/rolls">{t('rolls.back')}</Link>
      </p>
      <StatusMessage>{message}</StatusMessage>
      <dl className="roll-summary">
        <dt>{t('rolls.status')}</dt>
        <dd>
          <RollStatus status={roll.status} />
          {roll.approvedBy && (
            <span className="param-since">{t('rolls.approvedOn', { who: roll.approvedBy, at: roll.approvedAt?.slice(0, 10) })}</span>
          )}
        </dd>
        <dt>{t('rolls.persons')}</dt>
        <dd>{roll.persons}</dd>
        <dt>{t('rolls.total')}</dt>
        <dd>{t('rolls.yuan', { amount: yuanTotal(roll.totalFen) })}</dd>
      </dl>
      <div className="page-actions">
        {roll.status === 'draft' && can(user, 'benefit.rollApprove') && (
          <Button type="primary" onClick={() => setConfirming(true)}>
            {t('rolls.approve')}
          </Button>
        )}
        {can(user, 'benefit.export') && (
          <DownloadButton
            path={`/api/v1/benefits/rolls/${roll.id}/export`}
            fallbackName={`发放名册-${roll.month}.xlsx`}
            label={t('rolls.export')}
          />
        )}
      </div>
      {roll.status === 'draft' && <p>{t('rolls.draftNote')}</p>}
      <DataTable
        caption={t('rolls.byTown')}
        headers={[t('rolls.town'), { text: t('rolls.persons'), numeric: true }, { text: t('rolls.totalYuan'), numeric: true }]}
        footer={
          <tr>
            <th scope="row">{t('rolls.sum')}</th>
            <td className="num">{roll.lines.length}</td>
            <td className="num">{yuanTotal(towns.reduce((s, r) => s + r.amountFen, 0))}</td>
          </tr>
        }
      >
        {towns.map((row) => (
          <tr key={row.town}>
            <th scope="row">{names.get(row.town) ?? row.town}</th>
            <td className="num">{row.persons}</td>
            <td className="num">{yuanTotal(row.amountFen)}</td>
          </tr>
        ))}
      </DataTable>
      <DataTable
        caption={t('rolls.linesCaption', { count: roll.lines.length })}
        note={roll.lines.length > shownLines && t('rolls.linesCut', { count: shownLines })}
        headers={[
          t('rolls.name'),
          t('rolls.idNumber'),
          t('rolls.town'),
          { text: t('rolls.amount'), numeric: true },
          t('rolls.bankAccount'),
        ]}
      >
        {roll.lines.slice(0, shownLines).map((l) => (
          <tr key={l.personId}>
            <PersonCells id={l.personId} name={l.name} idNumber={l.idNumber} />
            <td>{names.get(l.town) ?? l.town}</td>
            <td className="num">{fenToYuan(l.amountFen)}</td>
            <td>{l.bankAccount ? <MaskedNumber value={l.bankAccount} /> : t('rolls.noAccount')}</td>
          </tr>
        ))}
      </DataTable>
      {confirming && (
        <RollApproveDialog
          roll={roll}
          onClose={() => setConfirming(false)}
          onDone={() => {
            setConfirming(false);
            setMessage(t('rolls.approved', { month: roll.month, program: programName }));
          }}
        />
      )}
    </>
  );
}

/** The confirmation before freezing: what is approved (persons, total) and that it cannot be changed afterwards. */
function RollApproveDialog({ roll, onClose, onDone }: { roll: RollDetail; onClose(): void; onDone(): void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: () => api(`/api/v1/benefits/rolls/${roll.id}/approve`, { json: { version: roll.version } }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['benefit-roll', roll.id] });
      await queryClient.invalidateQueries({ queryKey: ['benefit-rolls'] });
      onDone();
    },
  });
  const conflict = mutation.error instanceof ApiError && mutation.error.code === 'VERSION_CONFLICT';
  return (
    <Modal
      open
      title={t('rolls.confirmTitle')}
      onCancel={onClose}
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('rolls.cancel')}
        </Button>,
        conflict ? (
          <Button
            key="reload"
            type="primary"
            onClick={() => {
              void queryClient.invalidateQueries({ queryKey: ['benefit-roll', roll.id] });
              onClose();
            }}
          >
            {t('rolls.reload')}
          </Button>
        ) : (
          <Button key="ok" type="primary" loading={mutation.isPending} onClick={() => mutation.mutate()}>
            {t('rolls.confirmApprove')}
          </Button>
        ),
      ]}
    >
      <p>
        {t('rolls.confirmText', {
          month: roll.month,
          program: t(`benefits.program.${roll.program}`),
          persons: roll.persons,
          total: yuanTotal(roll.totalFen),
        })}
      </p>
      <p>
        <strong>{t('rolls.confirmFreeze')}</strong>
      </p>
      <ErrorAlert error={mutation.error} />
    </Modal>
  );
}
