import { Switch } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { drillsOf } from './period';

/** Count drills (diễn tập) in the figures and lists too; off by default, kept in the URL. */
export function DrillToggle() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  return (
    <Switch
      label={t('dashboard.includeDrills')}
      checked={drillsOf(params)}
      onChange={(e) => {
        const next = new URLSearchParams(params);
        if (e.currentTarget.checked) next.set('drills', '1');
        else next.delete('drills');
        setParams(next);
      }}
      data-testid="include-drills"
    />
  );
}
