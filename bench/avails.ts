/**
 * `npm run bench:avails [-- --titles 10000 --rows 1000000 --runs 200 --signs 100 --studio-runs 3 --seconds 10 --concurrency 8 --explain --keep]`
 *
 * Avails and signature at scale: creates a throw-away database, migrates it, fills it
 * with N titles and about R expanded grant_slice rows (SIGNED deals whose grants cover M49
 * sub-regions × media groups × three-year windows, never overlapping per cell, so the exclusion
 * constraint accepts every row — it is in place during the load), then measures, each beside a
 * baseline in the same run:
 *
 *   (a) avails of one title × one country × one media through queryAvails() vs the same SELECT on
 *       grant_slice written by hand on pg;
 *   (b) a title's whole grid (WORLDWIDE × every leaf media) through queryAvails() vs raw SQL;
 *   (c) signature of a fresh PROPOSED deal with one grant through signDeal() (conflict checks,
 *       slices written under the exclusion constraint) vs a raw INSERT of the same rows into
 *       grant_slice in a rolled-back transaction; and (c') a signature refused for a conflict vs a
 *       raw INSERT that the constraint refuses;
 *   (e) avails of every title of the studio × one country × one media (the studio-wide view)
 *       through queryAvails() vs one raw SQL join;
 *   (d) requests per second of the GET /api/v1/avails route handler called in-process with an API
 *       key, beside GET /api/v1/genres (no database) and GET /api/v1/me (API-key check only),
 *       at a fixed concurrency for a fixed time.
 *
 * Prints p50/p95/p99, ratios to the baselines, wall time and memory; drops the database at the
 * end, also on error or Ctrl-C. See bench/README.md for how to read the figures.
 */
// First: neutralises `server-only` so route handlers load outside Next (see the module).
import "./lib/server-only";
import pg from "pg";
import { benchOptions } from "./lib/args";
import { type BenchDatabase, withBenchDatabase } from "./lib/database";
import { rng } from "./lib/random";
import { ratio, summarize } from "./lib/stats";
import { formatCount, printTable } from "./lib/table";
import { mergeThroughput, perSecond, runThroughput, type ThroughputResult } from "./lib/throughput";
import { formatMemory, formatMs, formatSeconds, measurePair, memory, msSince } from "./lib/timing";

const options = benchOptions({
  titles: { type: "int", default: 10_000, min: 10 },
  rows: { type: "int", default: 1_000_000, min: 1_000 },
  runs: { type: "int", default: 200, min: 1 },
  warmup: { type: "int", default: 20, min: 0 },
  signs: { type: "int", default: 100, min: 1 },
  "deal-signs": { type: "int", default: 10, min: 0 },
  "studio-runs": { type: "int", default: 3, min: 0 },
  seconds: { type: "int", default: 10, min: 1 },
  concurrency: { type: "int", default: 8, min: 1 },
  explain: { type: "flag" },
  keep: { type: "flag" },
});

// ---- the shape of the data --------------------------------------------------------------------

/** Grants are licensed per media group, as entered (parents or leaves); popular groups first. */
const MEDIA_GROUPS: readonly string[][] = [
  ["SVOD", "AVOD"],
  ["TV"],
  ["THEATRICAL"],
  ["TVOD", "EST"],
  ["NON_THEATRICAL"],
  ["HOME_VIDEO"],
  ["DERIVATIVE"],
  ["ANCILLARY"],
];
/** Four consecutive three-year licence windows: window w runs from 1 January 2020 + 3w to 31 December 2022 + 3w. */
const WINDOW_COUNT = 4;
/** What the avails questions ask for: the third window exactly. */
const QUERY = { start: "2026-01-01", end: "2028-12-31" };
/** Fresh deals are signed after every window in use (the app's run) or after that (the baseline's). */
const SIGN_WINDOW = { start: "2032-01-01", end: "2034-12-31" };
const RAW_SIGN_WINDOW = { start: "2035-01-01", end: "2037-12-31" };
const SIGN_SCOPE = { territories: ["SEA"], mediaRights: ["TV", "DIGITAL"] };
/** (c''): a package deal of this many grants, one title each, WORLDWIDE × TV+DIGITAL (249 × 6 slices a grant). */
const DEAL_GRANTS = 8;
const DEAL_SCOPE = { territories: ["WORLDWIDE"], mediaRights: ["TV", "DIGITAL"] };
const DEAL_WINDOW = { start: "2038-01-01", end: "2040-12-31" };
const RAW_DEAL_WINDOW = { start: "2041-01-01", end: "2043-12-31" };
/** Titles per deal: each deal is one partner's package of titles for its region. */
const TITLES_PER_DEAL = 100;

type Region = { k: number; code: string; name: string; countries: string[] };
type MediaGroup = { m: number; codes: string[]; leaves: string[] };

/**
 * How many grants title t has: 1 … s (s/2 on average, spread deterministically so runs compare),
 * plus one for the first `bonus` titles — which tunes the total to the requested row count.
 */
const grantsOf = (t: number, plan: { spread: number; bonus: number }) => 1 + ((t * 7919) % plan.spread) + (t < plan.bonus ? 1 : 0);

/**
 * Grant number `g` of title `t`: its region k, media group m and window w. Regions rotate with the
 * title; a (region, media) pair repeats only in another window, so a title's grants never share
 * a cell × day and the exclusion constraint accepts them whatever their exclusivity.
 */
function combo(t: number, g: number, K: number, M: number) {
  const layer = Math.floor(g / (K * M));
  const rem = g % (K * M);
  const m = Math.floor(rem / K);
  const kk = rem % K;
  // The window moves from grant to grant of a title and every K titles, so a title's grants spread
  // over the windows and each region × media pair meets every window about equally often.
  return { k: (kk + t) % K, m, w: (Math.floor(t / K) + kk + m + layer) % WINDOW_COUNT };
}

/** The grant counts per title (see grantsOf) that give about `rows` slices over `titles` titles. */
function planGrants(titles: number, rows: number, regions: Region[], media: MediaGroup[]) {
  const K = regions.length;
  const M = media.length;
  const capacity = K * M * WINDOW_COUNT;
  const cells = (t: number, g: number) => {
    const c = combo(t, g, K, M);
    return (regions[c.k]?.countries.length ?? 0) * (media[c.m]?.leaves.length ?? 0);
  };
  const total = (spread: number) => {
    let n = 0;
    for (let t = 0; t < titles; t++) for (let i = 0; i < grantsOf(t, { spread, bonus: 0 }); i++) n += cells(t, i);
    return n;
  };
  const maxSpread = capacity - 1;
  if (total(maxSpread) < rows) {
    throw new Error(
      `--rows ${rows} does not fit ${titles} titles (at most ~${formatCount(total(maxSpread))} slices without overlaps); raise --titles`,
    );
  }
  // The largest spread that stays at or under `rows` (1 if even that is over)...
  let lo = 1;
  let hi = maxSpread;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (total(mid) <= rows) lo = mid;
    else hi = mid - 1;
  }
  const spread = lo;
  // ...then one more grant for the first `bonus` titles, as many as bring it closest to `rows`.
  let sum = total(spread);
  let bonus = 0;
  while (bonus < titles && sum < rows) {
    const extra = cells(bonus, grantsOf(bonus, { spread, bonus: 0 }));
    if (sum + extra - rows > rows - sum) break;
    sum += extra;
    bonus++;
  }
  return { spread, bonus, expectedRows: sum, averageGrants: (spread + 1) / 2 + bonus / titles };
}

// ---- loading ----------------------------------------------------------------------------------

type Loaded = {
  studioId: string;
  partnerId: string;
  userId: string;
  grants: number;
  slices: number;
  deals: number;
  grantsPerTitle: string;
  maxSlicesPerTitle: number;
  insertMs: number;
  sizes: { table: string; indexes: string };
};

/** A valid (version 4 shaped) UUID derived from a text, so every statement can compute the same ids. */
const uuidSql = (text: string) => `overlay(overlay(md5(${text}) placing '4' from 13) placing '8' from 17)::uuid`;
/** Title ids are derived from the title's number. */
const titleIdSql = (n: string) => uuidSql(`'title:' || ${n}`);

async function load(pool: pg.Pool, regions: Region[], media: MediaGroup[]): Promise<Loaded> {
  const started = process.hrtime.bigint();
  const plan = planGrants(options.titles, options.rows, regions, media);
  const { expectedRows } = plan;
  const K = regions.length;
  const M = media.length;

  const orgs = await pool.query<{ id: string; name: string }>(
    `INSERT INTO organization (id, name, kind, home_country, updated_at)
     SELECT gen_random_uuid(), n, k::org_kind, c, now() FROM unnest($1::text[], $2::text[], $3::text[]) AS u(n, k, c) RETURNING id, name`,
    [
      ["Jade Mountain Pictures", ...regions.map((r) => `Bench partner for ${r.name}`)],
      ["STUDIO", ...regions.map(() => "PARTNER")],
      ["CN", ...regions.map((r) => r.countries[0] ?? "SG")],
    ],
  );
  const idOf = (name: string) => orgs.rows.find((r) => r.name === name)?.id as string;
  const studioId = idOf("Jade Mountain Pictures");
  const partnerIds = regions.map((r) => idOf(`Bench partner for ${r.name}`));
  const partnerId = partnerIds[regions.findIndex((r) => r.code === "035")] ?? (partnerIds[0] as string);
  const user = await pool.query<{ id: string }>(
    `INSERT INTO app_user (id, email, name, password_hash, updated_at) VALUES (gen_random_uuid(), 'bench@bench.test', 'Bench Owner', 'x', now()) RETURNING id`,
  );
  const userId = user.rows[0]?.id as string;
  await pool.query(
    `INSERT INTO membership (id, user_id, organization_id, role, updated_at)
     VALUES (gen_random_uuid(), $1, $2, 'OWNER', now()), (gen_random_uuid(), $1, $3, 'OWNER', now())`,
    [userId, studioId, partnerId],
  );

  // Titles: minimal rows, all LISTED, of one studio.
  await pool.query(
    `INSERT INTO title (id, studio_id, kind, original_title, title_en, original_language, genres, year, runtime_minutes, episode_count, visibility, updated_at)
     SELECT ${titleIdSql("i")}, $1, (ARRAY['FILM','SERIES','ANIMATION','FILM'])[1 + i % 4]::title_kind,
            'Bench title ' || lpad(i::text, 7, '0'), 'Bench title ' || i, 'zh', ARRAY['DRAMA']::varchar(40)[], 2015 + i % 10,
            CASE WHEN i % 4 = 1 THEN NULL ELSE 100 END, CASE WHEN i % 4 = 1 THEN 24 END, 'LISTED', now()
     FROM generate_series(0, $2::int - 1) i`,
    [studioId, options.titles],
  );

  // The regions and media groups, for the generator below (dropped with the database).
  await pool.query(`CREATE TABLE bench_region (k int PRIMARY KEY, code text, countries text[])`);
  for (const r of regions) await pool.query(`INSERT INTO bench_region VALUES ($1, $2, $3)`, [r.k, r.code, r.countries]);
  await pool.query(`CREATE TABLE bench_media (m int PRIMARY KEY, codes text[], leaves text[])`);
  for (const g of media) await pool.query(`INSERT INTO bench_media VALUES ($1, $2, $3)`, [g.m, g.codes, g.leaves]);
  await pool.query(`CREATE TABLE bench_partner (k int PRIMARY KEY, id uuid)`);
  for (const [k, id] of partnerIds.entries()) await pool.query(`INSERT INTO bench_partner VALUES ($1, $2)`, [k, id]);

  // SIGNED deals: one per partner (region) and package of TITLES_PER_DEAL titles.
  const packages = Math.ceil(options.titles / TITLES_PER_DEAL);
  await pool.query(
    `INSERT INTO deal (id, name, licensor_id, licensee_id, drafter_id, currency, status, mg_minor, distribution_fee_pct, share_tiers,
                       proposed_at, licensor_signed_at, licensor_signed_by, licensee_signed_at, licensee_signed_by, signed_at, updated_at)
     SELECT ${uuidSql("'deal:' || p.k || ':' || b")}, 'Package ' || b || ' · ' || r.code, $1, p.id, $1, 'USD', 'SIGNED', 50000000, 25,
            '[{"upToMinor": null, "pct": "50"}]'::jsonb, now(), now(), $2, now(), $2, now(), now()
     FROM bench_partner p JOIN bench_region r USING (k), generate_series(0, $3::int - 1) b`,
    [studioId, userId, packages],
  );

  // Grants and their slices in one statement per chunk of titles, under the exclusion constraint.
  const chunk = Math.max(1, Math.floor(200_000 / Math.max(1, expectedRows / options.titles)));
  let done = 0;
  for (let lo = 0; lo < options.titles; lo += chunk) {
    const hi = Math.min(options.titles, lo + chunk);
    await pool.query(
      `WITH src AS MATERIALIZED (
         SELECT ${uuidSql("'grant:' || t || ':' || g")} AS id,
                ${uuidSql(`'deal:' || c.k || ':' || (t / ${TITLES_PER_DEAL})`)} AS deal_id,
                ${titleIdSql("t")} AS title_id,
                r.code, r.countries, mg.codes, mg.leaves,
                make_date(2020 + 3 * c.w::int, 1, 1) AS start, make_date(2022 + 3 * c.w::int, 12, 31) AS "end",
                abs(hashint8(t * 1000 + g)) % 5 <> 0 AS exclusive,
                nextval('grant_lane_seq') AS lane
         FROM generate_series($1::bigint, $2::bigint - 1) t
         CROSS JOIN LATERAL generate_series(0::bigint, (t * 7919) % $3::bigint + CASE WHEN t < $4::bigint THEN 1 ELSE 0 END) g
         CROSS JOIN LATERAL (
           SELECT ((g % (${K} * ${M})) % ${K} + t) % ${K} AS k, (g % (${K} * ${M})) / ${K} AS m,
                  (t / ${K} + (g % (${K} * ${M})) % ${K} + (g % (${K} * ${M})) / ${K} + g / (${K} * ${M})) % ${WINDOW_COUNT} AS w
         ) c
         JOIN bench_region r ON r.k = c.k
         JOIN bench_media mg ON mg.m = c.m
       ),
       grants AS (
         INSERT INTO "grant" (id, deal_id, title_id, territories, excluded_territories, media_rights, languages, start, "end", exclusive)
         SELECT id, deal_id, title_id, ARRAY[code], '{}', codes, '{}', start, "end", exclusive FROM src
       )
       INSERT INTO grant_slice (grant_id, deal_id, title_id, country, media, start, "end", exclusive, holdback, lane)
       SELECT s.id, s.deal_id, s.title_id, c, md, s.start, s."end", s.exclusive, false, s.lane
       FROM src s, unnest(s.countries) c, unnest(s.leaves) md`,
      [lo, hi, plan.spread, plan.bonus],
    );
    done = hi;
    if (options.rows >= 3_000_000) process.stdout.write(`\rloading: ${formatCount(done)} / ${formatCount(options.titles)} titles`);
  }
  if (options.rows >= 3_000_000) process.stdout.write("\n");
  await pool.query("VACUUM ANALYZE");
  const insertMs = msSince(started);

  const counts = await pool.query<{ grants: number; slices: number; deals: number; max: number }>(
    `SELECT (SELECT count(*)::int FROM "grant") AS grants, (SELECT count(*)::int FROM grant_slice) AS slices,
            (SELECT count(*)::int FROM deal) AS deals,
            (SELECT max(n)::int FROM (SELECT count(*) AS n FROM grant_slice GROUP BY title_id) x) AS max`,
  );
  const c = counts.rows[0]!;
  if (c.slices !== expectedRows) throw new Error(`expected ${expectedRows} slices, the database has ${c.slices}`);
  const size = await pool.query<{ table: string; indexes: string }>(
    `SELECT pg_size_pretty(pg_table_size('grant_slice')) AS table, pg_size_pretty(pg_indexes_size('grant_slice')) AS indexes`,
  );
  return {
    studioId,
    partnerId,
    userId,
    grants: c.grants,
    slices: c.slices,
    deals: c.deals,
    grantsPerTitle: plan.averageGrants.toFixed(1),
    maxSlicesPerTitle: c.max,
    insertMs,
    sizes: size.rows[0]!,
  };
}

// ---- the baselines: the same questions in SQL ------------------------------------------------

type SliceRow = { deal_id: string; grant_id: string; country: string; media: string; start: Date; end: Date; exclusive: boolean };

const RAW_CELL = `SELECT deal_id, grant_id, country, media, start, "end", exclusive, holdback FROM grant_slice
  WHERE title_id = $1 AND country = $2 AND media = $3 AND start <= $5::date AND "end" >= $4::date AND (exclusive OR $6)`;
const RAW_GRID = `SELECT deal_id, grant_id, country, media, start, "end", exclusive, holdback FROM grant_slice
  WHERE title_id = $1 AND start <= $3::date AND "end" >= $2::date AND (exclusive OR $4)`;

/** Blocked cells as "CC|MEDIA" → number of blockers, from either side. */
function blockedFromRows(rows: SliceRow[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of rows) {
    const key = `${r.country.trim()}|${r.media}`;
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

function sameBlocked(a: Map<string, number>, b: Map<string, number>): boolean {
  return a.size === b.size && [...a].every(([k, n]) => b.get(k) === n);
}

const INSERT_SLICES = `INSERT INTO grant_slice (grant_id, deal_id, title_id, country, media, start, "end", exclusive, holdback, lane)
  SELECT $1::uuid, $2::uuid, $3::uuid, c, m, $6::date, $7::date, $8, false, nextval('grant_lane_seq')
  FROM unnest($4::text[]) c, unnest($5::text[]) m`;

/** A package deal's rows: every grant × country × media, one lane per grant (as signDeal writes them). */
const INSERT_PACKAGE_SLICES = `WITH g AS MATERIALIZED (
    SELECT grant_id, title_id, nextval('grant_lane_seq') AS lane FROM unnest($1::uuid[], $2::uuid[]) AS u(grant_id, title_id)
  )
  INSERT INTO grant_slice (grant_id, deal_id, title_id, country, media, start, "end", exclusive, holdback, lane)
  SELECT g.grant_id, $3::uuid, g.title_id, c, m, $6::date, $7::date, true, false, g.lane
  FROM g, unnest($4::text[]) c, unnest($5::text[]) m`;

// ---- main -------------------------------------------------------------------------------------

type CapturedQuery = { query: string; params: string };
type Row = string[];

/** `count` title numbers, distinct as far as there are titles (then repeating), deterministic. */
function sampleTitles(count: number, titles: number): number[] {
  const random = rng(4_2026);
  const pool = Array.from({ length: titles }, (_, i) => i);
  const distinct = Math.min(count, titles);
  for (let i = 0; i < distinct; i++) {
    const j = i + Math.floor(random() * (titles - i));
    [pool[i], pool[j]] = [pool[j] as number, pool[i] as number];
  }
  return Array.from({ length: count }, (_, i) => pool[i % distinct] as number);
}

async function run(database: BenchDatabase, started: bigint) {
  const setupStart = process.hrtime.bigint();
  process.env.DATABASE_URL = database.url;
  // Route handlers log every request at info; keep the output to the figures (errors still show).
  process.env.LOG_LEVEL ??= "error";
  const captured: CapturedQuery[] = [];
  if (options.explain) {
    const { PrismaClient } = await import("@/lib/db/generated/client");
    const { PrismaPg } = await import("@prisma/adapter-pg");
    const client = new PrismaClient({
      adapter: new PrismaPg({ connectionString: database.url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) }),
      log: [{ emit: "event", level: "query" }],
    });
    client.$on("query", (e) => captured.push({ query: e.query, params: e.params }));
    (globalThis as { __rightsbridgeDb?: unknown }).__rightsbridgeDb = client;
  }
  const { COUNTRY_M49_REGIONS, M49_REGIONS, expandTerritories } = await import("@/lib/territories");
  const { expandMediaRights, MEDIA_RIGHT_LEAVES } = await import("@/lib/reference/media-rights");
  const { queryAvails } = await import("@/lib/avails/queries");
  const { signDeal } = await import("@/lib/deals/commands/sign");
  const { availsQuerySchema } = await import("@/lib/deals/schema");
  const { createActor } = await import("@/lib/auth/actor");
  const { createApiKey } = await import("@/lib/api-keys/commands");
  const { db } = await import("@/lib/db/client");
  const { NextRequest } = await import("next/server");
  const availsRoute = await import("@/app/api/v1/avails/route");
  const genresRoute = await import("@/app/api/v1/genres/route");
  const meRoute = await import("@/app/api/v1/me/route");

  // Innermost UN M49 regions partition the world (Antarctica, directly under World, is left out).
  const byRegion = new Map<string, string[]>();
  for (const [country, chain] of COUNTRY_M49_REGIONS) {
    const code = chain[0] as string;
    if (code === "001") continue;
    byRegion.set(code, [...(byRegion.get(code) ?? []), country]);
  }
  const regions: Region[] = [...byRegion.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([code, countries], k) => ({ k, code, name: M49_REGIONS.get(code)?.name.en ?? code, countries: countries.sort() }));
  const media: MediaGroup[] = MEDIA_GROUPS.map((codes, m) => ({ m, codes, leaves: [...expandMediaRights(codes)] }));

  const pool = new pg.Pool({ connectionString: database.url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
  try {
    const loaded = await load(pool, regions, media);
    const setupMs = msSince(setupStart);

    const studioOrg = { id: loaded.studioId, name: "Jade Mountain Pictures", kind: "STUDIO" as const, homeCountry: "CN" };
    const partnerOrg = { id: loaded.partnerId, name: "Bench partner for South-eastern Asia", kind: "PARTNER" as const, homeCountry: "BN" };
    const actorOf = (org: typeof studioOrg | typeof partnerOrg) =>
      createActor({ userId: loaded.userId, apiKeyId: null, role: "OWNER", requestId: "bench", org });
    const studioActor = actorOf(studioOrg);
    const partnerActor = actorOf(partnerOrg);

    // Titles the questions are asked about: a deterministic sample, a different title per call.
    const signCount = options.signs + options.warmup;
    if (signCount > options.titles)
      throw new Error(`--signs + --warmup (${signCount}) must not exceed --titles: each signature takes a title of its own`);
    const sample = sampleTitles(Math.max(options.runs + options.warmup, signCount), options.titles);
    const ids = await pool.query<{ id: string }>(
      `SELECT ${titleIdSql("t")} AS id FROM unnest($1::int[]) WITH ORDINALITY AS u(t, n) ORDER BY n`,
      [sample],
    );
    const sampleIds = ids.rows.map((r) => r.id);
    // For (a): a cell each sampled title has licensed in the queried window when it has one.
    const cells = await pool.query<{ title_id: string; country: string; media: string }>(
      `SELECT DISTINCT ON (title_id) title_id, country, media FROM grant_slice
       WHERE title_id = ANY($1::uuid[]) AND start <= $3::date AND "end" >= $2::date ORDER BY title_id, id`,
      [sampleIds, QUERY.start, QUERY.end],
    );
    const cellOf = new Map(cells.rows.map((r) => [r.title_id, { country: r.country.trim(), media: r.media }]));

    const rows: (Row | null)[] = [];
    const plans: string[] = [];
    const pair = async (
      name: string,
      app: (i: number) => Promise<unknown>,
      raw: (i: number) => Promise<unknown>,
      opts: { runs: number; warmup: number; rowsShown: string },
    ) => {
      let ai = 0;
      let bi = 0;
      const samples = await measurePair(
        () => app(ai++),
        () => raw(bi++),
        opts,
      );
      const a = summarize(samples.candidate);
      const b = summarize(samples.baseline);
      rows.push([
        name,
        opts.rowsShown,
        formatMs(a.p50),
        formatMs(a.p95),
        formatMs(a.p99),
        formatMs(b.p50),
        formatMs(b.p95),
        formatMs(b.p99),
        ratio(a.p50, b.p50),
        ratio(a.p95, b.p95),
      ]);
    };

    // (a) one title × one country × one media -------------------------------------------------
    const cellQuery = (i: number) => {
      const id = sampleIds[i % sampleIds.length] as string;
      const cell = cellOf.get(id) ?? { country: "TH", media: "SVOD" };
      return {
        id,
        cell,
        q: availsQuerySchema.parse({ titleId: id, territories: cell.country, mediaRights: cell.media, ...QUERY, exclusive: "true" }),
      };
    };
    const appCell = async (i: number) => {
      const r = await queryAvails(studioActor, cellQuery(i).q);
      if (!r.ok) throw new Error(`queryAvails refused: ${r.message}`);
      return r.value.items;
    };
    const rawCell = async (i: number) => {
      const { id, cell } = cellQuery(i);
      return (await pool.query<SliceRow>(RAW_CELL, [id, cell.country, cell.media, QUERY.start, QUERY.end, true])).rows;
    };
    let blockedCells = 0;
    for (let i = 0; i < Math.min(50, sampleIds.length); i++) {
      const items = await appCell(i);
      const fromApp = new Map(
        items.filter((x) => x.status === "BLOCKED").map((x) => [`${x.territory}|${x.mediaRight}`, x.blockers?.length ?? 0]),
      );
      if (items.some((x) => x.status === "NOT_HELD") || !sameBlocked(fromApp, blockedFromRows(await rawCell(i)))) {
        throw new Error(`(a) queryAvails and the raw SQL disagree for title ${cellQuery(i).id}`);
      }
      blockedCells += fromApp.size;
    }
    await pair("(a) avails: 1 title × 1 country × 1 media", appCell, rawCell, {
      runs: options.runs,
      warmup: options.warmup,
      rowsShown: `1 cell (${Math.round((blockedCells / Math.min(50, sampleIds.length)) * 100)}% blocked)`,
    });
    if (options.explain) plans.push(await explain(pool, "(a) one cell", () => appCell(0), captured, RAW_CELL, rawCellParams(cellQuery(0))));

    // (b) a title's whole grid ----------------------------------------------------------------
    const gridQuery = (i: number) => ({
      id: sampleIds[i % sampleIds.length] as string,
      q: availsQuerySchema.parse({ titleId: sampleIds[i % sampleIds.length], ...QUERY, exclusive: "true" }),
    });
    const appGrid = async (i: number) => {
      const r = await queryAvails(studioActor, gridQuery(i).q);
      if (!r.ok) throw new Error(`queryAvails refused: ${r.message}`);
      return r.value.items;
    };
    const rawGrid = async (i: number) => (await pool.query<SliceRow>(RAW_GRID, [gridQuery(i).id, QUERY.start, QUERY.end, true])).rows;
    const gridCells = expandTerritories(["WORLDWIDE"]).size * MEDIA_RIGHT_LEAVES.length;
    let gridBlocked = 0;
    for (let i = 0; i < Math.min(20, sampleIds.length); i++) {
      const items = await appGrid(i);
      const fromApp = new Map(
        items.filter((x) => x.status === "BLOCKED").map((x) => [`${x.territory}|${x.mediaRight}`, x.blockers?.length ?? 0]),
      );
      if (items.length !== gridCells || !sameBlocked(fromApp, blockedFromRows(await rawGrid(i)))) {
        throw new Error(`(b) queryAvails and the raw SQL disagree for title ${gridQuery(i).id}`);
      }
      gridBlocked += fromApp.size;
    }
    await pair("(b) avails: 1 title × WORLDWIDE × all media", appGrid, rawGrid, {
      runs: options.runs,
      warmup: options.warmup,
      rowsShown: `${formatCount(gridCells)} cells (~${Math.round(gridBlocked / Math.min(20, sampleIds.length))} blocked)`,
    });
    if (options.explain)
      plans.push(
        await explain(pool, "(b) whole grid", () => appGrid(0), captured, RAW_GRID, [gridQuery(0).id, QUERY.start, QUERY.end, true]),
      );

    // (c) signature: a fresh PROPOSED deal with one grant, signed by the second party ----------
    const signScope = {
      countries: [...expandTerritories(SIGN_SCOPE.territories)],
      media: [...expandMediaRights(SIGN_SCOPE.mediaRights)],
    };
    const freshDeals = await prepareProposedDeals(pool, loaded, sampleIds.slice(0, signCount), (i) => ({
      ...SIGN_SCOPE,
      ...SIGN_WINDOW,
      name: `Bench signature ${i}`,
    }));
    const appSign = async (i: number) => {
      const deal = freshDeals[i] as PreparedDeal;
      const r = await signDeal(partnerActor, deal.dealId);
      if (!r.ok || r.value.status !== "SIGNED") throw new Error(`signDeal did not sign: ${JSON.stringify(r)}`);
    };
    const rawSign = async (i: number) => {
      const deal = freshDeals[i] as PreparedDeal;
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        await client.query(INSERT_SLICES, [
          deal.grantId,
          deal.dealId,
          deal.titleId,
          signScope.countries,
          signScope.media,
          RAW_SIGN_WINDOW.start,
          RAW_SIGN_WINDOW.end,
          true,
        ]);
      } finally {
        await client.query("ROLLBACK");
        client.release();
      }
    };
    await pair("(c) signature: fresh deal, 1 grant, accepted", appSign, rawSign, {
      runs: options.signs,
      warmup: options.warmup,
      rowsShown: `${signScope.countries.length * signScope.media.length} slices`,
    });
    const signedSlices = await pool.query<{ deals: number; slices: number }>(
      `SELECT count(DISTINCT deal_id)::int AS deals, count(*)::int AS slices FROM grant_slice WHERE deal_id = ANY($1::uuid[])`,
      [freshDeals.map((d) => d.dealId)],
    );
    const expectedSigned = freshDeals.length;
    if (signedSlices.rows[0]?.deals !== expectedSigned) {
      throw new Error(`(c) expected ${expectedSigned} signed deals with slices, found ${signedSlices.rows[0]?.deals}`);
    }

    // (c') a signature the conflict rule refuses (the deal stays PROPOSED; nothing is written).
    const conflicting = await pool.query<{ title_id: string; territories: string[]; media_rights: string[]; start: string; end: string }>(
      `SELECT DISTINCT ON (title_id) title_id, territories, media_rights, start::text, "end"::text FROM "grant"
       WHERE title_id = ANY($1::uuid[]) AND exclusive ORDER BY title_id, id`,
      [sampleIds.slice(0, signCount)],
    );
    const conflictSpecs = conflicting.rows;
    const conflictDeals = await prepareProposedDeals(
      pool,
      loaded,
      conflictSpecs.map((c) => c.title_id),
      (i) => {
        const c = conflictSpecs[i]!;
        return { territories: c.territories, mediaRights: c.media_rights, start: c.start, end: c.end, name: `Bench conflict ${i}` };
      },
    );
    const appRefused = async (i: number) => {
      const deal = conflictDeals[i % conflictDeals.length] as PreparedDeal;
      const r = await signDeal(partnerActor, deal.dealId);
      if (r.ok || r.reason !== "RIGHTS_CONFLICT") throw new Error(`signDeal was expected to refuse: ${JSON.stringify(r).slice(0, 300)}`);
    };
    const rawRefused = async (i: number) => {
      const deal = conflictDeals[i % conflictDeals.length] as PreparedDeal;
      const spec = conflictSpecs[i % conflictDeals.length]!;
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        await client.query(INSERT_SLICES, [
          deal.grantId,
          deal.dealId,
          deal.titleId,
          [...expandTerritories(spec.territories)],
          [...expandMediaRights(spec.media_rights)],
          spec.start,
          spec.end,
          true,
        ]);
        throw new Error("(c') the raw INSERT of conflicting rows was accepted");
      } catch (error) {
        if ((error as { code?: string }).code !== "23P01") throw error;
      } finally {
        await client.query("ROLLBACK");
        client.release();
      }
    };
    const conflictCells = conflictSpecs[0]
      ? expandTerritories(conflictSpecs[0].territories).size * expandMediaRights(conflictSpecs[0].media_rights).size
      : 0;
    await pair("(c') signature refused: conflict", appRefused, rawRefused, {
      runs: options.signs,
      warmup: options.warmup,
      rowsShown: `~${conflictCells} slices`,
    });

    // (c'') a package deal: DEAL_GRANTS grants on as many titles, each WORLDWIDE × TV+DIGITAL --
    if (options["deal-signs"] > 0) {
      const dealWarmup = Math.min(2, options.warmup);
      const dealCount = options["deal-signs"] + dealWarmup;
      const titlesNeeded = dealCount * DEAL_GRANTS;
      if (titlesNeeded > options.titles) throw new Error(`--deal-signs needs ${titlesNeeded} titles; raise --titles`);
      const packageTitles = await pool.query<{ id: string }>(
        `SELECT ${titleIdSql("t")} AS id FROM unnest($1::int[]) WITH ORDINALITY AS u(t, n) ORDER BY n`,
        [sampleTitles(titlesNeeded, options.titles)],
      );
      const groups = Array.from({ length: dealCount }, (_, d) =>
        packageTitles.rows.slice(d * DEAL_GRANTS, (d + 1) * DEAL_GRANTS).map((r) => r.id),
      );
      const packageDeals = await preparePackageDeals(pool, loaded, groups, { ...DEAL_SCOPE, ...DEAL_WINDOW });
      const dealScope = {
        countries: [...expandTerritories(DEAL_SCOPE.territories)],
        media: [...expandMediaRights(DEAL_SCOPE.mediaRights)],
      };
      const perDeal = DEAL_GRANTS * dealScope.countries.length * dealScope.media.length;
      const appPackage = async (i: number) => {
        const deal = packageDeals[i]!;
        const r = await signDeal(partnerActor, deal.dealId);
        if (!r.ok || r.value.status !== "SIGNED") throw new Error(`signDeal did not sign the package: ${JSON.stringify(r).slice(0, 300)}`);
      };
      // The same rows (one lane per grant) in one INSERT, rolled back, in a window no run commits.
      const rawPackage = async (i: number) => {
        const deal = packageDeals[i]!;
        const client = await pool.connect();
        try {
          await client.query("BEGIN");
          await client.query(INSERT_PACKAGE_SLICES, [
            deal.grants.map((g) => g.grantId),
            deal.grants.map((g) => g.titleId),
            deal.dealId,
            dealScope.countries,
            dealScope.media,
            RAW_DEAL_WINDOW.start,
            RAW_DEAL_WINDOW.end,
          ]);
        } finally {
          await client.query("ROLLBACK");
          client.release();
        }
      };
      await pair(`(c'') signature: ${DEAL_GRANTS}-grant deal, accepted`, appPackage, rawPackage, {
        runs: options["deal-signs"],
        warmup: dealWarmup,
        rowsShown: `${formatCount(perDeal)} slices`,
      });
      const written = await pool.query<{ slices: number }>(
        `SELECT count(*)::int AS slices FROM grant_slice WHERE deal_id = ANY($1::uuid[])`,
        [packageDeals.map((d) => d.dealId)],
      );
      if (written.rows[0]?.slices !== perDeal * dealCount) {
        throw new Error(`(c'') expected ${perDeal * dealCount} slices of the package deals, found ${written.rows[0]?.slices}`);
      }
    }

    // (e) every title of the studio × one country × one media (the studio-wide avails view) --
    if (options["studio-runs"] > 0) {
      const studioQuery = availsQuerySchema.parse({ territories: "TH", mediaRights: "SVOD", ...QUERY, exclusive: "true" });
      const appStudio = async () => {
        const r = await queryAvails(studioActor, studioQuery);
        if (!r.ok) throw new Error(`queryAvails refused: ${r.message}`);
        return r.value.items;
      };
      const rawStudio = async () =>
        (
          await pool.query<SliceRow & { title_id: string }>(
            `SELECT t.id AS title_id, s.deal_id, s.grant_id, s.country, s.media, s.start, s."end", s.exclusive, s.holdback
             FROM title t JOIN grant_slice s ON s.title_id = t.id AND s.country = $2 AND s.media = $3
               AND s.start <= $5::date AND s."end" >= $4::date AND (s.exclusive OR $6)
             WHERE t.studio_id = $1 AND t.archived_at IS NULL`,
            [loaded.studioId, "TH", "SVOD", QUERY.start, QUERY.end, true],
          )
        ).rows;
      const items = await appStudio();
      const fromApp = new Map(
        items.filter((x) => x.status === "BLOCKED").map((x) => [`${x.titleId}|${x.territory}|${x.mediaRight}`, x.blockers?.length ?? 0]),
      );
      const fromRaw = new Map<string, number>();
      for (const r of await rawStudio()) {
        const key = `${r.title_id}|${r.country.trim()}|${r.media}`;
        fromRaw.set(key, (fromRaw.get(key) ?? 0) + 1);
      }
      if (items.length !== options.titles || !sameBlocked(fromApp, fromRaw)) throw new Error("(e) queryAvails and the raw SQL disagree");
      await pair("(e) avails: all titles of the studio × TH × SVOD", appStudio, rawStudio, {
        runs: options["studio-runs"],
        warmup: Math.min(1, options.warmup),
        rowsShown: `${formatCount(items.length)} cells (${formatCount(fromApp.size)} blocked)`,
      });
    }

    // (d) API throughput: the avails route handler beside trivial handlers -------------------
    const key = await createApiKey(studioActor, { name: "bench" });
    if (!key.ok) throw new Error(`cannot create an API key: ${key.message}`);
    const headers = { authorization: `Bearer ${key.value.key}` };
    const availsPath = (i: number) =>
      `/api/v1/avails?titleId=${sampleIds[i % sampleIds.length]}&territories=SEA&mediaRights=TV,DIGITAL&start=${QUERY.start}&end=${QUERY.end}&exclusive=true`;
    type Handler = (req: InstanceType<typeof NextRequest>, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
    const call = (handler: Handler, path: string, auth: boolean) => async () => {
      const res = await handler(new NextRequest(new URL(path, "http://localhost:3000"), { headers: auth ? headers : {} }), {
        params: Promise.resolve({}),
      });
      const text = await res.text();
      if (res.status !== 200) throw new Error(`${path} answered ${res.status}: ${text.slice(0, 300)}`);
      return text;
    };
    const endpoints = [
      {
        name: "GET /api/v1/genres (no auth, no database)",
        fn: (_i: number) => call(genresRoute.GET as Handler, "/api/v1/genres", false)(),
      },
      { name: "GET /api/v1/me (API key check only)", fn: (_i: number) => call(meRoute.GET as Handler, "/api/v1/me", true)() },
      {
        name: "GET /api/v1/avails (1 title × SEA × TV+DIGITAL)",
        fn: (i: number) => call(availsRoute.GET as Handler, availsPath(i), true)(),
      },
    ];
    // Check each answers 200 (and the avails its 66 cells) before timing.
    const first = JSON.parse(await endpoints[2]!.fn(0)) as { items: unknown[] };
    const availsCells = expandTerritories(["SEA"]).size * expandMediaRights(["TV", "DIGITAL"]).size;
    if (first.items.length !== availsCells) throw new Error(`avails route answered ${first.items.length} cells, expected ${availsCells}`);
    for (const e of endpoints) for (let i = 0; i < options.warmup; i++) await e.fn(i);
    let firstError: unknown = null;
    const phase = (e: (typeof endpoints)[number]) =>
      runThroughput(
        async (i) => {
          try {
            await e.fn(i);
            return true;
          } catch (error) {
            firstError ??= error;
            return false;
          }
        },
        { concurrency: options.concurrency, durationMs: (options.seconds * 1000) / 2 },
      );
    // A B C C B A: drift in load hits every endpoint alike.
    const halves = new Map<string, ThroughputResult[]>(endpoints.map((e) => [e.name, []]));
    for (const e of [...endpoints, ...[...endpoints].reverse()]) halves.get(e.name)!.push(await phase(e));
    if (firstError) console.error("first failed request:", firstError);
    const tput = endpoints.map((e) => ({ name: e.name, r: mergeThroughput(halves.get(e.name)!) }));
    const baseRps = perSecond(tput[0]!.r);
    const meRps = perSecond(tput[1]!.r);
    const tputRows = tput.map(({ name, r }) => {
      const s = summarize(r.latencies);
      const rps = perSecond(r);
      return [
        name,
        formatCount(r.requests),
        formatCount(r.errors),
        rps.toFixed(0),
        formatMs(s.p50),
        formatMs(s.p95),
        ratio(baseRps, rps),
        ratio(meRps, rps),
      ];
    });

    // ---- report ------------------------------------------------------------------------------
    console.log(
      `\nAvails benchmark: ${formatCount(options.titles)} titles, ${formatCount(loaded.slices)} grant_slice rows ` +
        `(${formatCount(loaded.grants)} grants in ${formatCount(loaded.deals)} SIGNED deals; ~${loaded.grantsPerTitle} grants per title on average, ` +
        `${formatCount(Math.round(loaded.slices / options.titles))} slices per title on average, at most ${formatCount(loaded.maxSlicesPerTitle)})`,
    );
    console.log(
      `PostgreSQL ${database.serverVersion} at ${database.server}, database ${database.name} (${options.keep ? "kept" : "dropped at the end"}); ` +
        `grant_slice ${loaded.sizes.table} + indexes ${loaded.sizes.indexes}`,
    );
    console.log(
      `setup: migrate + load + VACUUM ANALYZE ${formatSeconds(setupMs)} (load ${formatSeconds(loaded.insertMs)}, exclusion constraint in place)` +
        `${options.explain ? "; --explain: Prisma query logging on" : ""}`,
    );
    console.log(
      `questions: window ${QUERY.start}..${QUERY.end}, exclusive, asked as the licensor (blockers included); ` +
        `${options.runs} timed runs per query (signatures: ${options.signs}; studio-wide: ${options["studio-runs"]}) after ${options.warmup} warm-up runs ` +
        "(studio-wide: 1), a different title each run\n",
    );
    console.log(
      "latency in ms per call; app = queryAvails() / signDeal() through Prisma; raw = the baseline SQL on pg; ratio = app / raw\n",
    );
    printTable(
      [
        { header: "measurement" },
        { header: "answer", align: "right" },
        { header: "app p50", align: "right" },
        { header: "p95", align: "right" },
        { header: "p99", align: "right" },
        { header: "raw p50", align: "right" },
        { header: "p95", align: "right" },
        { header: "p99", align: "right" },
        { header: "ratio p50", align: "right" },
        { header: "p95", align: "right" },
      ],
      rows,
    );
    console.log(
      `\n(d) route handlers called in-process, ${options.concurrency} concurrent callers, ${options.seconds} s each (two halves, A B C C B A); ` +
        "cost = the baseline's req/s ÷ this one's\n",
    );
    printTable(
      [
        { header: "handler" },
        { header: "requests", align: "right" },
        { header: "errors", align: "right" },
        { header: "req/s", align: "right" },
        { header: "p50 ms", align: "right" },
        { header: "p95 ms", align: "right" },
        { header: "cost vs genres", align: "right" },
        { header: "vs me", align: "right" },
      ],
      tputRows,
    );
    console.log(`\nwall time ${formatSeconds(msSince(started))}; memory ${formatMemory(memory())}`);
    for (const plan of plans) console.log(plan);
  } finally {
    await Promise.allSettled([pool.end(), db.$disconnect()]);
  }
}

function rawCellParams(c: { id: string; cell: { country: string; media: string } }): unknown[] {
  return [c.id, c.cell.country, c.cell.media, QUERY.start, QUERY.end, true];
}

type PreparedDeal = { dealId: string; grantId: string; titleId: string };

/**
 * PROPOSED deals of the studio with the bench partner, already signed by the licensor (so the
 * partner's signature completes them), one grant each on the given titles. Written in SQL: how
 * the deal was drafted is not what is measured.
 */
async function prepareProposedDeals(
  pool: pg.Pool,
  loaded: Loaded,
  titleIds: string[],
  scopeOf: (i: number) => { territories: string[]; mediaRights: string[]; start: string; end: string; name: string },
): Promise<PreparedDeal[]> {
  if (titleIds.length === 0) return [];
  const scopes = titleIds.map((_, i) => scopeOf(i));
  const { rows } = await pool.query<{ deal_id: string; grant_id: string; title_id: string; i: number }>(
    `WITH src AS (
       SELECT i, title_id, name, territories, media_rights, start, "end", gen_random_uuid() AS deal_id, gen_random_uuid() AS grant_id
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::date[], $6::date[]) WITH ORDINALITY
            AS u(title_id, name, territories, media_rights, start, "end", i)
     ),
     deals AS (
       INSERT INTO deal (id, name, licensor_id, licensee_id, drafter_id, currency, status, mg_minor, proposed_at,
                         licensor_signed_at, licensor_signed_by, awaiting_org_id, updated_at)
       SELECT deal_id, name, $7, $8, $7, 'USD', 'PROPOSED', 10000000, now(), now(), $9, $8, now() FROM src
     ),
     grants AS (
       INSERT INTO "grant" (id, deal_id, title_id, territories, excluded_territories, media_rights, languages, start, "end", exclusive)
       SELECT grant_id, deal_id, title_id, string_to_array(territories, ','), '{}', string_to_array(media_rights, ','), '{}', start, "end", true FROM src
     )
     SELECT deal_id, grant_id, title_id, i::int FROM src ORDER BY i`,
    [
      titleIds,
      scopes.map((s) => s.name),
      scopes.map((s) => s.territories.join(",")),
      scopes.map((s) => s.mediaRights.join(",")),
      scopes.map((s) => s.start),
      scopes.map((s) => s.end),
      loaded.studioId,
      loaded.partnerId,
      loaded.userId,
    ],
  );
  return rows.map((r) => ({ dealId: r.deal_id, grantId: r.grant_id, titleId: r.title_id }));
}

type PackageDeal = { dealId: string; grants: { grantId: string; titleId: string }[] };

/** PROPOSED package deals (licensor signed), one exclusive grant per title of each group, same scope and window. */
async function preparePackageDeals(
  pool: pg.Pool,
  loaded: Loaded,
  groups: string[][],
  scope: { territories: string[]; mediaRights: string[]; start: string; end: string },
): Promise<PackageDeal[]> {
  const deals: PackageDeal[] = [];
  for (const [d, titleIds] of groups.entries()) {
    const { rows } = await pool.query<{ deal_id: string; grant_id: string; title_id: string }>(
      `WITH deal AS (
         INSERT INTO deal (id, name, licensor_id, licensee_id, drafter_id, currency, status, mg_minor, proposed_at,
                           licensor_signed_at, licensor_signed_by, awaiting_org_id, updated_at)
         VALUES (gen_random_uuid(), $1, $2, $3, $2, 'USD', 'PROPOSED', 10000000, now(), now(), $4, $3, now()) RETURNING id
       )
       INSERT INTO "grant" (id, deal_id, title_id, territories, excluded_territories, media_rights, languages, start, "end", exclusive, created_at)
       SELECT gen_random_uuid(), deal.id, u.title_id, $6::varchar[], '{}', $7::varchar[], '{}', $8::date, $9::date, true,
              now() + u.n * interval '1 millisecond'
       FROM deal, unnest($5::uuid[]) WITH ORDINALITY AS u(title_id, n)
       RETURNING deal_id, id AS grant_id, title_id`,
      [
        `Bench package ${d}`,
        loaded.studioId,
        loaded.partnerId,
        loaded.userId,
        titleIds,
        scope.territories,
        scope.mediaRights,
        scope.start,
        scope.end,
      ],
    );
    deals.push({ dealId: rows[0]!.deal_id, grants: rows.map((r) => ({ grantId: r.grant_id, titleId: r.title_id })) });
  }
  return deals;
}

/** EXPLAIN ANALYZE of the SQL queryAvails sent (captured from Prisma's query log) and of the baseline. */
async function explain(
  pool: pg.Pool,
  name: string,
  call: () => Promise<unknown>,
  captured: CapturedQuery[],
  raw: string,
  rawParams: unknown[],
): Promise<string> {
  captured.length = 0;
  await call();
  const out = [`\n==== ${name} ====`];
  const plan = async (label: string, sql: string, params: unknown[]) => {
    const { rows } = await pool.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
    out.push(`-- ${label}\n${sql}\n-- params ${JSON.stringify(params)}\n${rows.map((r) => r["QUERY PLAN"]).join("\n")}`);
  };
  for (const [i, q] of captured.entries()) await plan(`queryAvails query ${i + 1} (Prisma)`, q.query, JSON.parse(q.params) as unknown[]);
  await plan("raw", raw, rawParams);
  return out.join("\n");
}

function main(): void {
  const started = process.hrtime.bigint();
  withBenchDatabase((database) => run(database, started), { keep: options.keep }).then(
    () => process.exit(0),
    (error: unknown) => {
      console.error("bench:avails failed:", error);
      process.exit(1);
    },
  );
}

main();
