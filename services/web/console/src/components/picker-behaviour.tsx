import {
  Autocomplete,
  MultiSelect,
  Select,
  isOptionsGroup,
  type ComboboxItem,
  type ComboboxParsedItem,
  type OptionsFilter,
} from '@mantine/core';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { foldText } from './fold-text';

/** Options whose label holds every typed word, without regard to case or diacritics. */
export const foldedOptionsFilter: OptionsFilter = ({ options, search, limit }) => {
  const words = foldText(search).split(' ').filter(Boolean);
  const matches = (item: ComboboxItem) => {
    const label = foldText(item.label);
    return words.every((w) => label.includes(w));
  };
  const out: ComboboxParsedItem[] = [];
  for (const option of options) {
    if (out.length >= limit) break;
    if (isOptionsGroup(option)) {
      const items = option.items.filter(matches).slice(0, limit - out.length);
      if (items.length > 0) out.push({ group: option.group, items });
    } else if (matches(option)) {
      out.push(option);
    }
  }
  return out;
};

/**
 * Enter in a picker never submits the form it sits in: Mantine's own handler (which runs
 * after this one) still picks the highlighted option, and with no match Enter does nothing.
 * Otherwise a typed-but-unmatched commune let Enter save a call without it.
 */
function enterNeverSubmits(event: KeyboardEvent<HTMLInputElement>) {
  if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey) event.preventDefault();
}

/** Said in the list when nothing matches, so Enter doing nothing is not a mystery. */
function NothingFound() {
  const { t } = useTranslation();
  return <span data-testid="picker-nothing-found">{t('picker.nothingFound')}</span>;
}

// Inside a dialog a list drawn in place is clipped by the dialog's scrolling body: every list
// is drawn in a portal, over everything.
const comboboxProps = { withinPortal: true };

/**
 * One behaviour for every picker of the console (communes, units, categories, hotlines,
 * officials…), set as theme defaults so no form can forget it: typed words match without
 * diacritics, the first match is highlighted, Enter picks it or does nothing.
 */
export const pickerTheme = {
  Select: Select.extend({
    defaultProps: {
      filter: foldedOptionsFilter,
      selectFirstOptionOnChange: true,
      onKeyDown: enterNeverSubmits,
      nothingFoundMessage: <NothingFound />,
      comboboxProps,
    },
  }),
  MultiSelect: MultiSelect.extend({
    defaultProps: {
      filter: foldedOptionsFilter,
      selectFirstOptionOnChange: true,
      onKeyDown: enterNeverSubmits,
      nothingFoundMessage: <NothingFound />,
      comboboxProps,
    },
  }),
  // Free text (a tracking code to merge into): Enter is left to the form.
  Autocomplete: Autocomplete.extend({
    defaultProps: { filter: foldedOptionsFilter, comboboxProps },
  }),
};
