import {
  Alert,
  Button,
  Code,
  CopyButton,
  Group,
  MultiSelect,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { AA_ALERT } from '../../../components/admin/aa-text';
import { api, unwrap } from '../../../api/client';
import type { Official } from '../../../components/admin/admin-data';
import { ensureOk, errorMessageOf } from '../../../components/admin/api-errors';
import { ConfirmButton } from '../../../components/admin/confirm-button';
import { FormAlert } from '../../../components/admin/form-alert';
import { useApiForm } from '../../../components/admin/use-api-form';
import { formatDateTime } from '../../../i18n/format';

const SCOPES = ['calls:write', 'cases:read', 'cases:write', 'reports:read', 'admin'] as const;
/** The admin scope is offered only for an administrator (the API refuses it for others). */
const scopesFor = (official: Official) =>
  SCOPES.filter((s) => s !== 'admin' || official.roles.includes('admin'));

/** An official's API tokens (for the switchboard and integrations): issue, list, revoke. */
export function OfficialTokens({ official }: { official: Official }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [issued, setIssued] = useState<string | null>(null);
  const key = ['admin', 'tokens', official.id];
  const tokens = useQuery({
    queryKey: key,
    queryFn: async () =>
      unwrap(
        await api.GET('/v1/admin/officials/{officialId}/tokens', {
          params: { path: { officialId: official.id } },
        }),
      ),
  });
  const form = useForm<{ name: string; scopes: string[] }>({
    defaultValues: { name: '', scopes: ['calls:write'] },
  });
  const { submit, formErrors } = useApiForm(form);
  const onIssue = submit(async (v) => {
    const token = unwrap(
      await api.POST('/v1/admin/officials/{officialId}/tokens', {
        params: { path: { officialId: official.id } },
        body: { name: v.name.trim(), scopes: v.scopes as (typeof SCOPES)[number][] },
      }),
    );
    setIssued(token.token);
    form.reset({ name: '', scopes: ['calls:write'] });
    await client.invalidateQueries({ queryKey: key });
  });
  const revoke = useMutation({
    mutationFn: async (tokenId: string) =>
      ensureOk(
        await api.DELETE('/v1/admin/officials/{officialId}/tokens/{tokenId}', {
          params: { path: { officialId: official.id, tokenId } },
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: key }),
  });
  const list = tokens.data;
  const { errors, isSubmitting } = form.formState;

  return (
    <Stack gap="sm">
      {issued && (
        <Alert color="green" styles={AA_ALERT} title={t('admin.tokens.issued')} role="status">
          <Stack gap={6}>
            <Text size="sm">{t('admin.tokens.onlyOnce')}</Text>
            <Group gap="xs">
              <Code fz="sm" data-testid="issued-token">
                {issued}
              </Code>
              <CopyButton value={issued}>
                {({ copied, copy }) => (
                  <Button size="compact-xs" variant="default" onClick={copy}>
                    {copied ? t('admin.copied') : t('admin.copy')}
                  </Button>
                )}
              </CopyButton>
            </Group>
          </Stack>
        </Alert>
      )}
      {tokens.error && <Alert color="red">{errorMessageOf(tokens.error)}</Alert>}
      {list && list.length === 0 && (
        <Text size="sm" c="gray.7">
          {t('admin.tokens.none')}
        </Text>
      )}
      {list && list.length > 0 && (
        <Table withTableBorder fz="sm">
          <Table.Caption>{t('admin.tokens.title')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('admin.tokens.name')}</Table.Th>
              <Table.Th scope="col">{t('admin.tokens.prefix')}</Table.Th>
              <Table.Th scope="col">{t('admin.tokens.scopes')}</Table.Th>
              <Table.Th scope="col">{t('admin.tokens.created')}</Table.Th>
              <Table.Th scope="col">{t('admin.tokens.lastUsed')}</Table.Th>
              <Table.Th scope="col">
                <span
                  style={{
                    position: 'absolute',
                    width: 1,
                    height: 1,
                    overflow: 'hidden',
                    clip: 'rect(0 0 0 0)',
                  }}
                >
                  {t('admin.actions.label')}
                </span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((tk) => (
              <Table.Tr key={tk.id}>
                <Table.Td>{tk.name}</Table.Td>
                <Table.Td ff="monospace">{tk.tokenPrefix}…</Table.Td>
                <Table.Td>{tk.scopes.join(', ')}</Table.Td>
                <Table.Td>{formatDateTime(tk.createdAt)}</Table.Td>
                <Table.Td>{formatDateTime(tk.lastUsedAt)}</Table.Td>
                <Table.Td>
                  {tk.revokedAt ? (
                    <Text size="sm" c="gray.7">
                      {t('admin.tokens.revoked', { at: formatDateTime(tk.revokedAt) })}
                    </Text>
                  ) : (
                    <ConfirmButton
                      size="compact-xs"
                      variant="default"
                      title={t('admin.tokens.revoke')}
                      message={t('admin.tokens.revokeConfirm', { name: tk.name })}
                      confirmLabel={t('admin.tokens.revoke')}
                      onConfirm={() => revoke.mutate(tk.id)}
                    >
                      {t('admin.tokens.revoke')}
                    </ConfirmButton>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <form onSubmit={(e) => void onIssue(e)} noValidate>
        <Stack gap="xs">
          <Title order={5}>{t('admin.tokens.issue')}</Title>
          <FormAlert messages={formErrors} />
          <Group align="flex-start" grow>
            <TextInput
              label={t('admin.tokens.name')}
              description={t('admin.tokens.nameHelp')}
              required
              {...form.register('name', { required: t('admin.validation.required') })}
              error={errors.name?.message}
            />
            <Controller
              control={form.control}
              name="scopes"
              rules={{ validate: (v) => v.length > 0 || t('admin.validation.oneScope') }}
              render={({ field }) => (
                <MultiSelect
                  label={t('admin.tokens.scopes')}
                  required
                  data={scopesFor(official).map((s) => ({
                    value: s,
                    label: t(`admin.tokens.scope.${s}`),
                  }))}
                  {...field}
                  error={errors.scopes?.message}
                />
              )}
            />
          </Group>
          <Group justify="flex-end">
            <Button type="submit" loading={isSubmitting}>
              {t('admin.tokens.issue')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
