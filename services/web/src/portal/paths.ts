/** The portal's addresses, in Vietnamese; none collides with the API or the console. */
export const PATHS = {
  home: '/',
  submit: '/gui-phan-anh',
  lookup: '/tra-cuu',
  published: '/cong-khai',
  directory: '/duong-day-nong',
  calendar: '/lich-lam-viec',
  mine: '/phan-anh-cua-toi',
} as const;
export type PageKey = keyof typeof PATHS;

/** Static files (CSS, JS) live under this prefix. */
export const ASSETS_PREFIX = '/assets/portal/';

/** A case's tracking page; the owner cookie is scoped to it. */
export const trackingPath = (formattedCode: string) => `${PATHS.lookup}/${formattedCode}`;

/** The citizen's actions on a case, each a form posting to `<tracking page>/<action>`. */
export const ACTIONS = {
  provideInformation: 'bo-sung',
  rate: 'danh-gia',
  reopen: 'mo-lai',
  withdraw: 'rut',
  requestCode: 'gui-ma',
  verifyCode: 'xac-nhan',
  linkToken: 'lien-ket',
} as const;

/** Route options of every portal page: pages are not part of the API's OpenAPI document. */
export const PAGE = { schema: { hide: true } } as const;
