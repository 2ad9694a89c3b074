import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n';

/**
 * `?format=csv|xlsx` added to an API URL (which may already have a query), with the console's
 * language: a link sends the browser's own Accept-Language, not the console's.
 */
export const withFormat = (url: string, format: 'csv' | 'xlsx') =>
  `${url}${url.includes('?') ? '&' : '?'}format=${format}&lang=${currentLanguage()}`;

/**
 * Download links for a list or a chart's table: the API streams the same rows as CSV (UTF-8
 * with BOM, for Excel) or XLSX, with the signed-in official's cookie and scope.
 */
export function ExportLinks({ url, what }: { url: string; what: string }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap">
      {(['csv', 'xlsx'] as const).map((format) => (
        <Button
          key={format}
          component="a"
          href={withFormat(url, format)}
          download
          size="compact-xs"
          variant="default"
          aria-label={t('dashboard.export.label', { format: format.toUpperCase(), what })}
        >
          {format.toUpperCase()}
        </Button>
      ))}
    </Group>
  );
}
