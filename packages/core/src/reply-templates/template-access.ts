import type { ActingOfficial } from '../auth/acting-official.js';
import { AppError } from '../errors.js';

/**
 * The units whose templates the official manages: every unit (and the province-wide ones) for
 * an administrator whose credential carries `admin`, their own unit for a unit leader.
 */
export function managedTemplateUnitsOf(who: ActingOfficial): 'all' | readonly string[] {
  const roles = who.principal.roles;
  const hasScope = (s: string) => who.scopes === 'all' || who.scopes.has(s);
  if (roles.includes('admin') && hasScope('admin')) return 'all';
  if (roles.includes('unit_leader') && hasScope('cases:write')) return [who.unitId];
  throw new AppError(
    'FORBIDDEN',
    'only a unit leader (for their unit) or an administrator manages reply templates',
  );
}

/** FORBIDDEN unless the official manages templates of `unitId` (null: every unit). */
export function requireTemplateUnit(who: ActingOfficial, unitId: string | null): void {
  const managed = managedTemplateUnitsOf(who);
  if (managed === 'all') return;
  if (unitId === null || !managed.includes(unitId)) {
    throw new AppError(
      'FORBIDDEN',
      unitId === null
        ? 'only an administrator manages templates for every unit'
        : 'a unit leader manages only the templates of their own unit',
    );
  }
}
