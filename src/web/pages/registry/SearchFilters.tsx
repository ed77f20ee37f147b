import { Button } from 'antd';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../components/SelectField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { registryOptions } from './labels.ts';
import { orgOptions, townsOf, useOrgTree, villagesOf } from './org-units.ts';
import { emptySearch, type SearchForm } from './search-state.ts';

/** The search form (role=search): text, town, village, category, level, status and age band. */
export function SearchFilters({ initial, onSearch }: { initial: SearchForm; onSearch(form: SearchForm): void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState(initial);
  const tree = useOrgTree().data;
  const options = registryOptions(t);
  const set = (change: Partial<SearchForm>) => setForm((f) => ({ ...f, ...change }));
  const towns = townsOf(tree);
  const villages = villagesOf(tree, form.town || (towns.length === 1 ? (towns[0]?.code ?? '') : ''));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSearch(form);
  };
  const any = t('search.any');
  return (
    // biome-ignore lint/a11y/useSemanticElements: <search> is too new for the old browsers staff use; role=search on the form is the established pattern.
    <form role="search" aria-label={t('search.formLabel')} className="filters" onSubmit={submit}>
      <TextField id="f-q" label={t('search.q')} hint={t('search.qHint')} value={form.q} onChange={(q) => set({ q })} maxLength={50} />
      {towns.length > 1 && (
        <SelectField
          id="f-town"
          label={t('person.town')}
          value={form.town}
          options={orgOptions(towns)}
          emptyLabel={any}
          onChange={(town) => set({ town, village: '' })}
        />
      )}
      <SelectField
        id="f-village"
        label={t('person.village')}
        value={form.village}
        options={orgOptions(villages)}
        emptyLabel={villages.length === 0 ? t('search.chooseTownFirst') : any}
        disabled={villages.length === 0}
        onChange={(village) => set({ village })}
      />
      <SelectField
        id="f-category"
        label={t('person.category')}
        value={form.category}
        options={options.categories}
        emptyLabel={any}
        onChange={(category) => set({ category })}
      />
      <SelectField
        id="f-level"
        label={t('person.level')}
        value={form.level}
        options={options.levels}
        emptyLabel={any}
        onChange={(level) => set({ level })}
      />
      <SelectField
        id="f-status"
        label={t('person.status')}
        value={form.status}
        options={options.statuses}
        emptyLabel={any}
        onChange={(status) => set({ status })}
      />
      <SelectField
        id="f-age"
        label={t('search.ageBand')}
        value={form.ageBand}
        options={options.ageBands}
        emptyLabel={any}
        onChange={(ageBand) => set({ ageBand })}
      />
      <div className="filter-actions">
        <Button type="primary" htmlType="submit">
          {t('search.submit')}
        </Button>
        <Button
          onClick={() => {
            setForm(emptySearch);
            onSearch(emptySearch);
          }}
        >
          {t('search.reset')}
        </Button>
      </div>
    </form>
  );
}
