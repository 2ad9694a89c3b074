/** Roles an official may hold; a citizen and the system are actors too but never hold a role row. */
export const OFFICIAL_ROLES = [
  'operator',
  'handler',
  'unit_leader',
  'hotline_owner',
  'supervisor',
  'admin',
  /** Inspectors: read everything, change nothing. */
  'auditor',
] as const;
export type OfficialRole = (typeof OFFICIAL_ROLES)[number];

/** Kinds of administrative unit. The district level was abolished in 2025 but old data keeps it. */
export const UNIT_KINDS = ['province', 'department', 'agency', 'district', 'commune'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
