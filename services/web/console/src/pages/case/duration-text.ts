import { useTranslation } from 'react-i18next';
import { durationParts } from './case-types';

/** "5 ngày làm việc" / "4 giờ làm việc" for an extension's ISO duration. */
export function useDurationText() {
  const { t } = useTranslation();
  return (iso: string) => {
    const parts = durationParts(iso);
    if (!parts) return iso;
    return [
      parts.days ? t('case.extension.days', { count: parts.days }) : null,
      parts.hours ? t('case.extension.hours', { count: parts.hours }) : null,
    ]
      .filter(Boolean)
      .join(' ');
  };
}
