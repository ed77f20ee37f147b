import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../api.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { PersonForm } from './PersonForm.tsx';
import { createBodyOf, emptyValues } from './person-form-values.ts';

/** 新增残疾人: validated like an import row on the server; field errors come back in Chinese. */
export function PersonCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return (
    <>
      <PageTitle>{t('create.title')}</PageTitle>
      <PersonForm
        initial={emptyValues}
        submitLabel={t('create.submit')}
        onSubmit={async (values) => {
          try {
            const { id } = await api<{ id: number }>('/api/v1/persons', { json: createBodyOf(values) });
            await queryClient.invalidateQueries({ queryKey: ['persons'] });
            navigate(`/persons/${id}`, { state: { saved: true } });
          } catch (error) {
            return { error };
          }
        }}
        onCancel={() => navigate('/persons')}
      />
    </>
  );
}
