/**
 * `npm run bench:waterfall [-- --lines 100000 --runs 20 --warmup 3]`
 *
 * A revenue statement of N lines (goal ≤ 2 s): creates a throw-away database, a studio,
 * a partner and a signed deal through the app's own commands (20 titles × 10 countries × 5 leaf
 * media granted, so grant slices exist), three earlier quarterly statements, then times
 *  - parse: the API's zod schema over the JSON body (as the route does);
 *  - submit: `submitStatement` — every line checked against the deal's currency and grant slices,
 *    the overlap check, the lines inserted (INSERT … SELECT FROM unnest) and the audit entry, in one
 *    transaction;
 *  - waterfall: `loadDealWaterfall` — the deal's counting statements' stored sums through
 *    computeWaterfall, step by step (what the statement page and POST answer compute);
 *  - beside the baselines: the same lines inserted by hand on pg (one INSERT … unnest, rolled back),
 *    and `SELECT sum(gross_minor) FROM statement_line WHERE statement_id = $1` on pg.
 * Each submission is a new period (quarters then months), so the database grows as in real use.
 * The database is dropped at the end, also on error or Ctrl-C.
 */
import pg from "pg";
import { benchOptions } from "./lib/args";
import { type BenchDatabase, withBenchDatabase } from "./lib/database";
import { intBetween, pick, rng } from "./lib/random";
import { ratio, summarize } from "./lib/stats";
import { formatCount, printTable } from "./lib/table";
import { formatMemory, formatMs, formatSeconds, measurePair, memory, msSince, timed } from "./lib/timing";

const options = benchOptions({
  lines: { type: "int", default: 100_000, min: 1 },
  runs: { type: "int", default: 20, min: 1 },
  warmup: { type: "int", default: 3, min: 0 },
  submissions: { type: "int", default: 3, min: 1 },
  keep: { type: "flag" },
});

const COUNTRIES = ["TH", "VN", "MY", "ID", "PH", "SG", "BR", "MX", "AR", "CL"];
const MEDIA = ["SVOD", "TVOD", "AVOD", "EST", "FREE_TV"];
const REVENUE = ["STREAMING", "LICENSE_FEE", "ADVERTISING", "BOX_OFFICE", "OTHER"] as const;

async function run(database: BenchDatabase, started: bigint) {
  process.env.DATABASE_URL = database.url;
  const { db } = await import("@/lib/db/client");
  const { createActor } = await import("@/lib/auth/actor");
  const { createDeal } = await import("@/lib/deals/commands/draft");
  const { addGrant } = await import("@/lib/deals/commands/grants");
  const { proposeDeal, signDeal } = await import("@/lib/deals/commands/sign");
  const { submitStatement } = await import("@/lib/statements/commands/statements");
  const { submitStatementSchema } = await import("@/lib/statements/schema");
  const { loadDealWaterfall } = await import("@/lib/statements/queries");
  const { isLeafMediaRight } = await import("@/lib/reference/media-rights");
  const pool = new pg.Pool({ connectionString: database.url, max: 2 });
  try {
    const media = MEDIA.filter((m) => isLeafMediaRight(m));
    const setupStart = process.hrtime.bigint();
    const [studio, partner] = await Promise.all([
      db.organization.create({ data: { name: "Jade Mountain Pictures", kind: "STUDIO", homeCountry: "CN" } }),
      db.organization.create({ data: { name: "Siam Screen Distribution", kind: "PARTNER", homeCountry: "TH" } }),
    ]);
    // Verified addresses: signing a deal needs one.
    const [u1, u2] = await Promise.all(
      ["studio", "partner"].map((n) =>
        db.user.create({ data: { email: `${n}@bench.test`, name: n, passwordHash: "-", emailVerifiedAt: new Date() } }),
      ),
    );
    const actor = (org: typeof studio, userId: string) =>
      createActor({
        userId,
        apiKeyId: null,
        org: { id: org.id, name: org.name, kind: org.kind, homeCountry: org.homeCountry },
        role: "OWNER",
        requestId: "bench",
      });
    const studioActor = actor(studio, u1!.id);
    const partnerActor = actor(partner, u2!.id);
    const titles: { id: string }[] = [];
    for (let i = 0; i < 20; i++)
      titles.push(
        await db.title.create({
          data: {
            studioId: studio.id,
            kind: "FILM",
            originalTitle: `Bench Film ${i + 1}`,
            originalLanguage: "zh",
            year: 2025,
            genres: [],
            visibility: "LISTED",
          },
        }),
      );
    const deal = await createDeal(studioActor, {
      licenseeId: partner.id,
      currency: "USD",
      terms: {
        minimumGuarantee: { amount: "5000000.00", currency: "USD" },
        distributionFeePct: "25",
        expenseCap: { amount: "250000.00", currency: "USD" },
        shareTiers: [
          { upTo: "10000000.00", pct: "50" },
          { upTo: null, pct: "60" },
        ],
        creatorParticipationPct: "10",
        participants: [{ name: "Director", role: "Director", share: "1" }],
      },
    });
    if (!deal.ok) throw new Error(deal.message);
    const dealId = deal.value.id;
    for (const t of titles) {
      const g = await addGrant(studioActor, dealId, {
        titleId: t.id,
        territories: COUNTRIES,
        excludedTerritories: [],
        mediaRights: media,
        languages: [],
        start: "2027-01-01",
        end: "2031-12-31",
        exclusive: true,
        editsPermitted: false,
        holdbacks: [],
        seasons: [],
      });
      if (!g.ok) throw new Error(`${g.message} ${JSON.stringify(g.errors)}`);
    }
    for (const step of [
      () => proposeDeal(studioActor, dealId),
      () => signDeal(partnerActor, dealId),
      () => signDeal(studioActor, dealId),
    ]) {
      const r = await step();
      if (!r.ok) throw new Error(r.message);
    }
    const slices = await db.grantSlice.count({ where: { dealId } });

    const random = rng(20261128);
    const body = (n: number, periodStart: string, periodEnd: string) => ({
      periodStart,
      periodEnd,
      lines: Array.from({ length: n }, () => ({
        titleId: pick(random, titles).id,
        territory: pick(random, COUNTRIES),
        mediaRight: pick(random, media),
        revenueType: pick(random, REVENUE),
        gross: { amount: `${intBetween(random, 0, 25_000)}.${String(intBetween(random, 0, 99)).padStart(2, "0")}`, currency: "USD" },
      })),
      expenses: { amount: "12500.00", currency: "USD" },
    });
    for (const [s, e] of [
      ["2027-01-01", "2027-03-31"],
      ["2027-04-01", "2027-06-30"],
      ["2027-07-01", "2027-09-30"],
    ] as const) {
      const r = await submitStatement(partnerActor, dealId, submitStatementSchema.parse(body(1000, s, e)));
      if (!r.ok) throw new Error(r.message);
    }
    const setupMs = msSince(setupStart);

    // Submissions of N lines, each a new month from 2028 on.
    const submitRows: string[][] = [];
    let lastId = "";
    for (let i = 0; i < options.submissions; i++) {
      const month = String(i + 1).padStart(2, "0");
      const raw = JSON.parse(JSON.stringify(body(options.lines, `2028-${month}-01`, `2028-${month}-28`)));
      const parsed = await timed(async () => submitStatementSchema.parse(raw));
      const submitted = await timed(() => submitStatement(partnerActor, dealId, parsed.value));
      if (!submitted.value.ok) throw new Error(`${submitted.value.message} ${JSON.stringify(submitted.value.errors?.slice(0, 3))}`);
      lastId = submitted.value.value.id;
      // Baseline: the same lines inserted by hand on pg (one INSERT … unnest), rolled back.
      const rawInsert = await timed(() => rawInsertLines(pool, dealId, parsed.value.lines));
      submitRows.push([
        `#${i + 1}`,
        formatCount(options.lines),
        formatMs(parsed.ms),
        formatMs(submitted.ms),
        formatMs(parsed.ms + submitted.ms),
        parsed.ms + submitted.ms <= 2000 ? "yes" : "NO",
        formatMs(rawInsert.ms),
        ratio(submitted.ms, rawInsert.ms),
      ]);
    }

    const dealRow = await db.deal.findUniqueOrThrow({ where: { id: dealId } });
    const viaApp = () => loadDealWaterfall(db, dealRow);
    const viaSql = () => pool.query("SELECT sum(gross_minor)::text AS g FROM statement_line WHERE statement_id = $1", [lastId]);
    const wf = await viaApp();
    const sum = await viaSql();
    const last = wf.stepOf(lastId)!.step;
    if (last.period.gross.toString() !== sum.rows[0].g)
      throw new Error(`waterfall period gross ${last.period.gross} ≠ SQL sum ${sum.rows[0].g}`);
    const samples = await measurePair(viaApp, viaSql, { runs: options.runs, warmup: options.warmup });
    const app = summarize(samples.candidate);
    const raw = summarize(samples.baseline);

    console.log(
      `\nWaterfall benchmark: statements of ${formatCount(options.lines)} lines on a deal with ${formatCount(slices)} grant slices`,
    );
    console.log(
      `PostgreSQL ${database.serverVersion} at ${database.server}, database ${database.name} (${options.keep ? "kept" : "dropped at the end"})`,
    );
    console.log(
      `setup (orgs, 20 titles, deal signed through the commands, 3 earlier statements of 1,000 lines): ${formatSeconds(setupMs)}\n`,
    );
    console.log(
      "submitting one statement, ms: parse = zod schema over the JSON body; submit = submitStatement (checks + insert + audit, one transaction); raw insert = the same lines in one INSERT … unnest on pg, rolled back\n",
    );
    printTable(
      [
        { header: "submission" },
        { header: "lines", align: "right" },
        { header: "parse", align: "right" },
        { header: "submit", align: "right" },
        { header: "total", align: "right" },
        { header: "≤ 2 s", align: "right" },
        { header: "raw insert", align: "right" },
        { header: "submit / raw", align: "right" },
      ],
      submitRows,
    );
    console.log(
      `\nwaterfall of the deal (${wf.steps.length} counting statements, from stored sums) vs SELECT sum(gross_minor) over the last statement's ${formatCount(options.lines)} lines; ${options.runs} runs each after ${options.warmup} warm-up\n`,
    );
    printTable(
      [{ header: "query" }, { header: "p50", align: "right" }, { header: "p95", align: "right" }, { header: "max", align: "right" }],
      [
        ["loadDealWaterfall", formatMs(app.p50), formatMs(app.p95), formatMs(app.max)],
        ["SQL sum of the lines", formatMs(raw.p50), formatMs(raw.p95), formatMs(raw.max)],
        ["ratio waterfall / SQL sum", ratio(app.p50, raw.p50), ratio(app.p95, raw.p95), ""],
      ],
    );
    console.log(`\nwall time ${formatSeconds(msSince(started))}; memory ${formatMemory(memory())}`);
  } finally {
    await Promise.allSettled([pool.end(), db.$disconnect()]);
  }
}

/** The lines of a statement inserted by hand, in a transaction that is rolled back (the baseline for submit). */
async function rawInsertLines(
  pool: pg.Pool,
  dealId: string,
  lines: { titleId?: string; territory: string; mediaRight: string; revenueType: string; gross: { amount: string } }[],
) {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO statement (id, deal_id, period_start, period_end, currency, counting, gross_minor, line_count, source, updated_at)
       VALUES (gen_random_uuid(), $1, '2099-01-01', '2099-01-31', 'USD', false, 0, 0, 'API', now()) RETURNING id`,
      [dealId],
    );
    await client.query(
      `INSERT INTO statement_line (id, statement_id, position, title_id, territory, media_right, revenue_type, gross_minor)
       SELECT gen_random_uuid(), $1::uuid, u.p, u.t, u.c, u.m, u.r::revenue_type, u.g
       FROM unnest($2::int[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[]::bigint[]) AS u(p, t, c, m, r, g)`,
      [
        rows[0]!.id,
        lines.map((_, i) => i),
        lines.map((l) => l.titleId),
        lines.map((l) => l.territory),
        lines.map((l) => l.mediaRight),
        lines.map((l) => l.revenueType),
        lines.map((l) => l.gross.amount.replace(".", "")),
      ],
    );
  } finally {
    await client.query("ROLLBACK");
    client.release();
  }
}

function main(): void {
  const started = process.hrtime.bigint();
  withBenchDatabase((database) => run(database, started), { keep: options.keep }).then(
    () => process.exit(0),
    (error: unknown) => {
      console.error("bench:waterfall failed:", error);
      process.exit(1);
    },
  );
}

main();
