import {
  Checkbox,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  TagsInput,
  TextInput,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../api/client';
import {
  unitOptions,
  useCategories,
  useUnitTree,
  type Ok,
} from '../../../components/admin/admin-data';
import { AdminForm } from '../../../components/admin/admin-form';
import { useApiForm } from '../../../components/admin/use-api-form';
import { localName } from '../../../components/use-reference';

export type Rule = Ok<'/v1/admin/routing-rules'>['rules'][number];
export const CHANNELS = ['web', 'sms', 'call', 'email', 'open311', 'counter'] as const;
export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const STRATEGIES = ['unit_queue', 'round_robin', 'least_open', 'named'] as const;

interface Values {
  name: string;
  isActive: boolean;
  position: number | string;
  hotlineNumbers: string[];
  channels: string[];
  categoryCodes: string[];
  unitCodes: string[];
  words: string[];
  priorities: string[];
  targetUnitCode: string | null;
  strategy: string;
  namedOfficialEmail: string;
}

// The API names condition fields "conditions.<name>"; the form keeps them flat.
const ALIAS = {
  'conditions.hotlineNumbers': 'hotlineNumbers',
  'conditions.channels': 'channels',
  'conditions.categoryCodes': 'categoryCodes',
  'conditions.unitCodes': 'unitCodes',
  'conditions.words': 'words',
  'conditions.priorities': 'priorities',
};

/** A routing rule: its conditions (all must hold; any value of a list will do) and target. */
export function RoutingRuleForm({
  rule,
  onDone,
}: {
  rule?: Rule;
  onDone: (saved: boolean) => void;
}) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const units = useUnitTree();
  const categories = useCategories();
  const c = rule?.conditions;
  const form = useForm<Values>({
    defaultValues: {
      name: rule?.name ?? '',
      isActive: rule?.isActive ?? true,
      position: rule?.position ?? '',
      hotlineNumbers: c?.hotlineNumbers ?? [],
      channels: c?.channels ?? [],
      categoryCodes: c?.categoryCodes ?? [],
      unitCodes: c?.unitCodes ?? [],
      words: c?.words ?? [],
      priorities: c?.priorities ?? [],
      targetUnitCode: rule?.targetUnitCode ?? null,
      strategy: rule?.strategy ?? 'unit_queue',
      namedOfficialEmail: rule?.namedOfficialEmail ?? '',
    },
  });
  const { register, control, formState, watch } = form;
  const { errors, isSubmitting } = formState;
  const { submit, formErrors } = useApiForm(form, ALIAS);
  const strategy = watch('strategy');

  const onSubmit = submit(async (v) => {
    const body = {
      name: v.name.trim(),
      isActive: v.isActive,
      ...(v.position !== '' && v.position !== undefined ? { position: Number(v.position) } : {}),
      conditions: {
        hotlineNumbers: v.hotlineNumbers,
        channels: v.channels as (typeof CHANNELS)[number][],
        categoryCodes: v.categoryCodes,
        unitCodes: v.unitCodes,
        words: v.words,
        priorities: v.priorities as (typeof PRIORITIES)[number][],
      },
      targetUnitCode: v.targetUnitCode ?? '',
      strategy: v.strategy as (typeof STRATEGIES)[number],
      namedOfficialEmail: v.strategy === 'named' ? v.namedOfficialEmail.trim() || null : null,
    };
    if (rule) {
      unwrap(
        await api.PUT('/v1/admin/routing-rules/{id}', { params: { path: { id: rule.id } }, body }),
      );
    } else {
      unwrap(await api.POST('/v1/admin/routing-rules', { body }));
    }
    await client.invalidateQueries({ queryKey: ['admin', 'routing-rules'] });
    onDone(true);
  });

  const unitList = unitOptions(units.data);
  const categoryList = (categories.data ?? []).map((x) => ({
    value: x.code,
    label: localName(i18n.language, x),
  }));
  return (
    <AdminForm
      onSubmit={onSubmit}
      formErrors={formErrors}
      isSubmitting={isSubmitting}
      isNew={!rule}
      onCancel={() => onDone(false)}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label={t('admin.routing.name')}
          required
          {...register('name', { required: t('admin.validation.required') })}
          error={errors.name?.message}
        />
        <Controller
          control={control}
          name="position"
          render={({ field }) => (
            <NumberInput
              label={t('admin.routing.position')}
              description={t('admin.routing.positionHelp')}
              min={1}
              allowDecimal={false}
              {...field}
              error={errors.position?.message}
            />
          )}
        />
      </SimpleGrid>
      <Checkbox label={t('admin.routing.isActive')} {...register('isActive')} />
      <Title order={5}>{t('admin.routing.conditions')}</Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Controller
          control={control}
          name="categoryCodes"
          render={({ field }) => (
            <MultiSelect
              label={t('admin.routing.categories')}
              searchable
              data={categoryList}
              {...field}
              error={errors.categoryCodes?.message}
            />
          )}
        />
        <Controller
          control={control}
          name="unitCodes"
          render={({ field }) => (
            <MultiSelect
              label={t('admin.routing.locations')}
              description={t('admin.routing.locationsHelp')}
              searchable
              data={unitList}
              {...field}
              error={errors.unitCodes?.message}
            />
          )}
        />
        <Controller
          control={control}
          name="words"
          render={({ field }) => (
            <TagsInput
              label={t('admin.routing.words')}
              description={t('admin.routing.wordsHelp')}
              {...field}
              error={errors.words?.message}
            />
          )}
        />
        <Controller
          control={control}
          name="hotlineNumbers"
          render={({ field }) => (
            <TagsInput
              label={t('admin.routing.hotlines')}
              description={t('admin.routing.hotlinesHelp')}
              {...field}
              error={errors.hotlineNumbers?.message}
            />
          )}
        />
        <Controller
          control={control}
          name="channels"
          render={({ field }) => (
            <MultiSelect
              label={t('admin.routing.channels')}
              data={CHANNELS.map((x) => ({ value: x, label: t(`admin.channels.${x}`) }))}
              {...field}
              error={errors.channels?.message}
            />
          )}
        />
        <Controller
          control={control}
          name="priorities"
          render={({ field }) => (
            <MultiSelect
              label={t('admin.routing.priorities')}
              data={PRIORITIES.map((x) => ({ value: x, label: t(`admin.priorities.${x}`) }))}
              {...field}
              error={errors.priorities?.message}
            />
          )}
        />
      </SimpleGrid>
      <Title order={5}>{t('admin.routing.action')}</Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Controller
          control={control}
          name="targetUnitCode"
          rules={{ required: t('admin.validation.required') }}
          render={({ field }) => (
            <Select
              label={t('admin.routing.target')}
              required
              searchable
              data={unitList}
              {...field}
              error={errors.targetUnitCode?.message}
            />
          )}
        />
        <Controller
          control={control}
          name="strategy"
          render={({ field }) => (
            <Select
              label={t('admin.routing.strategy')}
              required
              allowDeselect={false}
              data={STRATEGIES.map((x) => ({ value: x, label: t(`admin.strategies.${x}`) }))}
              {...field}
              error={errors.strategy?.message}
            />
          )}
        />
      </SimpleGrid>
      {strategy === 'named' && (
        <TextInput
          label={t('admin.routing.namedOfficial')}
          description={t('admin.routing.namedOfficialHelp')}
          type="email"
          required
          {...register('namedOfficialEmail', { required: t('admin.validation.required') })}
          error={errors.namedOfficialEmail?.message}
        />
      )}
    </AdminForm>
  );
}
