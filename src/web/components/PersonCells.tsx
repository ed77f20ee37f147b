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
