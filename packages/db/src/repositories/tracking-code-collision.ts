/** Whether an insert failed because the fresh tracking code was already taken (retry another). */
export function isTrackingCodeTaken(err: unknown): boolean {
  const e = err as { code?: string; constraint_name?: string };
  return e.code === '23505' && e.constraint_name === 'cases_tracking_code_unique';
}
