import { describe, expect, it } from 'vitest';
import { CASE_TEXT_MIN } from '@hotline/domain';
import { FORMER_COMMUNES, PRESENT_COMMUNES } from './demo-communes.js';
import { DEMO_TOPICS } from './demo-topics.js';
import { planDemoCases, type PlanContext } from './plan-demo-cases.js';

const NOW = new Date('2026-11-19T09:30:00Z');
const ctx: PlanContext = {
  hotlines: [
    { number: '+842393880000', unitCode: 'tt-phvhcc', isGeneral: true },
    { number: '+84913000000', unitCode: 'ubnd-tinh', isGeneral: false },
    { number: '+84919000000', unitCode: 'xa-thach-ha', isGeneral: false },
  ],
  unitCodes: new Set(PRESENT_COMMUNES.map((c) => c.code)),
  categoryCodes: new Set(DEMO_TOPICS.map((t) => t.category)),
  communes: PRESENT_COMMUNES,
};

describe('planDemoCases', () => {
  const plan = planDemoCases('ha-tinh', NOW, ctx, 300, 90);

  it('is the same plan for the same seed, another for another seed', () => {
    expect(planDemoCases('ha-tinh', NOW, ctx, 300, 90)).toEqual(plan);
    expect(planDemoCases('other', NOW, ctx, 300, 90).map((p) => p.text)).not.toEqual(
      plan.map((p) => p.text),
    );
  });

  it('spreads cases over the period before now, oldest first', () => {
    const times = plan.map((p) => p.receivedAt.getTime());
    expect(times).toEqual([...times].sort((x, y) => x - y));
    expect(Math.max(...times)).toBeLessThan(NOW.getTime());
    expect(Math.min(...times)).toBeGreaterThan(NOW.getTime() - 91 * 24 * 3600_000);
  });

  it('varies channels, categories and fates, with texts long enough to submit', () => {
    expect(new Set(plan.map((p) => p.channel))).toEqual(new Set(['web', 'call', 'sms']));
    expect(new Set(plan.map((p) => p.categoryCode)).size).toBeGreaterThanOrEqual(12);
    expect(new Set(plan.map((p) => p.fate.end)).size).toBeGreaterThanOrEqual(5);
    expect(plan.every((p) => p.text.length >= CASE_TEXT_MIN)).toBe(true);
    // Texts differ, but a few cases retell an earlier one (similar cases).
    expect(new Set(plan.map((p) => p.text)).size).toBeGreaterThan(plan.length * 0.9);
    // No two citizens share a phone number.
    expect(new Set(plan.map((p) => p.citizen.phone)).size).toBe(plan.length);
  });

  it('sends calls and SMS to hotlines, web cases to none', () => {
    for (const p of plan) expect(p.hotline === null).toBe(p.channel === 'web');
  });

  it('sends cases to the units of their era: districts before the reform, communes since', () => {
    const districts = ['tp-ha-tinh', 'huyen-thach-ha', 'huyen-cam-xuyen', 'huyen-vu-quang'];
    expect(plan.some((p) => districts.includes(p.competentUnit))).toBe(false);
    expect(plan.some((p) => p.competentUnit === 'so-tai-nguyen-moi-truong')).toBe(false);
    expect(plan.some((p) => p.competentUnit === 'so-nong-nghiep-moi-truong')).toBe(true);
    const former = planDemoCases(
      'ha-tinh:former',
      NOW,
      {
        ...ctx,
        hotlines: ctx.hotlines.map((h) =>
          h.unitCode === 'xa-thach-ha' ? { ...h, unitCode: 'huyen-thach-ha' } : h,
        ),
        unitCodes: new Set(FORMER_COMMUNES.map((c) => c.code)),
        communes: FORMER_COMMUNES,
        firstIndex: 500,
        isSettled: true,
      },
      60,
      30,
    );
    expect(former.some((p) => districts.includes(p.competentUnit))).toBe(true);
    expect(former.some((p) => p.competentUnit === 'so-nong-nghiep-moi-truong')).toBe(false);
    // An era that ended leaves nothing stuck, and its citizens are not the later ones.
    expect(former.every((p) => !p.fate.end.startsWith('stuck'))).toBe(true);
    const phones = new Set(plan.map((p) => p.citizen.phone));
    expect(former.some((p) => phones.has(p.citizen.phone))).toBe(false);
  });
});
