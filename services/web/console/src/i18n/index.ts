import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';

// Each area of the console keeps its own strings: locales/<area>.<lang>.json, merged here
// under the area's name (`t('queue.title')` reads locales/queue.vi.json's "title"); the
// common strings (locales/common.*.json) sit at the top level.
const files = import.meta.glob<Record<string, unknown>>('./locales/*.json', {
  eager: true,
  import: 'default',
});
function resourcesOf(lang: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [path, strings] of Object.entries(files)) {
    const match = /\/([\w-]+)\.(\w+)\.json$/.exec(path);
    if (!match || match[2] !== lang) continue;
    if (match[1] === 'common') Object.assign(out, strings);
    else out[match[1]!] = strings;
  }
  return out;
}

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'hotline.lang';

const stored = localStorage.getItem(STORAGE_KEY);
/** Vietnamese unless the official chose English (kept in this browser). */
export const initialLanguage: Language = stored === 'en' ? 'en' : 'vi';

void i18n.use(initReactI18next).init({
  resources: { vi: { translation: resourcesOf('vi') }, en: { translation: resourcesOf('en') } },
  lng: initialLanguage,
  fallbackLng: 'vi',
  interpolation: { escapeValue: false },
});

let current: Language = initialLanguage;
/** The console's language now: API requests ask for names in it (Accept-Language). */
export const currentLanguage = (): Language => current;

export function setLanguage(lang: Language) {
  current = lang;
  localStorage.setItem(STORAGE_KEY, lang);
  document.documentElement.lang = lang;
  void i18n.changeLanguage(lang);
}

export default i18n;
