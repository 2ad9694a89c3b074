// Data for the officials' benchmark: a province of ~25 units and ~200 officials on top of
// seedSmallProvince, then N cases with their histories written by set-based SQL, 100k at a time.
// Every case's events fold with the domain (payload shapes of case-events.ts, versions 1..n in
// time order) and agree with the projection row (status, unit, assignee, version, rating).
// The report facts are then computed from those histories by the backfill (rebuildReportFacts),
// the same code that migrates an existing database: deadlines need the SLA engine.
import { loadConfig } from '@hotline/config';
import { rebuildReportFacts } from '@hotline/core';
import { createDatabase, type RawSql } from '@hotline/db';

const BATCH = 100_000;
const FACTS_SLICE = 5_000;

const DEPARTMENTS: [string, string][] = [
  ['so-giao-thong-van-tai', 'Sở Giao thông vận tải'],
  ['so-tai-nguyen-moi-truong', 'Sở Tài nguyên và Môi trường'],
  ['so-y-te', 'Sở Y tế'],
  ['so-giao-duc-dao-tao', 'Sở Giáo dục và Đào tạo'],
  ['so-lao-dong-tbxh', 'Sở Lao động - Thương binh và Xã hội'],
  ['so-cong-thuong', 'Sở Công Thương'],
  ['so-nong-nghiep', 'Sở Nông nghiệp và Phát triển nông thôn'],
  ['cong-an-tinh', 'Công an tỉnh'],
];
const DISTRICTS: [string, string, [string, string][]][] = [
  [
    'huyen-a',
    'Huyện A',
    [
      ['xa-a2', 'Xã Thạch Hạ'],
      ['xa-a3', 'Xã Thạch Trung'],
      ['xa-a4', 'Phường Bắc Hà'],
    ],
  ],
  [
    'huyen-b',
    'Huyện Cẩm Xuyên',
    [
      ['xa-b1', 'Xã Cẩm Bình'],
      ['xa-b2', 'Xã Cẩm Thành'],
      ['xa-b3', 'Thị trấn Thiên Cầm'],
      ['xa-b4', 'Xã Cẩm Dương'],
    ],
  ],
  [
    'huyen-c',
    'Huyện Vũ Quang',
    [
      ['xa-c1', 'Xã Đức Lĩnh'],
      ['xa-c2', 'Xã Hương Minh'],
      ['xa-c3', 'Thị trấn Vũ Quang'],
      ['xa-c4', 'Xã Quang Thọ'],
    ],
  ],
];
const CATEGORIES: [string, string][] = [
  ['dat-dai', 'Đất đai'],
  ['giao-thong', 'Giao thông'],
  ['y-te', 'Y tế'],
  ['giao-duc', 'Giáo dục'],
  ['an-ninh-trat-tu', 'An ninh trật tự'],
  ['dien-nuoc', 'Điện, nước sinh hoạt'],
  ['thu-tuc-hanh-chinh', 'Thủ tục hành chính'],
];
const STREETS = [
  'Trần Phú',
  'Nguyễn Du',
  'Phan Đình Phùng',
  'Hà Huy Tập',
  'Lê Duẩn',
  'Xuân Diệu',
  'Hàm Nghi',
  'Nguyễn Huy Tự',
  'Mai Thúc Loan',
  'Võ Liêm Sơn',
  'Hải Thượng Lãn Ông',
  'Nguyễn Công Trứ',
  'Phan Đình Giót',
  'Lê Hồng Phong',
  'Trần Hưng Đạo',
  'Quang Trung',
  'Đặng Dung',
  'Vũ Quang',
  'Nguyễn Xí',
  'Lý Tự Trọng',
  'Hoàng Xuân Hãn',
  'Đồng Môn',
  'Bạch Đằng',
  'Nguyễn Chí Thanh',
  'Tôn Đức Thắng',
  'Hồ Tùng Mậu',
  'Trần Thị Hường',
  'Cao Thắng',
  'Ngô Quyền',
  'Lê Ninh',
];
// {d}: a street, {x}: the commune, {n}: a house number.
const TEMPLATES = [
  'Đường {d} đoạn qua {x} xuất hiện nhiều ổ gà lớn, xe máy đi lại rất nguy hiểm.',
  'Đèn chiếu sáng trên đường {d} ({x}) bị hỏng hơn một tuần, buổi tối rất tối.',
  'Nhà số {n} đường {d} xây dựng lấn chiếm vỉa hè, đề nghị kiểm tra xử lý.',
  'Bãi rác tự phát cạnh chợ {x} bốc mùi hôi thối, ảnh hưởng sức khỏe người dân.',
  'Cống thoát nước trên đường {d} bị tắc, mỗi khi mưa nước tràn vào nhà dân.',
  'Quán karaoke số {n} đường {d} hát to đến khuya, gây mất trật tự khu dân cư {x}.',
  'Cột điện nghiêng trước nhà số {n} đường {d} có nguy cơ đổ, đề nghị ngành điện xử lý gấp.',
  'Hồ sơ cấp giấy chứng nhận quyền sử dụng đất tại {x} nộp đã ba tháng chưa được giải quyết.',
  'Cơ sở sản xuất gạch ở {x} xả khói bụi gây ô nhiễm không khí nghiêm trọng.',
  'Trạm y tế {x} thiếu thuốc, người dân phải tự mua bên ngoài.',
  'Trường tiểu học {x} thu các khoản ngoài quy định, phụ huynh bức xúc.',
  'Nước sinh hoạt khu vực đường {d} thường xuyên mất, có khi cả ngày không có nước.',
  'Xe tải chở cát chạy quá tốc độ trên đường {d}, làm rơi vãi vật liệu ra mặt đường.',
  'Đề nghị lắp đặt biển báo giao thông tại ngã ba đường {d} giao với đường {d2}.',
  'Hàng quán lấn chiếm lòng đường {d} gần chợ {x}, gây ùn tắc giờ cao điểm.',
  'Chó thả rông trên đường {d} cắn người, đề nghị chính quyền {x} nhắc nhở các hộ nuôi.',
  'Tranh chấp ranh giới đất giữa hai hộ tại thôn 3 {x} kéo dài chưa được hòa giải.',
  'Đường dây điện hạ thế trên đường {d} võng thấp, xe tải đi qua dễ vướng.',
  'Mương tưới tiêu tại cánh đồng {x} bị bồi lấp, không đủ nước cho vụ lúa.',
  'Chính sách hỗ trợ hộ nghèo tại {x} xét duyệt chưa công khai, minh bạch.',
  'Cây xanh trên đường {d} gãy cành sau bão, chưa được dọn dẹp.',
  'Công trình thi công cống trên đường {d} để đất đá bừa bãi, không có rào chắn.',
  'Tiếng ồn từ xưởng cơ khí số {n} đường {d} làm việc cả ban đêm.',
  'Đề nghị sửa chữa cầu tạm ở {x} đã xuống cấp, học sinh đi lại nguy hiểm.',
  'Thủ tục đăng ký hộ kinh doanh tại bộ phận một cửa {x} bị yêu cầu bổ sung nhiều lần.',
  'Người dân phản ánh tình trạng khai thác cát trái phép trên sông đoạn qua {x}.',
  'Khu tái định cư {x} chưa có đường điện, nước sau hai năm bàn giao.',
  'Bệnh viện đa khoa tỉnh để người bệnh chờ khám quá lâu, thái độ nhân viên chưa tốt.',
  'Giá trông giữ xe tại cổng bệnh viện trên đường {d} thu cao hơn quy định.',
  'Đề nghị làm rõ việc thu hồi đất mở rộng đường {d} tại {x}, mức bồi thường chưa thỏa đáng.',
  'Vỉa hè đường {d} bị đào bới sau khi lắp cáp quang, chưa hoàn trả mặt bằng.',
  'Hệ thống đèn tín hiệu giao thông tại nút giao đường {d} hoạt động sai chu kỳ.',
  'Khói đốt rơm rạ tại {x} bay sang khu dân cư, ảnh hưởng người già và trẻ nhỏ.',
  'Nhà văn hóa thôn ở {x} xuống cấp, dột nát, đề nghị hỗ trợ sửa chữa.',
  'Trạm bơm nước thải trên đường {d} bốc mùi, đề nghị kiểm tra vận hành.',
  'Chợ tạm tại {x} họp trên hành lang an toàn giao thông quốc lộ.',
  'Đề nghị bố trí lực lượng phân luồng giao thông trước cổng trường trên đường {d}.',
  'Việc chi trả trợ cấp người có công tại {x} chậm hai tháng.',
  'Sổ bảo hiểm xã hội của người lao động công ty ở {x} bị nợ đóng nhiều tháng.',
  'Đường bê tông liên thôn ở {x} mới làm đã nứt vỡ, nghi chất lượng kém.',
  'Gia súc chết vứt xuống kênh tại {x} gây ô nhiễm nguồn nước.',
  'Có dấu hiệu kinh doanh thực phẩm không rõ nguồn gốc tại chợ {x}.',
  'Camera an ninh trên đường {d} không hoạt động, trộm cắp xe máy xảy ra nhiều.',
  'Đề nghị nâng cấp tuyến đường đất vào thôn 5 {x}, mùa mưa lầy lội.',
  'Biển quảng cáo trên đường {d} bị gió làm xô lệch, có thể rơi xuống người đi đường.',
  'Nhà số {n} đường {d} chăn nuôi lợn trong khu dân cư, mùi hôi ảnh hưởng hàng xóm.',
  'Giáo viên hợp đồng tại trường mầm non {x} chưa được trả lương ba tháng.',
  'Điểm tập kết rác trên đường {d} không được thu gom đúng giờ.',
  'Người dân {x} đề nghị công khai quy hoạch khu công nghiệp và phương án di dời.',
  'Trụ nước chữa cháy trên đường {d} bị hỏng, không có nước khi cần.',
];
const FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Phan',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Minh', 'Ngọc', 'Thanh', 'Hữu', 'Quang', 'Thu', 'Xuân'];
const GIVEN = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Hà',
  'Hải',
  'Hằng',
  'Hùng',
  'Lan',
  'Linh',
  'Long',
  'Mai',
  'Nam',
  'Nga',
  'Phong',
  'Phương',
  'Quân',
  'Sơn',
  'Tâm',
  'Thảo',
  'Trang',
  'Tuấn',
  'Vân',
  'Yến',
];

/** The officials the benchmark acts as. */
export interface BenchOfficials {
  /** Leader of the busiest unit (unit queue). */
  leaderId: string;
  leaderUnitId: string;
  /** The handler of that unit holding most open cases (their queue). */
  handlerId: string;
  supervisorId: string;
}

const nameSql = (seed: string) => `
  (array[${FAMILY.map((s) => `'${s}'`).join(',')}])[1 + abs(hashint4(${seed})) % ${FAMILY.length}] || ' ' ||
  (array[${MIDDLE.map((s) => `'${s}'`).join(',')}])[1 + abs(hashint4(${seed} + 7)) % ${MIDDLE.length}] || ' ' ||
  (array[${GIVEN.map((s) => `'${s}'`).join(',')}])[1 + abs(hashint4(${seed} + 13)) % ${GIVEN.length}]`;

/**
 * Units, officials, hotlines and categories on top of seedSmallProvince, and the lookup tables
 * (bench_*) the case generator joins on.
 */
export async function seedBenchProvince(sql: RawSql): Promise<void> {
  const [province] = await sql`select id from admin_units where code = 'province'`;
  const provinceId = province!.id as string;
  for (const [code, name] of DEPARTMENTS) {
    await sql`insert into admin_units (code, name, kind, parent_id) values (${code}, ${name}, 'department', ${provinceId})`;
  }
  for (const [code, name, communes] of DISTRICTS) {
    await sql`insert into admin_units (code, name, kind, parent_id) values (${code}, ${name}, 'district', ${provinceId})
      on conflict (code) do nothing`;
    for (const [cc, cn] of communes) {
      await sql`insert into admin_units (code, name, kind, parent_id)
        select ${cc}, ${cn}, 'commune', id from admin_units where code = ${code}`;
    }
  }
  for (const [i, [code, name]] of CATEGORIES.entries()) {
    await sql`insert into categories (code, name, sort_order) values (${code}, ${name}, ${10 + i})`;
  }
  // Units that handle cases: the departments first (index 0 is the busiest), then communes.
  await sql`create unlogged table bench_units as
    select (row_number() over (order by kind <> 'department', code) - 1)::int as idx, id, name, kind
    from admin_units where kind in ('department', 'commune')`;
  // A leader for each unit that has none (and for districts), handlers by unit size.
  await sql.unsafe(`
    insert into officials (unit_id, full_name, email, title, roles)
    select u.id, ${nameSql('g.n')}, 'lead-' || u.code || '@bench.gov.vn', 'Lãnh đạo', '{unit_leader}'::official_role[]
    from admin_units u cross join lateral (select abs(hashint4(length(u.code) * 31 + ascii(u.code))) as n) g
    where u.kind in ('department', 'commune', 'district')
      and not exists (select 1 from officials o where o.unit_id = u.id and 'unit_leader' = any(o.roles))`);
  await sql.unsafe(`
    insert into officials (unit_id, full_name, email, title, roles)
    select u.id, ${nameSql('(u.idx * 100 + k)')}, 'cb-' || u.idx || '-' || k || '@bench.gov.vn', 'Chuyên viên', '{handler}'::official_role[]
    from bench_units u cross join generate_series(1, case when u.kind = 'department' then 10 else 6 end) k`);
  await sql.unsafe(`
    insert into officials (unit_id, full_name, email, title, roles)
    select (select id from admin_units where code = 'triage'), ${nameSql('(9000 + k)')},
      'dtv-' || k || '@bench.gov.vn', 'Điện thoại viên', '{operator}'::official_role[] from generate_series(1, 5) k
    union all
    select '${provinceId}', ${nameSql('(9100 + k)')}, 'gs-' || k || '@bench.gov.vn', 'Giám sát', '{supervisor}'::official_role[]
    from generate_series(1, 3) k`);
  // Four more leaders' hotlines (five in all), owned by department leaders.
  await sql`update officials set roles = array_append(roles, 'hotline_owner')
    where email in (select 'lead-' || code || '@bench.gov.vn' from admin_units
      where code in ('so-giao-thong-van-tai', 'so-tai-nguyen-moi-truong', 'so-y-te', 'cong-an-tinh'))`;
  await sql`insert into hotlines (number, display_number, name, owner_official_id, unit_id)
    select '+8423930002' || row_number() over (order by o.email), '0239 3000 2' || row_number() over (order by o.email),
      'Đường dây nóng ' || u.name, o.id, u.id
    from officials o join admin_units u on u.id = o.unit_id
    where 'hotline_owner' = any(o.roles) and o.email like 'lead-%'`;
  await sql`create unlogged table bench_hotlines as
    select (row_number() over (order by number) - 1)::int as idx, h.id, h.unit_id,
      (select idx from bench_units b where b.id = h.unit_id) as unit_idx from hotlines h`;
  await sql`create unlogged table bench_handlers as
    select u.idx as unit_idx, (row_number() over (partition by u.idx order by o.email) - 1)::int as idx, o.id
    from bench_units u join officials o on o.unit_id = u.id and 'handler' = any(o.roles)`;
  await sql`alter table bench_units add column handlers int, add column leader_id uuid`;
  await sql`update bench_units u set
    handlers = (select count(*) from bench_handlers h where h.unit_idx = u.idx),
    leader_id = (select o.id from officials o where o.unit_id = u.id and 'unit_leader' = any(o.roles) order by o.email limit 1)`;
  await sql`create unlogged table bench_communes as
    select (row_number() over (order by code) - 1)::int as idx, id, name from admin_units where kind = 'commune'`;
  await sql`create unlogged table bench_categories as
    select (row_number() over (order by code) - 1)::int as idx, id from categories`;
  await sql`create unlogged table bench_templates as
    select (o - 1)::int as idx, t as body from unnest(${sql.array(TEMPLATES)}::text[]) with ordinality as x(t, o)`;
  await sql`create unlogged table bench_streets as
    select (o - 1)::int as idx, s as name from unnest(${sql.array(STREETS)}::text[]) with ordinality as x(s, o)`;
  for (const t of [
    'bench_units',
    'bench_hotlines',
    'bench_handlers',
    'bench_communes',
    'bench_categories',
    'bench_templates',
    'bench_streets',
  ]) {
    await sql.unsafe(
      `create unique index on ${t} (${t === 'bench_handlers' ? 'unit_idx, idx' : 'idx'})`,
    );
  }
  await sql`analyze`;
}

/** Who the benchmark acts as, chosen from the generated data. */
export async function pickBenchOfficials(sql: RawSql): Promise<BenchOfficials> {
  const [leader] = await sql`select leader_id, id from bench_units where idx = 0`;
  const [handler] = await sql`
    select assignee_id from cases where unit_id = ${leader!.id as string}
      and status in ('assigned', 'in_progress', 'awaiting_citizen')
    group by assignee_id order by count(*) desc limit 1`;
  const [supervisor] = await sql`select id from officials where 'supervisor' = any(roles) limit 1`;
  return {
    leaderId: leader!.leader_id as string,
    leaderUnitId: leader!.id as string,
    handlerId: handler!.assignee_id as string,
    supervisorId: supervisor!.id as string,
  };
}

/** Generates `total` cases received over the 12 months before `now`; calls back after each batch. */
export async function generateCases(
  sql: RawSql,
  total: number,
  now: Date,
  onBatch: (done: number, ms: number) => void,
): Promise<void> {
  const [counts] = await sql`select
    (select count(*) from bench_units)::int as units, (select count(*) from bench_communes)::int as communes,
    (select count(*) from bench_categories)::int as categories, (select count(*) from bench_hotlines)::int as hotlines`;
  const nowIso = now.toISOString();
  await sql`create unlogged table bench_stage (
    i int, id uuid, rec timestamptz, status case_status, case_type case_type, channel channel, priority priority,
    unit_id uuid, assignee_id uuid, leader_id uuid, category_id uuid, hotline_id uuid, commune_id uuid,
    text text, address text, citizen_name text, citizen_phone text, is_anonymous boolean,
    acceptance_due timestamptz, first_response_due timestamptz, resolution_due timestamptz,
    sla_state sla_state, rating smallint, t_routed timestamptz, t_assigned timestamptz, t_accepted timestamptz,
    t_info timestamptz, t_replied timestamptz, t_resolved timestamptz, t_closed timestamptz, t_rated timestamptz,
    t_breach timestamptz, close_reason text, n_events int)`;
  for (let from = 1; from <= total; from += BATCH) {
    const to = Math.min(total, from + BATCH - 1);
    const t0 = performance.now();
    await stageBatch(sql, { from, to, total, nowIso, ...(counts as unknown as StageCounts) });
    await insertStaged(sql);
    await sql`truncate bench_stage`;
    onBatch(to, performance.now() - t0);
  }
  await sql`drop table bench_stage`;
  await generateReportFacts(sql);
}

/**
 * The report facts of every generated case, by the backfill, in order of receipt so the facts
 * lie in time order as live writes leave them; prints how long it took.
 */
async function generateReportFacts(sql: RawSql): Promise<void> {
  const [current] = await sql<{ name: string }[]>`select current_database() as name`;
  const url = new URL(loadConfig().databaseUrl);
  url.pathname = `/${current!.name}`;
  const handle = createDatabase(url.toString(), { max: 2, applicationName: 'hotline-bench' });
  const t0 = performance.now();
  try {
    const ids = (await sql<{ id: string }[]>`select id from cases order by received_at, id`).map(
      (r) => r.id,
    );
    let facts = 0;
    let next = 0;
    let shown = t0;
    // Two slices at a time: one computes while the other waits on the database.
    const lane = async () => {
      for (let i = next; i < ids.length; i = next) {
        next += FACTS_SLICE;
        const written = await rebuildReportFacts(handle.db, ids.slice(i, i + FACTS_SLICE));
        facts += written;
        if (performance.now() - shown < 10_000) continue;
        shown = performance.now();
        console.log(
          `  report facts: ${Math.min(next, ids.length)} cases, ${facts} facts, ${((shown - t0) / 1000).toFixed(1)} s`,
        );
      }
    };
    await Promise.all([lane(), lane()]);
    const ms = performance.now() - t0;
    console.log(
      `report facts: ${facts} facts of ${ids.length} cases in ${(ms / 1000).toFixed(1)} s ` +
        `(${Math.round((ids.length / ms) * 1000)} cases/s, rebuildReportFacts)`,
    );
  } finally {
    await handle.close();
  }
}

interface StageCounts {
  units: number;
  communes: number;
  categories: number;
  hotlines: number;
}

async function stageBatch(
  sql: RawSql,
  p: StageCounts & { from: number; to: number; total: number; nowIso: string },
): Promise<void> {
  const now = sql`${p.nowIso}::timestamptz`;
  // r: the random draws (a volatile CTE is materialised once); c: the choices made from them;
  // s: the timeline, each moment as a fraction of a span capped at 30 days, so all are ≤ now.
  await sql`
    insert into bench_stage
    with r as (
      select i, gen_random_uuid() as id,
        ${now} - interval '365 days' + ((i - 1 + random()) / ${p.total}) * interval '365 days' as rec,
        random() as u_unit, random() as u_hand, random() as u_open, random() as u_status, random() as u_cat,
        random() as u_tpl, random() as u_street, random() as u_commune, random() as u_chan, random() as u_prio,
        random() as u_type, random() as u_hot, random() as u_t1, random() as u_t2, random() as u_t3,
        random() as u_sat, random() as u_misc
      from generate_series(${p.from}::int, ${p.to}::int) as i),
    c as (
      select r.*, extract(epoch from ${now} - rec) / 86400 as age,
        case when u_hot < 0.05 then floor(u_hot / 0.05 * ${p.hotlines})::int end as hot_idx,
        floor(power(u_unit, 1.8) * ${p.units})::int as unit_draw,
        case when u_type < 0.80 then 'feedback' when u_type < 0.92 then 'complaint' else 'denunciation' end as draw_type
      from r),
    k as (
      select c.*, coalesce(h.unit_idx, c.unit_draw) as unit_idx, h.id as hotline_id,
        case
          when u_open < case when age < 30 then 0.7 when age < 90 then 0.3 else 0.06 end then
            case when u_status < 0.15 then 'received' when u_status < 0.40 then 'assigned'
                 when u_status < 0.85 then 'in_progress' else 'awaiting_citizen' end
          else case when u_status < 0.35 then 'resolved' else 'closed' end
        end::case_status as status,
        (case when h.id is not null then 'leader_hotline' else draw_type end)::case_type as case_type,
        least(${now} - rec, interval '30 days') as span
      from c left join bench_hotlines h on h.idx = c.hot_idx),
    s as (
      select k.*, u.id as unit_id, u.kind as unit_kind, u.name as unit_name, u.leader_id,
        hd.id as handler_id,
        rec + span * 0.002 as t_routed,
        case when status <> 'received' then rec + span * (0.01 + 0.02 * u_t1) end as t_assigned,
        case when status not in ('received', 'assigned') then rec + span * (0.05 + 0.05 * u_t2) end as t_accepted,
        case when status = 'awaiting_citizen' then rec + span * (0.11 + 0.03 * u_t3) end as t_info,
        case when status in ('in_progress', 'resolved', 'closed') and u_misc < 0.5
          then rec + span * (0.11 + 0.03 * u_t3) end as t_replied,
        case when status in ('resolved', 'closed') then rec + span * (0.15 + 0.45 * u_t3 * u_t3) end as t_resolved,
        case when status = 'closed' then rec + span * (0.65 + 0.15 * u_t1) end as t_closed,
        case when status in ('resolved', 'closed') and u_sat < 0.4 then rec + span * (0.82 + 0.13 * u_t2) end as t_rated,
        rec + interval '2 days' as acceptance_due, rec + interval '3 days' as first_response_due,
        rec + case case_type when 'feedback' then interval '15 days' when 'leader_hotline' then interval '10 days'
          else interval '30 days' end as resolution_due
      from k
      join bench_units u on u.idx = k.unit_idx
      join bench_handlers hd on hd.unit_idx = k.unit_idx and hd.idx = floor(k.u_hand * u.handlers)::int),
    f as (
      select s.*,
        case when (status in ('resolved', 'closed') and t_resolved > resolution_due)
               or (status not in ('resolved', 'closed') and resolution_due < ${now}) then resolution_due end as t_breach
      from s)
    select f.i, f.id, f.rec, f.status, f.case_type,
      (case when hotline_id is not null then 'call' when u_chan < 0.35 then 'web' when u_chan < 0.55 then 'sms'
        when u_chan < 0.82 then 'call' when u_chan < 0.89 then 'email' when u_chan < 0.94 then 'open311'
        else 'counter' end)::channel,
      (case when u_prio < 0.10 then 'low' when u_prio < 0.85 then 'normal' when u_prio < 0.97 then 'high'
        else 'urgent' end)::priority,
      f.unit_id, case when t_assigned is not null then f.handler_id end, f.leader_id,
      cat.id, f.hotline_id, cm.id,
      replace(replace(replace(replace(tpl.body, '{d}', st.name), '{d2}', st2.name), '{x}', cm.name),
        '{n}', (1 + f.i % 197)::text) || case when f.i % 3 = 0 then ' Mong được xem xét sớm.' else '' end,
      'Số ' || (1 + f.i % 197) || ' đường ' || st.name || ', ' || cm.name,
      (${sql.array(FAMILY)}::text[])[1 + f.i % ${FAMILY.length}] || ' ' ||
        (${sql.array(MIDDLE)}::text[])[1 + (f.i / 7) % ${MIDDLE.length}] || ' ' ||
        (${sql.array(GIVEN)}::text[])[1 + (f.i / 3) % ${GIVEN.length}],
      '+849' || lpad(((f.i::bigint * 7919 + 1234567) % 100000000)::text, 8, '0'),
      f.u_misc > 0.95,
      f.acceptance_due, f.first_response_due, f.resolution_due,
      (case when t_breach is not null then 'breached'
        when status not in ('resolved', 'closed') and resolution_due - ${now} < (resolution_due - rec) / 4 then 'at_risk'
        else 'on_track' end)::sla_state,
      case when t_rated is not null then least(5, 1 + floor(power(u_sat / 0.4, 0.4) * 5))::smallint end,
      t_routed, t_assigned, t_accepted, t_info, t_replied, t_resolved, t_closed, t_rated, t_breach,
      case when u_misc < 0.7 then 'citizen_confirmed' else 'no_response' end,
      2 + (t_assigned is not null)::int + (t_accepted is not null)::int + (t_info is not null)::int
        + (t_replied is not null)::int + (t_resolved is not null)::int + (t_closed is not null)::int
        + (t_rated is not null)::int + (t_breach is not null)::int
    from f
    join bench_categories cat on cat.idx = floor(f.u_cat * ${p.categories})::int
    join bench_templates tpl on tpl.idx = floor(f.u_tpl * ${TEMPLATES.length})::int
    join bench_streets st on st.idx = floor(f.u_street * ${STREETS.length})::int
    join bench_streets st2 on st2.idx = (floor(f.u_street * ${STREETS.length})::int + 7) % ${STREETS.length}
    join bench_communes cm on cm.idx = case when f.unit_kind = 'commune'
      then (select idx from bench_communes where id = f.unit_id) else floor(f.u_commune * ${p.communes})::int end`;
}

async function insertStaged(sql: RawSql): Promise<void> {
  await sql`
    insert into cases (id, tracking_code, type, channel, status, priority, hotline_id, category_id,
      citizen_name, citizen_phone, is_anonymous, text, commune_unit_id, address, unit_id, assignee_id,
      sla_state, acceptance_due_at, first_response_due_at, resolution_due_at, resolution_text, satisfaction,
      version, received_at, updated_at)
    select id, 'BN' || lpad(i::text, 8, '0'), case_type, channel, status, priority, hotline_id, category_id,
      citizen_name, citizen_phone, is_anonymous, text, commune_id, address, unit_id, assignee_id,
      sla_state, acceptance_due, first_response_due, resolution_due,
      case when t_resolved is not null then 'Đơn vị đã kiểm tra, xử lý và trả lời công dân theo quy định.' end,
      rating, n_events, rec,
      greatest(rec, t_routed, t_assigned, t_accepted, t_info, t_replied, t_resolved, t_closed, t_rated, t_breach)
    from bench_stage order by i`;
  // One row per event that happened; versions follow time (k breaks ties in causal order).
  await sql`
    insert into case_events (case_id, version, type, payload, actor_kind, actor_official_id, actor_process, occurred_at)
    select s.id, row_number() over (partition by s.i order by e.at, e.k)::int, e.type, e.payload, e.actor_kind,
      e.actor_id, e.process, e.at
    from bench_stage s cross join lateral (values
      (1, 'received', jsonb_build_object('caseType', s.case_type, 'channel', s.channel, 'categoryId', s.category_id,
        'hotlineId', s.hotline_id, 'communeUnitId', s.commune_id, 'priority', s.priority), 'citizen', null::uuid, null::text, s.rec),
      (2, 'routed', jsonb_build_object('unitId', s.unit_id,
        'reason', case when s.hotline_id is not null then 'hotline_owner_unit' else 'rule' end),
        'system', null, 'worker:routing', s.t_routed),
      (3, 'assigned', jsonb_build_object('assigneeId', s.assignee_id), 'official', s.leader_id, null, s.t_assigned),
      (4, 'accepted', '{}'::jsonb, 'official', s.assignee_id, null, s.t_accepted),
      (5, 'info_requested', jsonb_build_object('question', 'Đề nghị cung cấp thêm hình ảnh và vị trí cụ thể.'),
        'official', s.assignee_id, null, s.t_info),
      (6, 'replied', jsonb_build_object('text', 'Đơn vị đã tiếp nhận và đang kiểm tra thực tế.'),
        'official', s.assignee_id, null, s.t_replied),
      (7, 'sla_breached', jsonb_build_object('target', 'resolution',
        'dueAt', to_char(s.resolution_due at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')),
        'system', null, 'worker:sla', s.t_breach),
      (8, 'resolved', jsonb_build_object('resolutionText', 'Đơn vị đã kiểm tra, xử lý và trả lời công dân theo quy định.'),
        'official', s.assignee_id, null, s.t_resolved),
      (9, 'closed', jsonb_build_object('reason', s.close_reason),
        case when s.close_reason = 'no_response' then 'system' else 'citizen' end,
        null, case when s.close_reason = 'no_response' then 'worker:follow-up' end, s.t_closed),
      (10, 'rated', jsonb_build_object('rating', s.rating), 'citizen', null, null, s.t_rated)
    ) as e(k, type, payload, actor_kind, actor_id, process, at)
    where e.at is not null
    order by s.i, e.at, e.k`;
}
