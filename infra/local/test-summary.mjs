// Prints the last line of `npm test`, the one CI reads: "N passed, N failed", from Vitest's
// JSON report. A run that produced no usable report, whose suites failed before any test ran
// (an import error, a broken fixture), or that Vitest itself failed (an unhandled error, which
// the report does not count) must never read as "0 failed".
// Usage: [VITEST_EXIT_CODE=n] node infra/local/test-summary.mjs .data/test-results.json
// Exits 1 when N failed > 0.
import { readFileSync } from 'node:fs';

const file = process.argv[2] ?? '.data/test-results.json';

/** @returns {{ passed: number, failed: number }} */
function summarise(path) {
  let report;
  try {
    report = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    console.error(`No usable test report at ${path}: ${error.message}`);
    return { passed: 0, failed: 1 };
  }
  const count = (key) => (Number.isInteger(report?.[key]) ? report[key] : undefined);
  const passed = count('numPassedTests');
  const failedTests = count('numFailedTests');
  if (passed === undefined || failedTests === undefined) {
    console.error(`${path} is not a Vitest JSON report (no numPassedTests/numFailedTests)`);
    return { passed: passed ?? 0, failed: Math.max(failedTests ?? 0, 1) };
  }
  let failed = failedTests;
  const failedSuites = count('numFailedTestSuites') ?? 0;
  if (failed === 0 && failedSuites > 0) failed = failedSuites;
  // success is false when no test file ran at all.
  if (failed === 0 && report.success === false) failed = 1;
  return { passed, failed };
}

const summary = summarise(file);
const { passed } = summary;
const vitestFailed = Number(process.env.VITEST_EXIT_CODE ?? 0) !== 0;
const failed = vitestFailed ? Math.max(summary.failed, 1) : summary.failed;
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
