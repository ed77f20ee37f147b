import { useQuery } from '@tanstack/react-query';
import { Button } from 'antd';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { can } from '../../app/access-types.ts';
import { useUser } from '../../app/session.tsx';
import { DateField } from '../../components/DateField.tsx';
import { DownloadButton } from '../../components/DownloadButton.tsx';
import { ListStatus } from '../../components/ListStatus.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { SubmitRow } from '../../components/SubmitRow.tsx';
import { orgOptions, townsOf, useOrgTree, villagesOf } from '../registry/org-units.ts';
import { AssignTasksDialog } from './AssignTasksDialog.tsx';
import { chinaToday, type GapItem, type GapList, orgNames, queryOf } from './benefit-api.ts';
import { GapTable } from './GapTable.tsx';
import { programOptions } from './options.ts';
import './workflow.css';

type Filters = { kind: string; program: string; town: string; village: string; date: string };
const step = 100;
const keyOf = (i: Pick<GapItem, 'personId' | 'program' | 'kind'>) => `${i.personId}|${i.program}|${i.kind}`;

/** 应享未享 / 不应享而享: each person with the conditions held and failed; assign follow-ups, export. */
export function BenefitGapsPage() {
  const { t } = useTranslation();
  const user = useUser();
  const tree = useOrgTree().data;
  const names = orgNames(tree);
  const towns = townsOf(tree);
  const [form, setForm] = useState<Filters>({
    kind: 'eligibleNotReceiving',
    program: 'livingSubsidy',
    town: '',
    village: '',
    date: chinaToday(),
  });
  const [filters, setFilters] = useState(form);
  const [limit, setLimit] = useState(step);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [assigning, setAssigning] = useState(false);
  const [done, setDone] = useState('');
  const villages = villagesOf(tree, form.town || (towns.length === 1 ? (towns[0]?.code ?? '') : ''));
  const org = filters.village || filters.town || undefined;
  const apiQuery = queryOf({ program: filters.program, kind: filters.kind, org, date: filters.date });
  const query = useQuery({
    queryKey: ['benefit-gaps', apiQuery, limit],
    queryFn: () => api<GapList>(`/api/v1/benefits/gaps?${apiQuery}&limit=${limit}`),
    placeholderData: (previous) => previous,
  });
  const items = query.data?.items ?? [];
  const chosen = items.filter((i) => selected.has(keyOf(i)));
  const set = (change: Partial<Filters>) => setForm((f) => ({ ...f, ...change }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setFilters(form);
    setLimit(step);
    setSelected(new Set());
    setDone('');
  };
  const toggle = (keys: string[], on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      for (const k of keys) on ? next.add(k) : next.delete(k);
      return next;
    });
  const total = query.data?.total ?? 0;
  const status = query.isFetching
    ? t('benefits.loading')
    : query.isSuccess
      ? t('benefits.gaps.count', { count: total, shown: items.length, selected: chosen.length })
      : '';
  const kindName = t(`benefits.gaps.kind.${filters.kind}`);
  const caption = t('benefits.gaps.caption', {
    kind: kindName,
    program: filters.program ? t(`benefits.program.${filters.program}`) : t('benefits.allPrograms'),
    org: org ? (names.get(org) ?? org) : (tree?.name ?? ''),
    date: filters.date,
  });
  return (
    <>
      <PageTitle>{t('benefits.gaps.title')}</PageTitle>
      <p>{t('benefits.gaps.intro')}</p>
      <form className="benefit-filters" aria-label={t('benefits.gaps.filters')} onSubmit={submit}>
        <SelectField
          id="gf-kind"
          label={t('benefits.gaps.kind.label')}
          value={form.kind}
          options={['eligibleNotReceiving', 'receivingNotEligible'].map((k) => ({ value: k, label: t(`benefits.gaps.kind.${k}`) }))}
          onChange={(kind) => set({ kind })}
        />
        <SelectField
          id="gf-program"
          label={t('benefits.program.label')}
          value={form.program}
          options={programOptions(t)}
          emptyLabel={t('benefits.allPrograms')}
          onChange={(program) => set({ program })}
        />
        {towns.length > 1 && (
          <SelectField
            id="gf-town"
            label={t('benefits.town')}
            value={form.town}
            options={orgOptions(towns)}
            emptyLabel={t('benefits.any')}
            onChange={(town) => set({ town, village: '' })}
          />
        )}
        <SelectField
          id="gf-village"
          label={t('benefits.village')}
          value={form.village}
          options={orgOptions(villages)}
          emptyLabel={villages.length === 0 ? t('benefits.chooseTownFirst') : t('benefits.any')}
          disabled={villages.length === 0}
          onChange={(village) => set({ village })}
        />
        <DateField id="gf-date" label={t('benefits.gaps.date')} value={form.date} onChange={(date) => set({ date })} required />
        <SubmitRow label={t('benefits.search')} />
      </form>
      <div className="page-actions">
        {can(user, 'benefit.task') && (
          <Button disabled={chosen.length === 0} onClick={() => setAssigning(true)}>
            {t('benefits.gaps.assign', { count: chosen.length })}
          </Button>
        )}
        {can(user, 'benefit.export') && (
          <DownloadButton path={`/api/v1/benefits/gaps/export?${apiQuery}`} fallbackName="gaps.xlsx" label={t('benefits.gaps.export')} />
        )}
      </div>
      <ListStatus query={query} status={done || status} count={items.length} none={t('benefits.gaps.none')} />
      {items.length > 0 && (
        <GapTable
          caption={caption}
          items={items}
          names={names}
          selectable={can(user, 'benefit.task')}
          isSelected={(i) => selected.has(keyOf(i))}
          onToggle={(rows, on) => toggle(rows.map(keyOf), on)}
        />
      )}
      {items.length < total && (
        <div className="load-more">
          <Button onClick={() => setLimit((l) => Math.min(5000, l + step))} loading={query.isFetching}>
            {t('benefits.loadMore')}
          </Button>
        </div>
      )}
      {assigning && (
        <AssignTasksDialog
          items={chosen}
          date={filters.date}
          org={org}
          onClose={() => setAssigning(false)}
          onDone={(message) => {
            setAssigning(false);
            setSelected(new Set());
            setDone(message);
          }}
        />
      )}
    </>
  );
}
