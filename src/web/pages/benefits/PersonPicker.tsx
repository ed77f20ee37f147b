import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonSummary } from '../../../contracts/persons.ts';
import { api } from '../../api.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { MaskedNumber } from '../../components/MaskedNumber.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { TextField } from '../../components/TextField.tsx';

type Chosen = Pick<PersonSummary, 'id' | 'name' | 'idNumber'>;

/**
 * Finds the person to apply for: by name, ID number or certificate number (POST search keeps them out of URLs), or
 * by the registry's record number; the matches are radio buttons.
 */
export function PersonPicker({ chosen, onChoose, error }: { chosen: Chosen | null; onChoose(p: Chosen): void; error?: string }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [found, setFound] = useState<Chosen[] | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const find = async () => {
    const text = q.trim();
    if (!text) return;
    setBusy(true);
    setFailure(null);
    try {
      const byRecord = /^\d{1,9}$/.test(text) ? await api<Chosen>(`/api/v1/persons/${text}`).catch(() => null) : null;
      const page = await api<{ items: PersonSummary[] }>('/api/v1/persons/search', { json: { q: text, limit: 10 } });
      const all = [...(byRecord ? [byRecord] : []), ...page.items.filter((p) => p.id !== byRecord?.id)];
      setFound(all.map(({ id, name, idNumber }) => ({ id, name, idNumber })));
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Enter in the search box finds persons instead of submitting the application form.
    <div
      className="person-picker"
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.target as HTMLElement).id === 'apply-q') {
          e.preventDefault();
          void find();
        }
      }}
    >
      <div className="benefit-filters">
        <TextField
          id="apply-q"
          label={t('benefits.apply.person')}
          hint={t('benefits.apply.personHint')}
          value={q}
          onChange={setQ}
          required
          error={error}
          maxLength={50}
        />
        <div className="filter-actions">
          <Button onClick={() => void find()} loading={busy}>
            {t('benefits.apply.find')}
          </Button>
        </div>
      </div>
      <ErrorAlert error={failure} />
      <StatusMessage>{found ? t('benefits.apply.found', { count: found.length }) : ''}</StatusMessage>
      {found && found.length > 0 && (
        <fieldset className="person-choices">
          <legend>{t('benefits.apply.choose')}</legend>
          {found.map((p) => (
            <label key={p.id}>
              <input type="radio" name="apply-person" checked={chosen?.id === p.id} onChange={() => onChoose(p)} />
              {p.name} <MaskedNumber value={p.idNumber} />
            </label>
          ))}
        </fieldset>
      )}
      {chosen && <p className="chosen-person">{t('benefits.apply.chosen', { name: chosen.name })}</p>}
    </div>
  );
}
