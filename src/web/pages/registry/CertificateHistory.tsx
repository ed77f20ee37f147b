import { useTranslation } from 'react-i18next';
import type { PersonDetail } from '../../../contracts/persons.ts';
import { MaskedNumber } from '../../components/MaskedNumber.tsx';
import { orDash } from './labels.ts';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';

type Certificate = NonNullable<PersonDetail['certificates']>[number];

/** The person's certificates, newest first. */
export function CertificateHistory({ certificates }: { certificates: readonly Certificate[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="cert-title" className="panel">
      <h2 id="cert-title">{t('detail.certificates')}</h2>
      {certificates.length === 0 ? (
        <p>{t('detail.noCertificates')}</p>
      ) : (
        <ScrollRegion labelledBy="cert-title">
          <table className="data-table">
            <caption className="sr-only">{t('detail.certificates')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('person.certificateNumber')}</th>
                <th scope="col">{t('person.category')}</th>
                <th scope="col">{t('person.level')}</th>
                <th scope="col">{t('person.certificateIssuedOn')}</th>
                <th scope="col">{t('person.certificateValidUntil')}</th>
                <th scope="col">{t('detail.effectiveFrom')}</th>
                <th scope="col">{t('detail.endedOn')}</th>
              </tr>
            </thead>
            <tbody>
              {certificates.map((c) => (
                <tr key={`${c.certificateNumber}-${c.effectiveFrom}-${c.endedOn ?? ''}`}>
                  <td>
                    <MaskedNumber value={c.certificateNumber} />
                  </td>
                  <td>{t(`category.${c.category}`)}</td>
                  <td>{t(`level.${c.level}`)}</td>
                  <td>{orDash(c.issuedOn)}</td>
                  <td>{orDash(c.validUntil)}</td>
                  <td>{c.effectiveFrom}</td>
                  <td>{c.endedOn ? `${c.endedOn}${c.endReason ? ` (${c.endReason})` : ''}` : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}
