import Type, { type Static } from 'typebox';
import { SafeString } from './safe-string.js';

const CODE = (description: string) =>
  SafeString({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', minLength: 1, maxLength: 64, description });
const NAME = SafeString({ minLength: 1, maxLength: 200 });
/** The English form of a name: null (or absent) shows the Vietnamese name on English pages. */
const NAME_EN = Type.Union([SafeString({ minLength: 1, maxLength: 200 }), Type.Null()], {
  description: 'English name; null: the Vietnamese name is used',
});
const UNIT_KIND = Type.Union([
  Type.Literal('province'),
  Type.Literal('department'),
  Type.Literal('district'),
  Type.Literal('commune'),
  Type.Literal('agency'),
]);
const ROLE = Type.Union([
  Type.Literal('operator'),
  Type.Literal('handler'),
  Type.Literal('unit_leader'),
  Type.Literal('hotline_owner'),
  Type.Literal('supervisor'),
  Type.Literal('admin'),
  Type.Literal('auditor'),
]);
// Officials need at least one role: one without any can do nothing and is nobody's to route to.
const ROLES = Type.Array(ROLE, { minItems: 1, maxItems: 7, uniqueItems: true });
const NULLABLE_CODE = (description: string) => Type.Union([CODE(description), Type.Null()]);
const PHONE = SafeString({ minLength: 3, maxLength: 32 });

export const UnitCodeParams = Type.Object({ code: CODE('Unit code') });
export type UnitCodeParams = Static<typeof UnitCodeParams>;

/** `POST /v1/admin/units`. */
export const UnitCreateBody = Type.Object(
  {
    code: CODE('Unit code, e.g. "xa-tan-an"'),
    name: NAME,
    nameEn: Type.Optional(NAME_EN),
    kind: UNIT_KIND,
    parentCode: Type.Optional(NULLABLE_CODE('The parent unit; null or absent: a root')),
    calendarId: Type.Optional(
      Type.Union([SafeString({ minLength: 1, maxLength: 64 }), Type.Null()]),
    ),
    isTriage: Type.Optional(Type.Boolean()),
    resolutionNeedsApproval: Type.Optional(Type.Boolean()),
    isDrill: Type.Optional(
      Type.Boolean({ description: 'A drill: hidden from citizens, left out of reports' }),
    ),
  },
  { additionalProperties: false },
);
export type UnitCreateBody = Static<typeof UnitCreateBody>;

/** `PATCH /v1/admin/units/:code`: only the fields given change. */
export const UnitPatchBody = Type.Object(
  {
    name: Type.Optional(NAME),
    nameEn: Type.Optional(NAME_EN),
    kind: Type.Optional(UNIT_KIND),
    parentCode: Type.Optional(NULLABLE_CODE('The new parent unit; null: a root')),
    calendarId: Type.Optional(
      Type.Union([SafeString({ minLength: 1, maxLength: 64 }), Type.Null()]),
    ),
    isTriage: Type.Optional(Type.Boolean()),
    resolutionNeedsApproval: Type.Optional(Type.Boolean()),
    isDrill: Type.Optional(
      Type.Boolean({ description: 'A drill: hidden from citizens, left out of reports' }),
    ),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UnitPatchBody = Static<typeof UnitPatchBody>;

export const UnitView = Type.Object({
  id: SafeString(),
  code: SafeString(),
  name: SafeString(),
  nameEn: Type.Union([SafeString(), Type.Null()]),
  kind: SafeString(),
  parentCode: Type.Union([SafeString(), Type.Null()]),
  calendarId: Type.Union([SafeString(), Type.Null()]),
  isTriage: Type.Boolean(),
  resolutionNeedsApproval: Type.Boolean(),
  isActive: Type.Boolean(),
  isDrill: Type.Boolean(),
  mergedIntoCode: Type.Union([SafeString(), Type.Null()]),
});
export type UnitView = Static<typeof UnitView>;

export interface UnitNode extends UnitView {
  children: UnitNode[];
}
/** A unit with the units below it, to any depth (children are UnitNodes too). */
export const UnitNode = Type.Object({
  ...UnitView.properties,
  children: Type.Array(Type.Unknown(), { description: 'UnitNode[]' }),
});

export const UnitTree = Type.Object({ units: Type.Array(UnitNode) });
export type UnitTree = { units: UnitNode[] };

export const UnitListQuery = Type.Object(
  { includeInactive: Type.Optional(Type.Boolean({ description: 'Default false' })) },
  { additionalProperties: false },
);
export type UnitListQuery = Static<typeof UnitListQuery>;

/** `POST /v1/admin/units/:code/merge`. */
export const UnitMergeBody = Type.Object(
  { into: CODE('The unit that takes over') },
  { additionalProperties: false },
);
export type UnitMergeBody = Static<typeof UnitMergeBody>;

export const UnitMergeResult = Type.Object({
  from: UnitView,
  into: UnitView,
  movedOfficials: Type.Integer(),
  movedHotlines: Type.Integer(),
  retargetedRules: Type.Integer(),
  reparentedUnits: Type.Integer(),
  movedCases: Type.Integer(),
});
export type UnitMergeResult = Static<typeof UnitMergeResult>;

export const OfficialListQuery = Type.Object(
  {
    unit: Type.Optional(CODE('Unit code')),
    role: Type.Optional(ROLE),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type OfficialListQuery = Static<typeof OfficialListQuery>;

/** `POST /v1/admin/officials`. */
export const OfficialCreateBody = Type.Object(
  {
    unitCode: CODE('The official’s unit'),
    fullName: NAME,
    email: SafeString({ format: 'email', maxLength: 254 }),
    username: Type.Optional(SafeString({ pattern: '^[a-z0-9._-]{3,64}$' })),
    phone: Type.Optional(Type.Union([PHONE, Type.Null()])),
    title: Type.Optional(SafeString({ maxLength: 200 })),
    roles: ROLES,
  },
  { additionalProperties: false },
);
export type OfficialCreateBody = Static<typeof OfficialCreateBody>;

/** `PATCH /v1/admin/officials/:officialId`. */
export const OfficialPatchBody = Type.Object(
  {
    unitCode: Type.Optional(CODE('The official’s unit')),
    fullName: Type.Optional(NAME),
    email: Type.Optional(SafeString({ format: 'email', maxLength: 254 })),
    phone: Type.Optional(Type.Union([PHONE, Type.Null()])),
    title: Type.Optional(SafeString({ maxLength: 200 })),
    roles: Type.Optional(ROLES),
    isActive: Type.Optional(Type.Boolean()),
    isAbsent: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type OfficialPatchBody = Static<typeof OfficialPatchBody>;

export const AdminOfficialView = Type.Object({
  id: SafeString(),
  unitCode: SafeString(),
  fullName: SafeString(),
  email: SafeString(),
  username: Type.Union([SafeString(), Type.Null()]),
  phone: Type.Union([SafeString(), Type.Null()]),
  title: SafeString(),
  roles: Type.Array(SafeString()),
  isActive: Type.Boolean(),
  isAbsent: Type.Boolean(),
});
export type AdminOfficialView = Static<typeof AdminOfficialView>;
export const AdminOfficialList = Type.Object({ officials: Type.Array(AdminOfficialView) });
export type AdminOfficialList = Static<typeof AdminOfficialList>;

export const HotlineIdParams = Type.Object({ hotlineId: SafeString({ format: 'uuid' }) });
export type HotlineIdParams = Static<typeof HotlineIdParams>;

/** `POST /v1/admin/hotlines`. */
export const HotlineCreateBody = Type.Object(
  {
    number: SafeString({ minLength: 3, maxLength: 32, description: 'Any common format' }),
    displayNumber: Type.Optional(SafeString({ minLength: 1, maxLength: 32 })),
    name: NAME,
    nameEn: Type.Optional(NAME_EN),
    ownerOfficialId: SafeString({ format: 'uuid' }),
    unitCode: CODE('The unit its cases go to'),
    isDrill: Type.Optional(
      Type.Boolean({ description: 'A drill: hidden from citizens, left out of reports' }),
    ),
  },
  { additionalProperties: false },
);
export type HotlineCreateBody = Static<typeof HotlineCreateBody>;

/** `PATCH /v1/admin/hotlines/:hotlineId`. */
export const HotlinePatchBody = Type.Object(
  {
    number: Type.Optional(SafeString({ minLength: 3, maxLength: 32 })),
    displayNumber: Type.Optional(SafeString({ minLength: 1, maxLength: 32 })),
    name: Type.Optional(NAME),
    nameEn: Type.Optional(NAME_EN),
    ownerOfficialId: Type.Optional(SafeString({ format: 'uuid' })),
    unitCode: Type.Optional(CODE('The unit its cases go to')),
    isActive: Type.Optional(Type.Boolean()),
    isDrill: Type.Optional(
      Type.Boolean({ description: 'A drill: hidden from citizens, left out of reports' }),
    ),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type HotlinePatchBody = Static<typeof HotlinePatchBody>;

export const HotlineView = Type.Object({
  id: SafeString(),
  number: SafeString({ description: 'E.164' }),
  displayNumber: SafeString(),
  name: SafeString(),
  nameEn: Type.Union([SafeString(), Type.Null()]),
  ownerOfficialId: SafeString(),
  unitCode: SafeString(),
  isActive: Type.Boolean(),
  isDrill: Type.Boolean(),
});
export type HotlineView = Static<typeof HotlineView>;
export const HotlineList = Type.Object({ hotlines: Type.Array(HotlineView) });
export type HotlineList = Static<typeof HotlineList>;

export const CategoryCodeParams = Type.Object({ code: CODE('Category code') });
export type CategoryCodeParams = Static<typeof CategoryCodeParams>;

/** `POST /v1/admin/categories`. */
export const CategoryCreateBody = Type.Object(
  {
    code: CODE('Category code, e.g. "dat-dai"'),
    name: NAME,
    nameEn: Type.Optional(NAME_EN),
    description: Type.Optional(SafeString({ maxLength: 2000 })),
    descriptionEn: Type.Optional(Type.Union([SafeString({ maxLength: 2000 }), Type.Null()])),
    sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 })),
    keywords: Type.Optional(SafeString({ maxLength: 1000 })),
    groupName: Type.Optional(Type.Union([SafeString({ maxLength: 200 }), Type.Null()])),
    isDrill: Type.Optional(
      Type.Boolean({ description: 'A drill: hidden from citizens, left out of reports' }),
    ),
  },
  { additionalProperties: false },
);
export type CategoryCreateBody = Static<typeof CategoryCreateBody>;

/** `PATCH /v1/admin/categories/:code`. */
export const CategoryPatchBody = Type.Object(
  {
    name: Type.Optional(NAME),
    nameEn: Type.Optional(NAME_EN),
    description: Type.Optional(SafeString({ maxLength: 2000 })),
    descriptionEn: Type.Optional(Type.Union([SafeString({ maxLength: 2000 }), Type.Null()])),
    sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 })),
    keywords: Type.Optional(SafeString({ maxLength: 1000 })),
    groupName: Type.Optional(Type.Union([SafeString({ maxLength: 200 }), Type.Null()])),
    isActive: Type.Optional(Type.Boolean()),
    isDrill: Type.Optional(
      Type.Boolean({ description: 'A drill: hidden from citizens, left out of reports' }),
    ),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type CategoryPatchBody = Static<typeof CategoryPatchBody>;

export const AdminCategoryView = Type.Object({
  id: SafeString(),
  code: SafeString(),
  name: SafeString(),
  nameEn: Type.Union([SafeString(), Type.Null()]),
  description: SafeString(),
  descriptionEn: Type.Union([SafeString(), Type.Null()]),
  sortOrder: Type.Integer(),
  keywords: SafeString(),
  groupName: Type.Union([SafeString(), Type.Null()]),
  isActive: Type.Boolean(),
  isDrill: Type.Boolean(),
});
export type AdminCategoryView = Static<typeof AdminCategoryView>;
export const AdminCategoryList = Type.Object({ categories: Type.Array(AdminCategoryView) });
export type AdminCategoryList = Static<typeof AdminCategoryList>;
