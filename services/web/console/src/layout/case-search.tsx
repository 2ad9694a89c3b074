import { Anchor, Group, Popover, ScrollArea, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, unwrap } from '../api/client';
import { problemOf } from '../components/api-errors';
import { fastDate } from '../components/fast-format';
import { StatusBadge } from '../components/status-badge';

type Found = Awaited<ReturnType<typeof lookup>>;
type Outcome = { kind: 'found'; found: Found } | { kind: 'unreadable' } | { kind: 'failed' };

// The query goes in the body (the API's comment says why): it may be a citizen's number.
async function lookup(query: string) {
  return unwrap(await api.POST('/v1/console/case-lookup', { body: { query } }));
}

function SearchIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M10 2a8 8 0 0 1 6.32 12.9l5.39 5.4-1.41 1.41-5.4-5.39A8 8 0 1 1 10 2Zm0 2a6 6 0 1 0 0 12 6 6 0 0 0 0-12Z"
      />
    </svg>
  );
}

/**
 * The header's search: a tracking code or a citizen's phone number, within what the official
 * may see. One match opens the case; several are listed; none is said in words. The number
 * stays in this component's memory: never in the URL, and the field keeps no history.
 */
export function CaseSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const search = useMutation({
    mutationFn: lookup,
    onSuccess: async (found) => {
      const only = found.cases.length === 1 ? found.cases[0] : undefined;
      if (!only) return setOutcome({ kind: 'found', found });
      setOutcome(null);
      setText('');
      await navigate(`/cases/${only.trackingCode}`);
    },
    onError: (e) =>
      setOutcome(problemOf(e).status === 400 ? { kind: 'unreadable' } : { kind: 'failed' }),
  });
  const close = () => setOutcome(null);

  return (
    <Popover
      opened={outcome !== null}
      onChange={(o) => !o && close()}
      onDismiss={close}
      position="bottom-start"
      width="min(28rem, calc(100vw - 1rem))"
      shadow="md"
      returnFocus
      // Results appear at once: a fade left the page showing through them on phones.
      transitionProps={{ duration: 0 }}
    >
      <Popover.Target>
        <form
          role="search"
          aria-label={t('search.label')}
          style={{ flex: '1 1 auto', minWidth: 0, maxWidth: '22rem' }}
          onSubmit={(e) => {
            e.preventDefault();
            if (text.trim() !== '') search.mutate(text.trim());
          }}
        >
          <TextInput
            type="search"
            size="sm"
            autoComplete="off"
            maxLength={64}
            aria-label={t('search.label')}
            placeholder={t('search.placeholder')}
            leftSection={<SearchIcon />}
            value={text}
            onChange={(e) => {
              setText(e.currentTarget.value);
              if (outcome) close();
            }}
            data-testid="case-search"
          />
        </form>
      </Popover.Target>
      <Popover.Dropdown p="sm" data-testid="case-search-outcome" aria-live="polite">
        {outcome && <OutcomeView outcome={outcome} onOpen={close} />}
      </Popover.Dropdown>
    </Popover>
  );
}

function OutcomeView({ outcome, onOpen }: { outcome: Outcome; onOpen: () => void }) {
  const { t } = useTranslation();
  if (outcome.kind !== 'found') {
    return (
      <Text size="sm" data-testid="case-search-message">
        {t(`search.${outcome.kind}`)}
      </Text>
    );
  }
  const { found } = outcome;
  const by = found.readAs === 'phone' ? 'phone' : 'code';
  if (found.cases.length === 0) {
    return (
      <Text size="sm" data-testid="case-search-message">
        {t(`search.none.${by}`)}
      </Text>
    );
  }
  return (
    <Stack gap="xs">
      <Text size="sm" fw={700} data-testid="case-search-message">
        {t(`search.several.${by}`, { count: found.cases.length })}
      </Text>
      <ScrollArea.Autosize mah="min(26rem, 60vh)" type="auto">
        <Stack component="ul" gap={0} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {found.cases.map((c) => (
            <li
              key={c.id}
              data-testid="case-search-result"
              style={{ padding: '6px 0', borderTop: '1px solid var(--mantine-color-gray-2)' }}
            >
              <Group gap="xs" wrap="wrap">
                <Anchor
                  component={Link}
                  to={`/cases/${c.trackingCode}`}
                  ff="monospace"
                  fw={700}
                  onClick={onOpen}
                >
                  {c.trackingCode}
                </Anchor>
                <StatusBadge status={c.status} />
                <Text size="xs" c="gray.7">
                  {fastDate(c.receivedAt)} · {c.category.name}
                </Text>
              </Group>
              <Text size="sm" lineClamp={2}>
                {c.excerpt}
              </Text>
            </li>
          ))}
        </Stack>
      </ScrollArea.Autosize>
      {found.hasMore && (
        <Text size="xs" c="gray.7">
          {t('search.more', { count: found.cases.length })}
        </Text>
      )}
    </Stack>
  );
}
