import { Box, Table, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { weeksOf } from './calendar-month';
import type { DayInfo, Override } from './override-modal';

// Each kind of day has its own colours and its own words (colour is never the only cue);
// all text at least 4.5:1 on its background.
const LOOK: Record<string, { bg: string; fg: string; border: string }> = {
  working_day: { bg: '#ffffff', fg: '#212529', border: '#ced4da' },
  weekend: { bg: '#f1f3f5', fg: '#495057', border: '#dee2e6' },
  holiday: { bg: '#ffe3e3', fg: '#a51111', border: '#ffa8a8' },
  compensatory_day: { bg: '#fff0e0', fg: '#8a3b00', border: '#ffc078' },
  override_working: { bg: '#e6f6e8', fg: '#1d5e2a', border: '#2b7a3b' },
  override_off: { bg: '#e7f0ff', fg: '#174a91', border: '#1c5fb8' },
};

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** One month of a calendar: every date, worked or not and why; a date opens its editor. */
export function MonthGrid({
  month,
  days,
  overrides,
  onPick,
}: {
  month: string;
  days: ReadonlyMap<string, DayInfo>;
  overrides: ReadonlyMap<string, Override>;
  onPick: (day: DayInfo) => void;
}) {
  const { t } = useTranslation();
  const [y, m] = month.split('-');
  return (
    <Box style={{ overflowX: 'auto' }}>
      <Table withTableBorder layout="fixed" miw={300} verticalSpacing={4} horizontalSpacing={4}>
        <Table.Caption>
          {t('admin.calendars.monthCaption', { month: Number(m), year: y })}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {WEEKDAYS.map((d) => (
              <Table.Th key={d} scope="col" ta="center">
                <abbr title={t(`admin.calendars.weekdays.${d}`)} style={{ textDecoration: 'none' }}>
                  {t(`admin.calendars.weekdaysShort.${d}`)}
                </abbr>
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {weeksOf(month).map((week) => (
            <Table.Tr key={week.find(Boolean) ?? 'w'}>
              {week.map((date, i) => {
                const day = date ? days.get(date) : undefined;
                if (!date || !day) return <Table.Td key={`${date ?? 'x'}-${i}`} />;
                const override = overrides.get(date);
                const kind = override
                  ? override.kind === 'working'
                    ? 'override_working'
                    : 'override_off'
                  : day.reason;
                const look = LOOK[kind] ?? LOOK.working_day!;
                const what = override
                  ? t(`admin.calendars.kinds.${override.kind}`)
                  : t(`admin.calendars.reasons.${day.reason}`);
                const detail = day.label ?? (override?.note || '');
                const weekday = t(`admin.calendars.weekdays.${WEEKDAYS[i]!}`);
                return (
                  <Table.Td key={date} p={2}>
                    <UnstyledButton
                      onClick={() => onPick(day)}
                      aria-label={`${weekday} ${Number(date.slice(8))}/${Number(m)}/${y}: ${what}${detail ? ` — ${detail}` : ''}`}
                      data-date={date}
                      data-working={day.isWorking}
                      w="100%"
                      mih={64}
                      p={6}
                      style={{
                        display: 'flex',
                        flexDirection: 'column',
                        alignItems: 'flex-start',
                        gap: 2,
                        borderRadius: 6,
                        background: look.bg,
                        color: look.fg,
                        border: `${override ? 2 : 1}px ${override ? 'solid' : 'solid'} ${look.border}`,
                      }}
                    >
                      <Text fw={700} size="sm" lh={1}>
                        {Number(date.slice(8))}
                      </Text>
                      {kind !== 'working_day' && (
                        <Text size="xs" lh={1.15} lineClamp={2}>
                          {detail || what}
                        </Text>
                      )}
                    </UnstyledButton>
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Box>
  );
}

/** The colours' meaning, in words. */
export function MonthLegend() {
  const { t } = useTranslation();
  const items: [string, string][] = [
    ['working_day', t('admin.calendars.reasons.working_day')],
    ['weekend', t('admin.calendars.reasons.weekend')],
    ['holiday', t('admin.calendars.reasons.holiday')],
    ['compensatory_day', t('admin.calendars.reasons.compensatory_day')],
    ['override_working', t('admin.calendars.kinds.working')],
    ['override_off', t('admin.calendars.kinds.day_off')],
  ];
  return (
    <Box
      component="ul"
      m={0}
      p={0}
      style={{ listStyle: 'none', display: 'flex', flexWrap: 'wrap', gap: 12 }}
    >
      {items.map(([k, label]) => (
        <li key={k} style={{ display: 'flex', alignItems: 'center', gap: 6 }}>
          <span
            aria-hidden
            style={{
              width: 14,
              height: 14,
              borderRadius: 3,
              background: LOOK[k]!.bg,
              border: `2px solid ${LOOK[k]!.border}`,
            }}
          />
          <Text size="xs">{label}</Text>
        </li>
      ))}
    </Box>
  );
}
