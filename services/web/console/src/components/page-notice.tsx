import { Alert } from '@mantine/core';
import { useState } from 'react';
import { useLocation } from 'react-router';

/** What a page that sent the official elsewhere wants said there (navigation state). */
export interface PageNoticeState {
  notice: string;
}

const noticeOf = (state: unknown): string | null => {
  const n = (state as Partial<PageNoticeState> | null)?.notice;
  return typeof n === 'string' && n !== '' ? n : null;
};

/**
 * A notice carried to this page by the navigation that opened it (e.g. "the case was
 * transferred" when the case page itself is no longer the official's to see).
 */
export function PageNotice() {
  const location = useLocation();
  const [closedKey, setClosedKey] = useState<string | null>(null);
  const notice = noticeOf(location.state);
  if (!notice || closedKey === location.key) return null;
  return (
    <Alert
      color="green"
      role="status"
      withCloseButton
      onClose={() => setClosedKey(location.key)}
      data-testid="page-notice"
    >
      {notice}
    </Alert>
  );
}
