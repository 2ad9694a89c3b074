import type { ActingOfficial } from '@hotline/core';
import type { DemoOrganisation } from './demo-history-store.js';

/** Who does what in the replay: the demo's officials, as if signed in. */
export class ReplayStaff {
  private readonly units = new Map<string, { id: string; code: string; isTriage: boolean }>();
  private readonly byCode = new Map<string, string>();
  private readonly people: ActingOfficial[];
  readonly operators: ActingOfficial[];
  readonly supervisor: ActingOfficial;

  constructor(org: DemoOrganisation) {
    for (const u of org.units) {
      this.units.set(u.id, u);
      this.byCode.set(u.code, u.id);
    }
    this.people = org.officials.map((o) => ({
      principal: { kind: 'official', officialId: o.id, roles: o.roles },
      unitId: o.unitId,
      scopes: 'all',
      via: 'session',
    }));
    const withRole = (role: string) =>
      this.people.filter((p) => p.principal.roles.some((r) => r === role));
    this.operators = withRole('operator');
    const supervisors = withRole('supervisor');
    const supervisor =
      supervisors.find((p) => !p.principal.roles.includes('unit_leader')) ?? supervisors[0];
    if (!supervisor || this.operators.length === 0) {
      throw new Error('the demo history needs an operator and a supervisor');
    }
    this.supervisor = supervisor;
  }

  unitId(code: string): string | null {
    return this.byCode.get(code) ?? null;
  }

  unitCode(id: string | null): string | null {
    return id ? (this.units.get(id)?.code ?? null) : null;
  }

  isTriage(unitId: string | null): boolean {
    return unitId !== null && (this.units.get(unitId)?.isTriage ?? false);
  }

  /** The unit's first leader (by e-mail), or null. */
  leaderOf(unitId: string | null): ActingOfficial | null {
    return (
      this.people.find((p) => p.unitId === unitId && p.principal.roles.includes('unit_leader')) ??
      null
    );
  }

  /** The unit's handlers; a unit without any is worked by its leader. */
  handlersOf(unitId: string | null): ActingOfficial[] {
    const handlers = this.people.filter(
      (p) => p.unitId === unitId && p.principal.roles.includes('handler'),
    );
    if (handlers.length > 0) return handlers;
    const leader = this.leaderOf(unitId);
    return leader ? [leader] : [];
  }

  hasHandlers(unitId: string | null): boolean {
    return this.people.some((p) => p.unitId === unitId && p.principal.roles.includes('handler'));
  }
}
