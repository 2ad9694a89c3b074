import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';

/** Where typing happens: keys there are the field's, not the list's. */
const TYPING =
  'input:not([type="checkbox"]), textarea, select, [contenteditable="true"], [role="combobox"], [role="listbox"]';
/** Elsewhere the list's keys would surprise: menus, dialogs, the header and the side menu. */
const ELSEWHERE = '[role="dialog"], [role="menu"], header, nav';

function focusRow(index: number) {
  const link = document.querySelector<HTMLElement>(`[data-row-index="${index}"]`);
  link?.focus();
  link?.closest('tr')?.scrollIntoView({ block: 'nearest' });
}

/**
 * Operators' keys over the queue: j/k or ↓/↑ move the active row (and the focus, so it is
 * visible and read out), Enter opens it, x ticks it for a bulk action (when the queue offers
 * them), / goes to the search box (↓ from there back to the list).
 */
export function useQueueKeys(args: {
  count: number;
  searchRef: RefObject<HTMLInputElement | null>;
  onOpen: (index: number) => void;
  onNeedMore: () => void;
  /** Ticks or unticks a row; absent when the queue has no bulk actions. */
  onToggle?: ((index: number) => void) | undefined;
}) {
  const [active, setActive] = useState(0);
  // The listener is installed once; it reads the latest values from here.
  const latest = useRef({ ...args, active });
  latest.current = { ...args, active };

  const move = useCallback((by: number) => {
    const { count, active: from, onNeedMore } = latest.current;
    if (count === 0) return;
    const to = Math.max(0, Math.min(count - 1, from + by));
    if (to >= count - 5) onNeedMore();
    latest.current.active = to;
    setActive(to);
    // At once, not on the next frame: fast key repeats must each see where the last one went.
    focusRow(to);
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
      const target = e.target instanceof HTMLElement ? e.target : null;
      const search = latest.current.searchRef.current;
      if (target && target === search) {
        if (e.key === 'ArrowDown' || e.key === 'Escape') {
          e.preventDefault();
          move(0);
        }
        return;
      }
      if (target?.closest(TYPING) || target?.closest(ELSEWHERE)) return;
      switch (e.key) {
        case '/':
          e.preventDefault();
          search?.focus();
          search?.select();
          break;
        case 'j':
        case 'ArrowDown':
          e.preventDefault();
          move(target?.closest('[data-row-index]') ? 1 : 0);
          break;
        case 'k':
        case 'ArrowUp':
          e.preventDefault();
          move(-1);
          break;
        case 'x':
          if (!latest.current.onToggle || latest.current.count === 0) return;
          e.preventDefault();
          latest.current.onToggle(latest.current.active);
          break;
        case 'Enter':
          // A focused link or button does its own thing; elsewhere Enter opens the active row.
          if (target?.closest('a, button')) return;
          e.preventDefault();
          if (latest.current.count > 0) latest.current.onOpen(latest.current.active);
          break;
        default:
          break;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [move]);

  return { active, setActive };
}
