import { Group, SegmentedControl } from '@mantine/core';
import { DatePickerInput, DatesProvider } from '@mantine/dates';
import 'dayjs/locale/vi';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import {
  PRESETS,
  periodOf,
  periodParams,
  presetDates,
  todayInProvince,
  type Preset,
} from './period';

/** This month / last month / this quarter / custom dates; the choice is kept in the URL. */
export function PeriodPicker() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const period = periodOf(params);

  function choose(preset: Preset) {
    const next =
      preset === 'custom'
        ? { preset, from: period.from, to: period.to }
        : { preset, ...presetDates(preset, todayInProvince()) };
    setParams(periodParams(next));
  }

  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <SegmentedControl
        aria-label={t('dashboard.period.label')}
        value={period.preset}
        onChange={choose}
        data={PRESETS.map((p) => ({ value: p, label: t(`dashboard.period.${p}`) }))}
      />
      {period.preset === 'custom' && (
        <DatesProvider settings={{ locale: i18n.language === 'en' ? 'en' : 'vi' }}>
          <DatePickerInput
            type="range"
            label={t('dashboard.period.dates')}
            valueFormat="DD/MM/YYYY"
            value={[period.from, period.to]}
            allowSingleDateInRange
            maxDate={todayInProvince()}
            w={260}
            onChange={([from, to]) => {
              if (from && to) setParams(periodParams({ preset: 'custom', from, to }));
            }}
          />
        </DatesProvider>
      )}
    </Group>
  );
}
