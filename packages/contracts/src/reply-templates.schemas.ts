import Type, { type Static } from 'typebox';
import { NON_BLANK_TEXT_PATTERN, SafeString } from './safe-string.js';

export const TemplatePurpose = Type.Union(
  [Type.Literal('reply'), Type.Literal('request-information'), Type.Literal('resolve')],
  { description: 'The form that offers the template' },
);
export type TemplatePurpose = Static<typeof TemplatePurpose>;

const CODE = SafeString({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', minLength: 1, maxLength: 64 });
const TITLE = SafeString({ minLength: 1, maxLength: 200, pattern: NON_BLANK_TEXT_PATTERN });
const BODY = SafeString({
  minLength: 1,
  maxLength: 10000,
  pattern: NON_BLANK_TEXT_PATTERN,
  description:
    'The text; {ma_phan_anh}, {don_vi}, {han_xu_ly}, {linh_vuc} and {ngay_tiep_nhan} are filled per case',
});

export const ReplyTemplateParams = Type.Object({ templateId: SafeString({ format: 'uuid' }) });

/** `POST /v1/reply-templates`: a unit leader may leave out the unit (their own). */
export const ReplyTemplateCreateBody = Type.Object(
  {
    purpose: TemplatePurpose,
    title: TITLE,
    body: BODY,
    unitCode: Type.Optional(
      Type.Union([CODE, Type.Null()], {
        description: 'The unit; null: every unit (administrators only); absent: your own',
      }),
    ),
    categoryCode: Type.Optional(
      Type.Union([CODE, Type.Null()], { description: 'The category; null or absent: any' }),
    ),
  },
  { additionalProperties: false },
);
export type ReplyTemplateCreateBody = Static<typeof ReplyTemplateCreateBody>;

export const ReplyTemplatePatchBody = Type.Object(
  {
    purpose: Type.Optional(TemplatePurpose),
    title: Type.Optional(TITLE),
    body: Type.Optional(BODY),
    categoryCode: Type.Optional(Type.Union([CODE, Type.Null()])),
    isActive: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type ReplyTemplatePatchBody = Static<typeof ReplyTemplatePatchBody>;

const REF = Type.Union([Type.Object({ code: SafeString(), name: SafeString() }), Type.Null()]);

export const ReplyTemplateView = Type.Object({
  id: SafeString(),
  purpose: TemplatePurpose,
  title: SafeString(),
  body: SafeString(),
  /** Null: every unit. */
  unit: REF,
  /** Null: any category. */
  category: REF,
  isActive: Type.Boolean(),
  updatedAt: SafeString(),
});
export type ReplyTemplateView = Static<typeof ReplyTemplateView>;

/** `GET /v1/reply-templates`: the templates the official may manage, and the placeholders. */
export const ReplyTemplateList = Type.Object({
  templates: Type.Array(ReplyTemplateView),
  placeholders: Type.Array(SafeString()),
});
export type ReplyTemplateList = Static<typeof ReplyTemplateList>;

export const CaseTemplatesQuery = Type.Object({ purpose: TemplatePurpose });

/** `GET /v1/cases/:id/reply-templates?purpose=`: the form's templates, filled for the case. */
export const CaseTemplateList = Type.Object({
  templates: Type.Array(
    Type.Object({
      id: SafeString(),
      title: SafeString(),
      /** The body with the case's values in place of its placeholders. */
      text: SafeString(),
      /** Placeholders left as written: unknown, or without a value for this case. */
      unresolved: Type.Array(
        Type.Object({
          name: SafeString(),
          reason: Type.Union([Type.Literal('unknown'), Type.Literal('no_value')]),
        }),
      ),
    }),
  ),
});
export type CaseTemplateList = Static<typeof CaseTemplateList>;
