import { useTranslation } from 'react-i18next';
import type { PersonDetail } from '../../../contracts/persons.ts';
import { MaskedNumber } from '../../components/MaskedNumber.tsx';
import { orDash } from './labels.ts';

/** The identity section as a description list; masked numbers are replaced by revealed values when present. */
export function PersonIdentity({ person: p, revealed }: { person: PersonDetail; revealed: Record<string, string | null> }) {
  const { t } = useTranslation();
  const number = (field: 'idNumber' | 'certificateNumber' | 'phone' | 'guardianPhone') =>
    field in revealed ? <span className="number revealed">{orDash(revealed[field])}</span> : <MaskedNumber value={p[field]} />;
  const rows: [string, React.ReactNode][] = [
    [t('person.name'), p.name],
    [t('person.idNumber'), number('idNumber')],
    [t('person.certificateNumber'), number('certificateNumber')],
    [t('person.gender'), p.gender ? t(`gender.${p.gender}`) : '—'],
    [t('person.birthDate'), orDash(p.birthDate)],
    [t('person.category'), p.category ? t(`category.${p.category}`) : '—'],
    [t('person.level'), p.level ? t(`level.${p.level}`) : '—'],
    [t('person.town'), p.townName],
    [t('person.village'), orDash(p.villageName)],
    [t('person.status'), t(`status.${p.status}`)],
    [t('person.certificateValidUntil'), orDash(p.certificateValidUntil)],
  ];
  if (p.hukou !== undefined) rows.push([t('person.hukou'), p.hukou ? t(`hukou.${p.hukou}`) : '—']);
  if (p.phone !== undefined) rows.push([t('person.phone'), number('phone')]);
  if (p.guardianName !== undefined) rows.push([t('person.guardianName'), orDash(p.guardianName)]);
  if (p.guardianPhone !== undefined) rows.push([t('person.guardianPhone'), number('guardianPhone')]);
  if (p.deceasedOn) rows.push([t('person.deceasedOn'), p.deceasedOn]);
  if (p.movedOutOn) rows.push([t('person.movedOutOn'), p.movedOutOn]);
  return (
    <section aria-labelledby="identity-title" className="panel">
      <h2 id="identity-title">{t('detail.identity')}</h2>
      <dl className="facts">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
