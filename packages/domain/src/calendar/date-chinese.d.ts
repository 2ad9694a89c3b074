// date-chinese ships declarations its package.json `exports` map hides from NodeNext
// resolution, so we declare the little we use.
declare module 'date-chinese' {
  export interface GregorianDate {
    year: number;
    month: number;
    day: number;
  }

  export class CalendarChinese {
    constructor(cycle?: number, year?: number, month?: number, leap?: boolean, day?: number);
    /** [cycle, year, month, leap, day] */
    get(): [number, number, number, boolean, number];
    fromJDE(jde: number): this;
    /** Gregorian date at the calendar's meridian (UTC+7 for Vietnam since 1968). */
    toGregorian(): GregorianDate;
    /** Julian ephemeris day of the midnight starting lunar new year's day of `gyear`. */
    newYear(gyear: number): number;
  }

  /** The Chinese rules computed at the UTC+7 meridian. */
  export class CalendarVietnamese extends CalendarChinese {}
}
