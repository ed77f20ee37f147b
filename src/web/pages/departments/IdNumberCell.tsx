import { Link } from 'react-router';
import { MaskedNumber } from '../../components/MaskedNumber.tsx';

/** A list row's header cell: the masked ID number, linking to the person when the registry knows them. */
export function IdNumberCell({ personId, idNumber }: { personId: number | null; idNumber: string }) {
  return (
    <th scope="row">
      {personId ? (
        <Link to={`/persons/${personId}`}>
          <MaskedNumber value={idNumber} />
        </Link>
      ) : (
        <MaskedNumber value={idNumber} />
      )}
    </th>
  );
}
