// `pnpm bench:web`: Lighthouse on the citizen portal, as a phone on a slow network sees it.
// A fresh database (the small test province, a tracked case, a few published answers) behind the
// real API in-process on 127.0.0.1; Debian's Chromium driven by the `lighthouse` package with its
// default mobile emulation (Moto G Power screen, simulated slow 4G, 4× CPU slowdown). Prints the
// performance and accessibility scores of each page, what failed, and the gzipped JavaScript the
// submit page loads. Budgets: performance ≥ 90, accessibility ≥ 95, submit-page JS ≤ 150 KB.
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { buildApp } from '@hotline/api';
import { createLogger, loadConfigWith } from '@hotline/config';
import { changeCase, routeCase, submitCase } from '@hotline/core';
import { tables } from '@hotline/db';
import { createRedis } from '@hotline/queue';
import {
  createTestDatabase,
  deleteRedisPrefix,
  freshRedisPrefix,
  seedSmallProvince,
} from '@hotline/testing';

const CHROMIUM = process.env.HOTLINE_CHROMIUM ?? '/usr/bin/chromium';
const BUDGET = { performance: 90, accessibility: 95, submitJsKb: 150 };

const database = await createTestDatabase('web');
const prefix = freshRedisPrefix();
const redis = createRedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', 'probe');
redis.on('error', () => {});
let chrome: chromeLauncher.LaunchedChrome | null = null;
let failed = false;
try {
  const province = await seedSmallProvince(database.db);
  const config = loadConfigWith({
    DATABASE_URL: database.url,
    REDIS_PREFIX: prefix,
    PORT: '0',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'test',
    // Every page and asset comes from one address, many times over.
    RATE_LIMIT_PER_MINUTE: '0',
    RATE_LIMIT_READS_PER_MINUTE: '0',
  });
  const code = await seedCases(province.triageUnitId);
  const api = await buildApp({
    config,
    db: database.db,
    sql: database.raw,
    redis,
    logger: createLogger(config),
  });
  await api.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(api.server.address() as AddressInfo).port}`;

  const pages: Array<[string, string]> = [
    ['home', '/'],
    ['submit', '/gui-phan-anh'],
    ['tracking', `/tra-cuu/${code}`],
    ['published', '/cong-khai'],
    ['directory', '/duong-day-nong'],
    ['calendar', '/lich-lam-viec'],
  ];
  chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  console.log(`Lighthouse, mobile emulation, ${CHROMIUM}`);
  console.log('page        performance  accessibility  FCP     LCP     TBT    CLS    bytes');
  for (const [name, path] of pages) {
    const run = await lighthouse(`${base}${path}`, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility'],
    });
    if (!run) throw new Error(`no Lighthouse result for ${path}`);
    const { lhr } = run;
    const score = (c: string) => Math.round((lhr.categories[c]?.score ?? 0) * 100);
    const metric = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
    const perf = score('performance');
    const a11y = score('accessibility');
    const ok = perf >= BUDGET.performance && a11y >= BUDGET.accessibility;
    failed ||= !ok;
    console.log(
      [
        name.padEnd(11),
        `${perf}`.padStart(11),
        `${a11y}`.padStart(14),
        `${(metric('first-contentful-paint') / 1000).toFixed(2)} s`.padStart(8),
        `${(metric('largest-contentful-paint') / 1000).toFixed(2)} s`.padStart(8),
        `${Math.round(metric('total-blocking-time'))} ms`.padStart(7),
        metric('cumulative-layout-shift').toFixed(3).padStart(6),
        `${(metric('total-byte-weight') / 1024).toFixed(1)} KB`.padStart(9),
        ok ? '' : '  BELOW BUDGET',
      ].join(' '),
    );
    // What Lighthouse would have us fix, so a regression names its cause.
    const a11yRefs = lhr.categories.accessibility?.auditRefs ?? [];
    for (const ref of a11yRefs) {
      const audit = lhr.audits[ref.id];
      if (audit && audit.score !== null && audit.score < 1 && ref.weight > 0) {
        console.log(`    accessibility: ${audit.id} — ${audit.title}`);
      }
    }
    for (const audit of Object.values(lhr.audits)) {
      const savings = (audit.metricSavings as Record<string, number> | undefined) ?? {};
      const ms = (savings.LCP ?? 0) + (savings.FCP ?? 0);
      if (audit.score !== null && audit.score < 0.9 && ms >= 100) {
        console.log(`    performance: ${audit.id} — ${audit.title} (~${Math.round(ms)} ms)`);
      }
    }
  }

  const js = await submitPageScripts(base);
  const kb = js / 1024;
  failed ||= kb > BUDGET.submitJsKb;
  console.log(
    `submit page JavaScript: ${kb.toFixed(1)} KB gzipped (budget ${BUDGET.submitJsKb} KB)`,
  );
  console.log(
    failed
      ? 'RESULT: below budget'
      : `RESULT: within budget (performance ≥ ${BUDGET.performance}, accessibility ≥ ${BUDGET.accessibility})`,
  );
  await api.close();
} finally {
  chrome?.kill();
  redis.disconnect();
  await database.drop();
  await deleteRedisPrefix(prefix);
}
process.exitCode = failed ? 1 : 0;

/** The bytes, gzipped (level 9), of every script the submit page loads. */
async function submitPageScripts(base: string): Promise<number> {
  const html = await (await fetch(`${base}/gui-phan-anh`)).text();
  const sources = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]!);
  let total = 0;
  for (const src of sources) {
    const body = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
    total += gzipSync(body, { level: 9 }).length;
  }
  const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)];
  for (const m of inline) total += gzipSync(m[1]!, { level: 9 }).length;
  return total;
}

/** A case to track (routed, with a question for the citizen) and answers to publish. */
async function seedCases(triageUnitId: string): Promise<string> {
  const db = database.db;
  const [official] = await db
    .insert(tables.officials)
    .values({
      unitId: triageUnitId,
      fullName: 'Cán bộ Đo đạc',
      email: 'bench-web@test.gov.vn',
      roles: ['handler', 'unit_leader'],
    })
    .returning();
  const who = {
    kind: 'official' as const,
    officialId: official!.id,
    roles: ['handler', 'unit_leader'] as const,
    scopeUnitIds: new Set([triageUnitId]),
  };
  let t = Date.now() - 60 * 60_000;
  const next = () => new Date((t += 60_000));
  const submit = async (text: string, consentToPublish: boolean) => {
    const s = await submitCase(
      { sql: database.raw, randomBytes },
      {
        body: { categoryCode: 'moi-truong', text, communeCode: 'xa-a1', consentToPublish },
        channel: 'web',
        actor: { kind: 'citizen' },
      },
      next(),
    );
    await routeCase({ db }, s.caseId, next());
    await changeCase(
      { db },
      s.caseId,
      { type: 'assigned', assigneeId: who.officialId },
      who,
      next(),
    );
    await changeCase({ db }, s.caseId, { type: 'accepted' }, who, next());
    return s;
  };
  for (let i = 1; i <= 5; i++) {
    const s = await submit(
      `Rác thải đổ trộm ven đường liên thôn số ${i}, bốc mùi nhiều ngày.`,
      true,
    );
    const resolutionText = `Đã thu gom rác và lắp biển cấm đổ rác tại vị trí số ${i}.`;
    await changeCase({ db }, s.caseId, { type: 'resolved', resolutionText }, who, next());
  }
  const tracked = await submit('Khói từ lò đốt rác gây khó thở mỗi tối, đề nghị kiểm tra.', false);
  const question = 'Xin cho biết lò đốt nằm ở thôn nào?';
  await changeCase({ db }, tracked.caseId, { type: 'info_requested', question }, who, next());
  return tracked.trackingCode;
}
