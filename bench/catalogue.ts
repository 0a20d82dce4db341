/**
 * `npm run bench:catalogue [-- --titles 20000 --runs 200 --warmup 20 --explain]`
 *
 * Catalogue list/search latency at scale: creates a throw-away database, migrates it,
 * bulk-inserts N titles across three studios (plus every title's ORIGINAL version and some
 * INTERNATIONAL ones), then times the catalogue list as the API and UI run it — `listTitles()`,
 * i.e. Prisma's findMany and count in parallel — against the same query hand-written in SQL on
 * `pg` (the baseline), alternating the two in the same run. Prints p50/p95/p99 per query, the
 * ratio listTitles/raw, wall time and memory. `--explain` adds EXPLAIN ANALYZE of the SQL Prisma
 * generated and of the baseline. The database is dropped at the end, also on error or Ctrl-C.
 * See bench/README.md for how to read the figures.
 */
import pg from "pg";
import { benchOptions } from "./lib/args";
import { type BenchDatabase, withBenchDatabase } from "./lib/database";
import { intBetween, pick, pickSome, rng, uuidv7, weighted } from "./lib/random";
import { ratio, summarize } from "./lib/stats";
import { formatCount, printTable } from "./lib/table";
import { formatMemory, formatMs, formatSeconds, measurePair, memory, msSince, timed } from "./lib/timing";

const options = benchOptions({
  titles: { type: "int", default: 20_000, min: 100 },
  runs: { type: "int", default: 200, min: 1 },
  warmup: { type: "int", default: 20, min: 0 },
  explain: { type: "flag" },
  keep: { type: "flag" },
});

// ---- data ------------------------------------------------------------------------------------

type Studio = { key: string; name: string; homeCountry: string; language: "zh" | "ko" | "en"; share: number };
const STUDIOS: Studio[] = [
  { key: "cn", name: "Jade Mountain Pictures", homeCountry: "CN", language: "zh", share: 45 },
  { key: "kr", name: "Hanbit Story Studios", homeCountry: "KR", language: "ko", share: 35 },
  { key: "gb", name: "Northlight Pictures", homeCountry: "GB", language: "en", share: 20 },
];
const PARTNER = { name: "Siam Screen Distribution", homeCountry: "TH" };

type Words = readonly [en: string, zh: string, ko: string];
/** "Dragon/龙/용; Sword/剑/검" → [["Dragon", "龙", "용"], ["Sword", "剑", "검"]]. */
const words = (list: string): Words[] =>
  list.split(";").map((entry) => {
    const [en = "", zh = "", ko = ""] = entry.trim().split("/");
    return [en, zh, ko] as const;
  });
/** Words titles are made of, in English, Simplified Chinese and Korean (so translations agree). */
const WORDS: readonly Words[] = words(`
  Dragon/龙/용; Sword/剑/검; Moon/月/달; Star/星/별; River/河/강; Mountain/山/산; Lantern/灯笼/등불; Phoenix/凤凰/봉황; Tiger/虎/호랑이;
  Shadow/影/그림자; Ghost/鬼/유령; Detective/神探/탐정; Witness/证人/증인; Empress/女帝/여제; General/将军/장군; Assassin/刺客/자객;
  Scholar/书生/선비; Heir/继承人/후계자; Ocean/海/바다; Snow/雪/눈; Rain/雨/비; Wind/风/바람; Fire/火/불; Bridge/桥/다리; Harbour/港/항구;
  Palace/宫/궁; Kingdom/王国/왕국; Island/岛/섬; Garden/花园/정원; Letter/信/편지; Promise/约定/약속; Secret/秘密/비밀; Memory/记忆/기억;
  Dream/梦/꿈; Song/歌/노래; Dance/舞/춤; Chef/厨师/요리사; Doctor/医生/의사; Lawyer/律师/변호사; Hunter/猎人/사냥꾼; Thief/盗贼/도둑;
  Spy/间谍/스파이; Pilot/飞行员/조종사; Robot/机器人/로봇; Planet/星球/행성; Galaxy/星河/은하; Orbit/轨道/궤도; Signal/信号/신호; Train/列车/열차;
  Highway/公路/고속도로; Village/村庄/마을; City/城市/도시; Night/夜/밤; Dawn/黎明/새벽; Spring/春天/봄; Winter/冬天/겨울; Summer/夏天/여름;
  Autumn/秋天/가을; Blade/刃/칼날; Jade/玉/옥; Crane/鹤/학; Fox/狐/여우; Wolf/狼/늑대; Cat/猫/고양이; Emperor/皇帝/황제; Prince/王子/왕자;
  Princess/公主/공주; Monk/僧人/승려; Warrior/武士/전사; Healer/医者/치유사; Sorcerer/术士/술사; Immortal/仙人/신선; Demon/妖/요괴;
  Clan/家族/가문; Sect/宗门/문파; Temple/寺/사찰; Tower/塔/탑; Gate/门/문; Mirror/镜/거울; Storm/风暴/폭풍; Thunder/雷/천둥; Cloud/云/구름;
  Lotus/莲/연꽃; Pearl/珍珠/진주; Silk/丝绸/비단; Tea/茶/차; Ink/墨/먹; Bell/钟/종; Compass/罗盘/나침반; Map/地图/지도; Crown/王冠/왕관;
  Oath/誓言/맹세
`);
const CITIES: readonly Words[] = words(`
  Shanghai/上海/상하이; Seoul/首尔/서울; Busan/釜山/부산; Chang'an/长安/장안; Hong Kong/香港/홍콩; Bangkok/曼谷/방콕; Jeju/济州/제주;
  Macau/澳门/마카오; Harbin/哈尔滨/하얼빈; Incheon/仁川/인천; London/伦敦/런던; Chongqing/重庆/충칭
`);
const PATTERNS: readonly ((a: Words, b: Words, c: Words) => Words)[] = [
  (a, b) => [`The ${a[0]} of ${b[0]}`, `${b[1]}之${a[1]}`, `${b[2]}의 ${a[2]}`],
  (a, b) => [`${a[0]} and ${b[0]}`, `${a[1]}与${b[1]}`, `${a[2]}, 그리고 ${b[2]}`],
  (a) => [`The Last ${a[0]}`, `最后的${a[1]}`, `마지막 ${a[2]}`],
  (a) => [`Return of the ${a[0]}`, `${a[1]}归来`, `${a[2]}의 귀환`],
  (a, _b, c) => [`${a[0]} in ${c[0]}`, `${c[1]}${a[1]}`, `${c[2]}의 ${a[2]}`],
  (a, b) => [`${a[0]} ${b[0]}`, `${a[1]}${b[1]}`, `${a[2]} ${b[2]}`],
  (a) => [`Chronicles of the ${a[0]}`, `${a[1]}传`, `${a[2]}전`],
  (a) => [`My ${a[0]}`, `我的${a[1]}`, `나의 ${a[2]}`],
  (a, _b, c) => [`${c[0]} ${a[0]}`, `${c[1]}${a[1]}`, `${c[2]} ${a[2]}`],
];
/** The `q` of the search query: one word of WORDS, so it matches about 1.5% of titles. */
const SEARCH_WORD = "lantern";

const KINDS = [
  ["FILM", 40],
  ["SERIES", 25],
  ["ANIMATION", 10],
  ["GAME", 8],
  ["FORMAT", 7],
  ["MUSIC", 5],
  ["PUBLISHING", 5],
] as const;
const STORY_GENRES = [
  "XIANXIA",
  "WUXIA",
  "CRIME",
  "ACTION_ADVENTURE",
  "FANTASY",
  "ROMANCE",
  "SCI_FI",
  "COMEDY",
  "DRAMA",
  "THRILLER",
  "MYSTERY",
  "HORROR",
  "HISTORICAL",
  "WAR",
  "FAMILY",
  "SPORTS",
] as const;
const GAME_GENRES = ["MOBILE_ACTION_RPG", "SANDBOX_SHOOTER", "STRATEGY", "PUZZLE"] as const;
const ROLES = [
  "retired detective",
  "young swordswoman",
  "night-shift nurse",
  "disgraced prince",
  "street chef",
  "rookie pilot",
  "village teacher",
  "con artist",
];
const GOALS = [
  "hunts a killer",
  "protects a secret",
  "searches for a lost sister",
  "runs for office",
  "opens a restaurant",
  "guards a sacred relic",
  "wins a tournament",
];

type TitleRow = {
  id: string;
  studioId: string;
  kind: string;
  originalTitle: string;
  titleEn: string;
  titleZh: string;
  language: string;
  genres: string;
  year: number;
  runtime: number | null;
  episodes: number | null;
  synopsis: string;
  visibility: string;
  archived: boolean;
  createdAt: Date;
};

function makeTitle(random: () => number, studio: Studio & { id: string }, createdMs: number): TitleRow {
  const pattern = pick(random, PATTERNS);
  let [en, zh, ko] = pattern(pick(random, WORDS), pick(random, WORDS), pick(random, CITIES));
  if (random() < 0.08) {
    const n = intBetween(random, 2, 4);
    [en, zh, ko] = [`${en} ${n}`, `${zh}${n}`, `${ko} ${n}`];
  }
  const kind = weighted(random, KINDS);
  const genres: string[] =
    kind === "GAME"
      ? [...pickSome(random, GAME_GENRES, 1), ...pickSome(random, STORY_GENRES, 1)]
      : pickSome(random, STORY_GENRES, intBetween(random, 1, 3));
  const original = studio.language === "zh" ? zh : studio.language === "ko" ? ko : en;
  return {
    id: uuidv7(createdMs),
    studioId: studio.id,
    kind,
    originalTitle: original,
    titleEn: en,
    titleZh: zh,
    language: studio.language,
    genres: genres.join(","),
    year: intBetween(random, 1985, 2026),
    runtime: kind === "FILM" || kind === "ANIMATION" ? intBetween(random, 78, 165) : kind === "MUSIC" ? intBetween(random, 30, 75) : null,
    episodes: kind === "SERIES" || kind === "FORMAT" ? intBetween(random, 6, 60) : null,
    synopsis: `A ${pick(random, ROLES)} ${pick(random, GOALS)} in ${pick(random, CITIES)[0]}, and nothing goes to plan.`,
    visibility: random() < 0.8 ? "LISTED" : "PRIVATE",
    archived: random() < 0.03,
    createdAt: new Date(createdMs),
  };
}

const BATCH = 2_000;

async function insertCatalogue(pool: pg.Pool, total: number) {
  const random = rng(20_000);
  const now = Date.now();
  const orgs = await pool.query<{ id: string; name: string }>(
    `INSERT INTO organization (id, name, kind, home_country, updated_at)
     SELECT * FROM unnest($1::uuid[], $2::varchar[], $3::org_kind[], $4::char(2)[], $5::timestamptz[]) RETURNING id, name`,
    [
      [...STUDIOS.map(() => uuidv7()), uuidv7()],
      [...STUDIOS.map((s) => s.name), PARTNER.name],
      [...STUDIOS.map(() => "STUDIO"), "PARTNER"],
      [...STUDIOS.map((s) => s.homeCountry), PARTNER.homeCountry],
      [...STUDIOS.map(() => new Date()), new Date()],
    ],
  );
  const idOf = (name: string) => orgs.rows.find((r) => r.name === name)?.id as string;
  const studios = STUDIOS.map((s) => ({ ...s, id: idOf(s.name) }));
  const perStudio = new Map<string, number>();

  for (let start = 0; start < total; start += BATCH) {
    const rows: TitleRow[] = [];
    for (let i = start; i < Math.min(total, start + BATCH); i++) {
      const studio = weighted(
        random,
        studios.map((s) => [s, s.share] as const),
      );
      perStudio.set(studio.id, (perStudio.get(studio.id) ?? 0) + 1);
      // Creation times spread over the last two years, like a catalogue built up over time.
      rows.push(makeTitle(random, studio, now - Math.floor(((total - i) / total) * 730 * 86_400_000)));
    }
    const col = <K extends keyof TitleRow>(k: K) => rows.map((r) => r[k]);
    await pool.query(
      `INSERT INTO title (id, studio_id, kind, original_title, title_en, title_zh, original_language, genres, year, runtime_minutes,
         episode_count, synopsis, visibility, archived_at, created_at, updated_at)
       SELECT id, studio_id, kind, original_title, title_en, title_zh, lang, string_to_array(genres, ',')::varchar(40)[], year, runtime,
         episodes, synopsis, visibility, CASE WHEN archived THEN now() END, created, created
       FROM unnest($1::uuid[], $2::uuid[], $3::title_kind[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::int[],
         $10::int[], $11::int[], $12::text[], $13::title_visibility[], $14::bool[], $15::timestamptz[])
         AS u(id, studio_id, kind, original_title, title_en, title_zh, lang, genres, year, runtime, episodes, synopsis, visibility, archived, created)`,
      [
        col("id"),
        col("studioId"),
        col("kind"),
        col("originalTitle"),
        col("titleEn"),
        col("titleZh"),
        col("language"),
        col("genres"),
        col("year"),
        col("runtime"),
        col("episodes"),
        col("synopsis"),
        col("visibility"),
        col("archived"),
        col("createdAt"),
      ],
    );
  }
  // Every title has its ORIGINAL version; about one in ten an INTERNATIONAL one derived from it.
  await pool.query(
    `INSERT INTO version (id, title_id, kind, name, territories, audio_languages, subtitle_languages, runtime_minutes, status, updated_at)
     SELECT gen_random_uuid(), id, 'ORIGINAL', 'Original', ARRAY['WORLDWIDE'], ARRAY[original_language], '{}', runtime_minutes, 'DELIVERED', now()
     FROM title`,
  );
  await pool.query(
    `INSERT INTO version (id, title_id, kind, name, derived_from_id, territories, audio_languages, subtitle_languages, runtime_minutes, status, updated_at)
     SELECT gen_random_uuid(), v.title_id, 'INTERNATIONAL', 'Thai theatrical cut', v.id, ARRAY['TH'], ARRAY['th'], ARRAY['en'], v.runtime_minutes, 'DELIVERED', now()
     FROM version v JOIN title t ON t.id = v.title_id
     WHERE v.kind = 'ORIGINAL' AND abs(hashtext(t.original_title || t.year || t.kind)) % 10 = 0`,
  );
  await pool.query("VACUUM ANALYZE");
  const versions = await pool.query<{ n: number }>("SELECT count(*)::int AS n FROM version");
  return { studios, partnerId: idOf(PARTNER.name), perStudio, versions: versions.rows[0]?.n ?? 0 };
}

// ---- the baseline: listTitles' query written by hand ----------------------------------------

const LIST_COLUMNS = `t.id, t.studio_id, t.kind, t.original_title, t.title_en, t.title_zh, t.original_language, t.genres, t.year,
  t.runtime_minutes, t.episode_count, t.eidr, t.visibility, t.poster_file, t.archived_at, t.lock_version, t.created_at, t.updated_at,
  o.id AS studio__id, o.name AS studio__name, o.home_country AS studio__home_country,
  (SELECT count(*)::int FROM version v WHERE v.title_id = t.id) AS version_count`;

type RawQuery = { where: string; params: unknown[]; after?: { v: string; id: string } };

/** The page (limit + 1 rows, like listTitles) and the total, in parallel on two connections. */
async function rawList(pool: pg.Pool, q: RawQuery, limit: number) {
  const params = [...q.params];
  let keyset = "";
  if (q.after) {
    params.push(q.after.v, q.after.id);
    keyset = ` AND (t.original_title, t.id) > ($${params.length - 1}, $${params.length})`;
  }
  const [rows, count] = await Promise.all([
    pool.query(
      `SELECT ${LIST_COLUMNS} FROM title t JOIN organization o ON o.id = t.studio_id
       WHERE ${q.where}${keyset} ORDER BY t.original_title ASC, t.id ASC LIMIT ${limit + 1}`,
      params,
    ),
    pool.query<{ total: number }>(`SELECT count(*)::int AS total FROM title t WHERE ${q.where}`, q.params),
  ]);
  return { ids: rows.rows.slice(0, limit).map((r: { id: string }) => r.id), total: count.rows[0]?.total ?? 0 };
}

function rawSql(q: RawQuery, limit: number): string[] {
  const keyset = q.after ? ` AND (t.original_title, t.id) > ($${q.params.length + 1}, $${q.params.length + 2})` : "";
  return [
    `SELECT ${LIST_COLUMNS} FROM title t JOIN organization o ON o.id = t.studio_id WHERE ${q.where}${keyset} ORDER BY t.original_title ASC, t.id ASC LIMIT ${limit + 1}`,
    `SELECT count(*)::int AS total FROM title t WHERE ${q.where}`,
  ];
}

// ---- main ------------------------------------------------------------------------------------

type CapturedQuery = { query: string; params: string };

async function run(database: BenchDatabase, started: bigint) {
  const setupStart = process.hrtime.bigint();
  process.env.DATABASE_URL = database.url;
  // With --explain the app's client logs its SQL so it can be EXPLAINed; installed before
  // lib/db/client loads, which then reuses it (its dev-reload singleton).
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
  const { listTitles } = await import("@/lib/catalogue/queries");
  const { titleListQuerySchema } = await import("@/lib/catalogue/schema");
  const { createActor } = await import("@/lib/auth/actor");
  const { encodeCursor } = await import("@/lib/api/pagination");
  const { db } = await import("@/lib/db/client");

  // The same pool size as the app's client (lib/db/client.ts), so both sides can run the page
  // and the count on two connections at once.
  const pool = new pg.Pool({ connectionString: database.url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
  try {
    const inserted = await timed(() => insertCatalogue(pool, options.titles));
    const { studios, partnerId, perStudio, versions } = inserted.value;
    const setupMs = msSince(setupStart);
    const main = studios[0] as (typeof studios)[number];
    const studioActor = createActor({
      userId: null,
      apiKeyId: null,
      role: "OWNER",
      requestId: "bench",
      org: { id: main.id, name: main.name, kind: "STUDIO", homeCountry: main.homeCountry },
    });
    const partnerActor = createActor({
      userId: null,
      apiKeyId: null,
      role: "MEMBER",
      requestId: "bench",
      org: { id: partnerId, name: PARTNER.name, kind: "PARTNER", homeCountry: PARTNER.homeCountry },
    });

    const own = "t.studio_id = $1 AND t.archived_at IS NULL";
    const ownCount = (await rawList(pool, { where: own, params: [main.id] }, 1)).total;
    const deepOffset = Math.floor(ownCount * 0.6);
    const deep = await pool.query<{ original_title: string; id: string }>(
      `SELECT original_title, id FROM title t WHERE ${own} ORDER BY original_title, id OFFSET $2 LIMIT 1`,
      [main.id, deepOffset],
    );
    const after = { v: deep.rows[0]?.original_title ?? "", id: deep.rows[0]?.id ?? "" };
    const limit = 50;

    const scenarios: { name: string; actor: typeof studioActor; query: Record<string, string>; raw: RawQuery }[] = [
      { name: "(a) studio first page, by title", actor: studioActor, query: {}, raw: { where: own, params: [main.id] } },
      {
        name: `(b) studio deep page (keyset, row ${formatCount(deepOffset)})`,
        actor: studioActor,
        query: { cursor: encodeCursor(after) },
        raw: { where: own, params: [main.id], after },
      },
      {
        name: `(c) studio search q="${SEARCH_WORD}"`,
        actor: studioActor,
        query: { q: SEARCH_WORD },
        raw: {
          where: `${own} AND (t.original_title ILIKE $2 OR t.title_en ILIKE $2 OR t.title_zh ILIKE $2)`,
          params: [main.id, `%${SEARCH_WORD}%`],
        },
      },
      {
        name: "(d) studio genre=CRIME + kind=SERIES",
        actor: studioActor,
        query: { genre: "CRIME", kind: "SERIES" },
        raw: { where: `${own} AND t.kind = 'SERIES' AND t.genres @> ARRAY[$2]::varchar[]`, params: [main.id, "CRIME"] },
      },
      {
        name: "(e) partner marketplace first page",
        actor: partnerActor,
        query: {},
        raw: { where: "t.visibility = 'LISTED' AND t.archived_at IS NULL", params: [] },
      },
    ];

    const results: string[][] = [];
    const plans: string[] = [];
    for (const s of scenarios) {
      const query = titleListQuerySchema.parse({ ...s.query, limit: String(limit) });
      const viaApp = () => listTitles(s.actor, query);
      const viaSql = () => rawList(pool, s.raw, limit);
      // Both sides must answer the same page and total, or the comparison means nothing.
      const [a, b] = [await viaApp(), await viaSql()];
      const appIds = a.items.map((i) => i.id);
      if (a.total !== b.total || appIds.join() !== b.ids.join()) {
        throw new Error(
          `${s.name}: listTitles and the raw SQL disagree (total ${a.total} vs ${b.total}, ${appIds.length} vs ${b.ids.length} rows)`,
        );
      }
      const samples = await measurePair(viaApp, viaSql, { runs: options.runs, warmup: options.warmup });
      const app = summarize(samples.candidate);
      const raw = summarize(samples.baseline);
      results.push([
        s.name,
        formatCount(appIds.length),
        formatCount(a.total),
        formatMs(app.p50),
        formatMs(app.p95),
        formatMs(app.p99),
        formatMs(raw.p50),
        formatMs(raw.p95),
        formatMs(raw.p99),
        ratio(app.p50, raw.p50),
        ratio(app.p95, raw.p95),
      ]);
      if (options.explain)
        plans.push(
          await explain(pool, s.name, () => viaApp(), captured, rawSql(s.raw, limit), [
            ...s.raw.params,
            ...(s.raw.after ? [s.raw.after.v, s.raw.after.id] : []),
          ]),
        );
    }

    const studioLine = studios.map((s) => `${s.name} ${formatCount(perStudio.get(s.id) ?? 0)}`).join(", ");
    console.log(
      `\nCatalogue benchmark: ${formatCount(options.titles)} titles, ${options.runs} timed runs per query after ${options.warmup} warm-up runs`,
    );
    console.log(
      `PostgreSQL ${database.serverVersion} at ${database.server}, database ${database.name} (${options.keep ? "kept" : "dropped at the end"})`,
    );
    console.log(`data: ${studioLine}; ${formatCount(versions)} versions; measured as ${main.name} (STUDIO) and ${PARTNER.name} (PARTNER)`);
    console.log(
      `setup: migrate + insert + VACUUM ANALYZE ${formatSeconds(setupMs)} (insert ${formatSeconds(inserted.ms)})${options.explain ? "; --explain: Prisma query logging on" : ""}\n`,
    );
    console.log(
      "latency in ms, per call; listTitles = findMany + count through Prisma; raw = the same two queries on pg; ratio = listTitles / raw\n",
    );
    printTable(
      [
        { header: "query" },
        { header: "rows", align: "right" },
        { header: "total", align: "right" },
        { header: "listTitles p50", align: "right" },
        { header: "p95", align: "right" },
        { header: "p99", align: "right" },
        { header: "raw p50", align: "right" },
        { header: "p95", align: "right" },
        { header: "p99", align: "right" },
        { header: "ratio p50", align: "right" },
        { header: "p95", align: "right" },
      ],
      results,
    );
    console.log(`\nwall time ${formatSeconds(msSince(started))}; memory ${formatMemory(memory())}`);
    for (const plan of plans) console.log(plan);
  } finally {
    await Promise.allSettled([pool.end(), db.$disconnect()]);
  }
}

/** EXPLAIN ANALYZE of the SQL listTitles sent (captured from Prisma's query log) and of the baseline. */
async function explain(
  pool: pg.Pool,
  name: string,
  call: () => Promise<unknown>,
  captured: CapturedQuery[],
  raw: string[],
  rawParams: unknown[],
): Promise<string> {
  captured.length = 0;
  await call();
  const out = [`\n==== ${name} ====`];
  const plan = async (label: string, sql: string, params: unknown[]) => {
    const { rows } = await pool.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
    out.push(`-- ${label}\n${sql}\n-- params ${JSON.stringify(params)}\n${rows.map((r) => r["QUERY PLAN"]).join("\n")}`);
  };
  for (const [i, q] of captured.entries()) await plan(`listTitles query ${i + 1} (Prisma)`, q.query, JSON.parse(q.params) as unknown[]);
  const countParams = rawParams.slice(0, rawParams.length - (raw[0]?.includes("(t.original_title, t.id) >") ? 2 : 0));
  await plan("raw page", raw[0] as string, rawParams);
  await plan("raw count", raw[1] as string, countParams);
  return out.join("\n");
}

function main(): void {
  const started = process.hrtime.bigint();
  withBenchDatabase((database) => run(database, started), { keep: options.keep }).then(
    () => process.exit(0),
    (error: unknown) => {
      console.error("bench:catalogue failed:", error);
      process.exit(1);
    },
  );
}

main();
