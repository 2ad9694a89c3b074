import { Alert, Select, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';

export type TemplatePurpose = 'reply' | 'request-information' | 'resolve';

interface Unresolved {
  name: string;
  reason: 'unknown' | 'no_value';
}

/**
 * The unit's prepared texts for this form, already filled for the case by the API (the
 * domain's fillTemplate): choosing one puts its text in the box, to be read and edited. A
 * placeholder the API could not fill stays in the text as written and is named below.
 */
export function TemplatePicker({
  caseId,
  purpose,
  onPick,
}: {
  caseId: string;
  purpose: TemplatePurpose;
  onPick: (text: string) => void;
}) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<string | null>(null);
  const templates = useQuery({
    queryKey: ['case-templates', caseId, purpose],
    queryFn: async () =>
      unwrap(
        await api.GET('/v1/cases/{id}/reply-templates', {
          params: { path: { id: caseId }, query: { purpose } },
        }),
      ).templates,
    staleTime: 60_000,
  });
  const list = templates.data ?? [];
  if (templates.isPending || list.length === 0) return null;
  const picked = list.find((x) => x.id === chosen);
  const unresolved: Unresolved[] = picked?.unresolved ?? [];
  return (
    <div data-testid="template-picker">
      <Select
        label={t('templates.picker.label')}
        description={t('templates.picker.hint')}
        placeholder={t('templates.picker.placeholder')}
        searchable
        clearable
        data={list.map((x) => ({ value: x.id, label: x.title }))}
        value={chosen}
        onChange={(id) => {
          setChosen(id);
          const next = list.find((x) => x.id === id);
          if (next) onPick(next.text);
        }}
        nothingFoundMessage={t('templates.picker.nothingFound')}
        comboboxProps={{ withinPortal: false }}
      />
      {unresolved.length > 0 && (
        <Alert color="orange" mt="xs" role="status" data-testid="template-unresolved">
          <Text size="sm">{t('templates.picker.unresolved')}</Text>
          <Text size="sm" component="ul" m={0} pl="md">
            {unresolved.map((u) => (
              <li key={u.name}>
                <code>{`{${u.name}}`}</code> — {t(`templates.picker.reason.${u.reason}`)}
              </li>
            ))}
          </Text>
        </Alert>
      )}
    </div>
  );
}
