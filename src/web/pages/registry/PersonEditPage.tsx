import { useQueryClient } from '@tanstack/react-query';
import { Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { PersonDetail } from '../../../contracts/persons.ts';
import { api, ApiError } from '../../api.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { NotFoundPage } from '../errors/NotFoundPage.tsx';
import { ConflictDialog } from './ConflictDialog.tsx';
import { PersonForm, type SubmitResult } from './PersonForm.tsx';
import { type FormValues, patchOf, valuesOf } from './person-form-values.ts';
import { fetchPerson, personIdOf, usePerson } from './person-api.ts';

type Conflict = { patch: Record<string, string | null>; current: PersonDetail };

/** 编辑: PATCH with the version read; a stale version opens the conflict dialog with both versions side by side. */
export function PersonEditPage() {
  const id = personIdOf(useParams().id);
  const person = usePerson(id);
  if (Number.isNaN(id) || (person.error instanceof ApiError && person.error.status === 404)) return <NotFoundPage />;
  if (!person.data) return person.isPending ? <Spin /> : <ErrorAlert error={person.error} />;
  return <EditPerson key={id} id={id} read={person.data} />;
}

/** The form over the record as first read: later refetches do not change the version the edit is based on. */
function EditPerson({ id, read: base }: { id: number; read: PersonDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [conflict, setConflict] = useState<Conflict | null>(null);

  const saved = async () => {
    await queryClient.invalidateQueries({ queryKey: ['person', id] });
    await queryClient.invalidateQueries({ queryKey: ['persons'] });
    navigate(`/persons/${id}`, { state: { saved: true } });
  };
  const save = async (patch: Record<string, string | null>, version: number): Promise<SubmitResult> => {
    try {
      await api(`/api/v1/persons/${id}`, { method: 'PATCH', json: { ...patch, version } });
      await saved();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'VERSION_CONFLICT') {
        setConflict({ patch, current: await fetchPerson(id) });
        return;
      }
      return { error };
    }
  };
  const initial = valuesOf(base);
  return (
    <>
      <PageTitle>{t('edit.title', { name: base.name })}</PageTitle>
      <PersonForm
        initial={initial}
        masked={{
          idNumber: base.idNumber,
          certificateNumber: base.certificateNumber,
          phone: base.phone,
          guardianPhone: base.guardianPhone,
        }}
        submitLabel={t('form.save')}
        onSubmit={(values: FormValues) => save(patchOf(initial, values), base.version)}
        onCancel={() => navigate(`/persons/${id}`)}
      />
      {conflict && (
        <ConflictDialog
          mine={conflict.patch}
          current={conflict.current}
          onKeepMine={async () => {
            const result = await save(conflict.patch, conflict.current.version);
            setConflict(null);
            return result;
          }}
          onTakeTheirs={() => {
            setConflict(null);
            void saved();
          }}
          onClose={() => setConflict(null)}
        />
      )}
    </>
  );
}
