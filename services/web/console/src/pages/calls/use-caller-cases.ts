import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, unwrap } from '../../api/client';

const LOOKUP_DEBOUNCE_MS = 400;
/** Enough digits to be a Vietnamese number (landlines have 10 or 11 with the 0). */
const MIN_DIGITS = 9;

/**
 * The caller's open cases, looked up once typing pauses; the number goes in a POST body
 * (POST /v1/calls/caller-cases), never in a URL.
 */
export function useCallerCases(phone: string) {
  const digits = phone.replace(/\D/g, '');
  const [settled, setSettled] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setSettled(digits), LOOKUP_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [digits]);
  const query = useQuery({
    // The key lives only in this page's memory (never in the URL or storage).
    queryKey: ['caller-cases', settled],
    enabled: settled.length >= MIN_DIGITS,
    staleTime: 30_000,
    retry: false,
    queryFn: async () =>
      unwrap(await api.POST('/v1/calls/caller-cases', { body: { phone: settled } })),
  });
  return { ...query, isWaiting: digits !== settled, hasNumber: settled.length >= MIN_DIGITS };
}
