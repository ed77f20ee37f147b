import type { TFunction } from 'i18next';
import { Link } from 'react-router';
import { MaskedNumber } from './MaskedNumber.tsx';

/** The first two cells of a person row: the name as the row header linking to the person, and the masked ID number. */
export function PersonCells({ id, name, idNumber }: { id: number; name: string; idNumber: string | null }) {
  return (
    <>
      <th scope="row">
        <Link to={`/persons/${id}`}>{name}</Link>
      </th>
      <td>
        <MaskedNumber value={idNumber} />
      </td>
    </>
  );
}

/** The headers of PersonPlaceCells' four columns, for a table of registry persons. */
export function personPlaceHeaders(t: TFunction): string[] {
  return [t('person.name'), t('person.idNumber'), t('person.town'), t('person.village')];
}

/** PersonCells followed by the person's town and village (— where the person has none). */
export function PersonPlaceCells(props: {
  id: number;
  name: string;
  idNumber: string | null;
  town: string;
  village: string | null | undefined;
}) {
  return (
    <>
      <PersonCells id={props.id} name={props.name} idNumber={props.idNumber} />
      <td>{props.town}</td>
      <td>{props.village ?? '—'}</td>
    </>
  );
}
