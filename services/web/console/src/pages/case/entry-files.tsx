import { Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from './case-types';

/**
 * The files that came with one entry of the timeline (the citizen's information with its photos),
 * as download links; a file still being fetched from the SMS provider says so.
 */
export function EntryFiles({ detail, version }: { detail: CaseDetail; version: number }) {
  const { t } = useTranslation();
  // In the order the citizen sent them (the entry names them in that order).
  const entry = detail.timeline.find((e) => e.version === version);
  const named = entry?.details.attachmentIds;
  const order = Array.isArray(named) ? named : [];
  const files = detail.attachments
    .filter((a) => a.eventVersion === version)
    .sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
  if (files.length === 0) return null;
  return (
    <Stack gap={2} mt={4} data-testid={`entry-files-${version}`}>
      <Text size="sm" c="gray.7">
        {t('case.files.informationFiles')}:
      </Text>
      <Stack component="ul" gap={2} style={{ paddingLeft: 18, margin: 0 }}>
        {files.map((a) => (
          <li key={a.id}>
            {a.externalUrl ? (
              <Text span size="sm">
                {a.fileName ?? t('case.files.unnamed')}{' '}
                <Text span size="xs" c="gray.7">
                  ({t('case.files.pending')})
                </Text>
              </Text>
            ) : (
              <Anchor
                href={`/v1/cases/${detail.id}/attachments/${a.id}`}
                download={a.fileName ?? true}
                size="sm"
              >
                {a.fileName ?? t('case.files.unnamed')}
              </Anchor>
            )}
          </li>
        ))}
      </Stack>
    </Stack>
  );
}
