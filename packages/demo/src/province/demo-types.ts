import type { OfficialRole, UnitKind } from '@hotline/domain';

/** An administrative unit; `parentCode` links the tree (null only for the province). */
export interface DemoUnit {
  code: string;
  name: string;
  /** The name on English pages; absent: the Vietnamese name is shown. */
  nameEn?: string;
  kind: UnitKind;
  parentCode: string | null;
  /** The province's triage unit receives cases that no hotline or rule claims. Exactly one. */
  isTriage?: boolean;
}

export interface DemoOfficial {
  fullName: string;
  /** Unique; officials sign in with it (or with the part before the @). */
  email: string;
  /** E.164, +84… */
  phone: string;
  /** Chức vụ, e.g. "Chủ tịch UBND tỉnh". */
  title: string;
  unitCode: string;
  roles: OfficialRole[];
}

export interface DemoHotline {
  /** E.164, unique. */
  number: string;
  /** As published, e.g. "0239 3855 555". */
  displayNumber: string;
  name: string;
  nameEn?: string;
  /** The owner official, by e-mail. */
  ownerEmail: string;
  unitCode: string;
}

export interface DemoCategory {
  code: string;
  name: string;
  nameEn?: string;
  description: string;
  descriptionEn?: string;
  /** Open311: search words (comma-separated) and the group the service sits in. */
  keywords?: string;
  groupName?: string;
}

export interface DemoProvince {
  units: DemoUnit[];
  officials: DemoOfficial[];
  hotlines: DemoHotline[];
  categories: DemoCategory[];
}
