import "server-only";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { from as copyFrom } from "pg-copy-streams";
import type { ErrorCode, ErrorParams } from "@/lib/api/error-codes";
import { amountDecimals, currencyMismatch } from "@/lib/api/field-errors";
import { recordAudit, who } from "@/lib/audit/commands";
import type { Actor } from "@/lib/auth/actor";
import { type Clock, clockNow, dateOnly, toDbDate } from "@/lib/dates";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { connectionOf, isExclusionViolation, type Tx } from "@/lib/db/tx";
import { uuidv7 } from "@/lib/db/uuid";
import type { GrantSnap } from "@/lib/deals/amendment";
import { notifyParties } from "@/lib/deals/notify";
import { money } from "@/lib/money/currency";
import { parseAmount } from "@/lib/money/money";
import { minorUnits } from "@/lib/reference/currencies";
import { type FieldError, fail, forbidden, notFound, ok, type Result } from "@/lib/result";
import { type AppliedAmendment, inForce, segmentsOf } from "../in-force";
import { resolveLineTitle } from "../rules";
import type { DisputeStatementData, StatementSource, SubmitStatementData } from "../schema";
import { invalid, lockDeal, mayDo } from "./deal";

/** Statements: submission (checked against the grant slices), correction, acceptance and dispute. */

/** Statements are submitted and decided on deals whose terms are final. */
const LIVE_STATUSES = new Set(["SIGNED", "EXPIRED"]);
/** At most this many line errors are listed; the rest are counted. */
const MAX_LINE_ERRORS = 500;
const INT8_MAX = 9_223_372_036_854_775_807n;

export type SubmitOptions = { source?: StatementSource; clock?: Clock };
export type SubmittedStatement = { id: string; lineCount: number; grossMinor: bigint; expensesMinor: bigint };

type Line = {
  position: number;
  titleId: string;
  territory: string;
  mediaRight: string;
  revenueType: string;
  grossMinor: bigint;
  /** The season of a series the line names, or null. */
  season: number | null;
};

/** Lines whose (title, country, media) no grant slice of the deal covers, or covers outside the period: errors per line. */
async function checkGrants(tx: Tx, dealId: string, lines: Line[], periodStart: string, periodEnd: string): Promise<FieldError[]> {
  const combos = new Map<string, { titleId: string; territory: string; mediaRight: string }>();
  for (const l of lines) {
    const key = `${l.titleId}|${l.territory}|${l.mediaRight}`;
    if (!combos.has(key)) combos.set(key, { titleId: l.titleId, territory: l.territory, mediaRight: l.mediaRight });
  }
  const list = [...combos.values()];
  const found = await tx.$queryRaw<{ t: string; c: string; m: string; in_window: boolean; first: string; last: string }[]>`
    SELECT k.t::text AS t, k.c AS c, k.m AS m,
           bool_or(s.start <= ${periodEnd}::date AND s."end" >= ${periodStart}::date) AS in_window,
           to_char(min(s.start), 'YYYY-MM-DD') AS first, to_char(max(s."end"), 'YYYY-MM-DD') AS last
    FROM unnest(${list.map((c) => c.titleId)}::uuid[], ${list.map((c) => c.territory)}::text[], ${list.map((c) => c.mediaRight)}::text[]) AS k(t, c, m)
    JOIN grant_slice s ON s.deal_id = ${dealId}::uuid AND s.title_id = k.t AND s.country = k.c AND s.media = k.m AND NOT s.holdback
    GROUP BY k.t, k.c, k.m`;
  const granted = new Map(found.map((f) => [`${f.t}|${f.c.trim()}|${f.m}`, f]));
  const missing = list.filter((c) => !granted.get(`${c.titleId}|${c.territory}|${c.mediaRight}`)?.in_window);
  if (missing.length === 0) return checkSeasons(tx, dealId, lines, periodStart, periodEnd);
  const dealTitles = new Set(
    (await tx.grant.findMany({ where: { dealId }, select: { titleId: true }, distinct: ["titleId"] })).map((g) => g.titleId),
  );
  const pairs = await tx.$queryRaw<{ t: string; c: string }[]>`
    SELECT DISTINCT s.title_id::text AS t, s.country AS c
    FROM unnest(${missing.map((c) => c.titleId)}::uuid[], ${missing.map((c) => c.territory)}::text[]) AS k(t, c)
    JOIN grant_slice s ON s.deal_id = ${dealId}::uuid AND s.title_id = k.t AND s.country = k.c AND NOT s.holdback`;
  const pairSet = new Set(pairs.map((p) => `${p.t}|${p.c.trim()}`));
  // A line wrong in both country and media hears about both at once.
  const media = await tx.$queryRaw<{ t: string; m: string }[]>`
    SELECT DISTINCT s.title_id::text AS t, s.media AS m
    FROM unnest(${missing.map((c) => c.titleId)}::uuid[], ${missing.map((c) => c.mediaRight)}::text[]) AS k(t, m)
    JOIN grant_slice s ON s.deal_id = ${dealId}::uuid AND s.title_id = k.t AND s.media = k.m AND NOT s.holdback`;
  const mediaSet = new Set(media.map((p) => `${p.t}|${p.m}`));
  const problems = new Map<string, { field: string; message: string; code: ErrorCode; params?: ErrorParams }[]>();
  for (const c of missing) {
    const key = `${c.titleId}|${c.territory}|${c.mediaRight}`;
    const slice = granted.get(key);
    type Problem = { field: string; message: string; code: ErrorCode; params?: ErrorParams };
    if (!dealTitles.has(c.titleId))
      problems.set(key, [{ field: "titleId", message: "This deal grants no rights in this title.", code: "TITLE_NOT_GRANTED" }]);
    else if (!pairSet.has(`${c.titleId}|${c.territory}`)) {
      const found: Problem[] = [
        {
          field: "territory",
          message: `The deal grants no rights in ${c.territory} for this title.`,
          code: "TERRITORY_NOT_GRANTED",
          params: { territory: c.territory },
        },
      ];
      if (!mediaSet.has(`${c.titleId}|${c.mediaRight}`))
        found.push({
          field: "mediaRight",
          message: `The deal grants no ${c.mediaRight} rights for this title (use a granted leaf media right).`,
          code: "MEDIA_NOT_GRANTED",
          params: { mediaRight: c.mediaRight, territory: c.territory },
        });
      problems.set(key, found);
    } else if (!slice)
      problems.set(key, [
        {
          field: "mediaRight",
          message: `The deal grants no ${c.mediaRight} rights for this title in ${c.territory} (use a granted leaf media right).`,
          code: "MEDIA_NOT_GRANTED",
          params: { mediaRight: c.mediaRight, territory: c.territory },
        },
      ]);
    else
      problems.set(key, [
        {
          field: "territory",
          message: `The grant for this title in ${c.territory} (${c.mediaRight}) runs ${slice.first} to ${slice.last}, outside the period ${periodStart} to ${periodEnd}.`,
          code: "GRANT_OUTSIDE_PERIOD",
          params: { territory: c.territory, mediaRight: c.mediaRight, first: slice.first, last: slice.last, periodStart, periodEnd },
        },
      ]);
  }
  const errors: FieldError[] = [];
  for (const l of lines) {
    for (const p of problems.get(`${l.titleId}|${l.territory}|${l.mediaRight}`) ?? [])
      errors.push({ path: `lines.${l.position}.${p.field}`, message: p.message, code: p.code, params: p.params });
  }
  const fine = lines.filter((l) => !problems.has(`${l.titleId}|${l.territory}|${l.mediaRight}`));
  errors.push(...(await checkSeasons(tx, dealId, fine, periodStart, periodEnd)));
  return errors;
}

/**
 * The rights check against the grants in force during the period: the deal's slices hold its
 * latest grants, which are the ones in force unless a signed amendment took effect after the
 * period started. Then the period's segments decide (lib/statements/in-force.ts): a line the
 * grants of its period covered passes even if a later amendment removed it, and a line only a
 * later amendment grants is refused (GRANT_NOT_IN_FORCE, on its territory).
 */
async function checkGrantsInForce(tx: Tx, dealId: string, lines: Line[], periodStart: string, periodEnd: string): Promise<FieldError[]> {
  const errors = await checkGrants(tx, dealId, lines, periodStart, periodEnd);
  const amendments = await tx.dealAmendment.findMany({
    where: { dealId, status: "SIGNED", effectiveOn: { gt: toDbDate(periodStart) } },
    orderBy: [{ signedAt: "asc" }, { number: "asc" }],
    select: { effectiveOn: true, applied: true, number: true },
  });
  const applied: AppliedAmendment[] = amendments.flatMap((a) => {
    const snap = a.applied as { before?: { grants?: GrantSnap[] }; after?: { grants?: GrantSnap[] } } | null;
    return snap?.before?.grants && snap.after?.grants
      ? [{ effectiveOn: dateOnly(a.effectiveOn), before: snap.before.grants, after: snap.after.grants }]
      : [];
  });
  const segments = segmentsOf(applied, periodStart, periodEnd);
  if (!segments) return errors;
  const lineOf = new Map(lines.map((l) => [l.position, l]));
  const positionOf = (e: FieldError) => Number(/^lines\.(\d+)\./.exec(e.path)?.[1] ?? -1);
  const refused = new Set(errors.map(positionOf));
  const kept = errors.filter((e) => {
    const line = lineOf.get(positionOf(e));
    return !line || !inForce(segments, line);
  });
  for (const l of lines) {
    if (refused.has(l.position) || inForce(segments, l)) continue;
    const first = applied.find((a) => a.effectiveOn > periodStart)!.effectiveOn;
    kept.push({
      path: `lines.${l.position}.territory`,
      message: `The deal's grants in force from ${periodStart} to ${periodEnd} do not cover ${l.territory} (${l.mediaRight}${l.season === null ? "" : `, season ${l.season}`}) for this title; an amendment effective ${first} changed them.`,
      code: "GRANT_NOT_IN_FORCE",
      params: { territory: l.territory, mediaRight: l.mediaRight, effectiveOn: first },
    });
  }
  return kept;
}

/**
 * Lines that name a season: a slice of the deal for their title, country and media in the period
 * must cover that season (seasons are a grant's, so a line for season 3 under a grant of seasons
 * 1–2 is refused on its `season`). Run once the (title, country, media) check has passed.
 */
async function checkSeasons(tx: Tx, dealId: string, lines: Line[], periodStart: string, periodEnd: string): Promise<FieldError[]> {
  const named = new Map<string, { titleId: string; territory: string; mediaRight: string; season: number }>();
  for (const l of lines) {
    if (l.season === null) continue;
    const key = `${l.titleId}|${l.territory}|${l.mediaRight}|${l.season}`;
    if (!named.has(key)) named.set(key, { titleId: l.titleId, territory: l.territory, mediaRight: l.mediaRight, season: l.season });
  }
  if (named.size === 0) return [];
  const list = [...named.values()];
  const covered = await tx.$queryRaw<{ t: string; c: string; m: string; n: number }[]>`
    SELECT DISTINCT k.t::text AS t, k.c AS c, k.m AS m, k.n AS n
    FROM unnest(${list.map((c) => c.titleId)}::uuid[], ${list.map((c) => c.territory)}::text[], ${list.map((c) => c.mediaRight)}::text[],
                ${list.map((c) => c.season)}::int[]) AS k(t, c, m, n)
    JOIN grant_slice s ON s.deal_id = ${dealId}::uuid AND s.title_id = k.t AND s.country = k.c AND s.media = k.m AND NOT s.holdback
      AND s.start <= ${periodEnd}::date AND s."end" >= ${periodStart}::date
      AND int4range(s.season_from, s.season_to, '[]') @> k.n`;
  const coveredKeys = new Set(covered.map((r) => `${r.t}|${r.c.trim()}|${r.m}|${r.n}`));
  return lines
    .filter((l) => l.season !== null && !coveredKeys.has(`${l.titleId}|${l.territory}|${l.mediaRight}|${l.season}`))
    .map((l) => ({
      path: `lines.${l.position}.season`,
      message: `No grant of the deal covers season ${l.season} here.`,
      code: "SEASON_NOT_GRANTED",
      params: { season: l.season ?? 0 },
    }));
}

/** The deal's titles, for naming a line's title by id, EIDR or name. */
async function titleResolver(tx: Tx, dealId: string) {
  return resolveLineTitle(
    await tx.title.findMany({
      where: { grants: { some: { dealId } } },
      select: { id: true, eidr: true, originalTitle: true, titleEn: true, titleZh: true },
    }),
  );
}

/** Caps a long error list, saying how many more there are. */
function capped(unsorted: FieldError[]): FieldError[] {
  // Every problem of a line together, lines in order, whichever check found them.
  const line = (e: FieldError) => {
    const m = /^lines\.(\d+)\./.exec(e.path);
    return m ? Number(m[1]) : -1;
  };
  const errors = unsorted
    .map((e, i) => ({ e, i, n: line(e) }))
    .sort((a, b) => a.n - b.n || a.i - b.i)
    .map((x) => x.e);
  if (errors.length <= MAX_LINE_ERRORS) return errors;
  return [
    ...errors.slice(0, MAX_LINE_ERRORS),
    {
      path: "lines",
      message: `… and ${(errors.length - MAX_LINE_ERRORS).toLocaleString("en")} more problems in other lines.`,
      code: "MORE_PROBLEMS",
      params: { count: errors.length - MAX_LINE_ERRORS },
    },
  ];
}

/** COPY text format: a backslash, tab, newline or carriage return inside a value is escaped. */
const copyText = (value: string) => (/[\\\t\n\r]/.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c]!) : value);
const COPY_ESCAPES: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };
/** Rows per chunk written to the COPY stream. */
const COPY_ROWS = 2_000;

/**
 * The lines, streamed with COPY on the transaction's own connection (inside the transaction: they
 * commit or roll back with the statement and its audit entry). Ids are time-ordered (version 7),
 * made here, so a statement's lines land at the end of the primary-key index.
 */
async function insertLines(tx: Tx, statementId: string, lines: Line[]) {
  const connection = await connectionOf(tx);
  if (!connection) throw new Error("The transaction's connection was not found (the client was not made by lib/db/client createPool).");
  const copy = connection.query(
    copyFrom(
      "COPY statement_line (id, statement_id, position, title_id, territory, media_right, revenue_type, gross_minor, season) FROM STDIN",
    ),
  );
  function* chunks() {
    for (let i = 0; i < lines.length; i += COPY_ROWS) {
      let text = "";
      for (const l of lines.slice(i, i + COPY_ROWS)) {
        text += `${uuidv7()}\t${statementId}\t${l.position}\t${copyText(l.titleId)}\t${copyText(l.territory)}\t${copyText(l.mediaRight)}\t${copyText(l.revenueType)}\t${l.grossMinor}\t${l.season ?? "\\N"}\n`;
      }
      yield text;
    }
  }
  await pipeline(Readable.from(chunks()), copy);
}

const periodOverlap = (other: { periodStart: Date; periodEnd: Date }) =>
  fail(
    "invalid",
    "PERIOD_OVERLAP",
    "The period overlaps another statement of this deal that counts; correct that one instead (supersedesId).",
    {
      errors: [
        {
          path: "periodStart",
          message: `The period overlaps the counting statement for ${dateOnly(other.periodStart)} to ${dateOnly(other.periodEnd)}. To correct it, submit this one as superseding it.`,
        },
      ],
      details: { overlapping: { periodStart: dateOnly(other.periodStart), periodEnd: dateOnly(other.periodEnd) } },
    },
  );

/**
 * The licensee submits a revenue statement for a period of a signed deal. Lines must be for
 * titles, countries and leaf media the deal grants with a grant window that overlaps the period,
 * in the deal's currency with its exact digits; the period may not overlap another counting
 * statement of the deal. With `supersedesId` it corrects an earlier statement (SUBMITTED, ACCEPTED
 * or DISPUTED, not yet corrected), which stops counting in the same transaction.
 */
export async function submitStatement(
  actor: Actor,
  dealId: string,
  data: SubmitStatementData,
  options: SubmitOptions = {},
): Promise<Result<SubmittedStatement>> {
  const result = await submitOrCheck(actor, dealId, data, options, false);
  return result.ok ? ok({ ...result.value, id: result.value.id! }) : result;
}

/** Every check of submitStatement; with `dryRun` nothing is written and `id` is null. */
export async function submitOrCheck(
  actor: Actor,
  dealId: string,
  data: SubmitStatementData,
  options: SubmitOptions,
  dryRun: boolean,
): Promise<Result<Omit<SubmittedStatement, "id"> & { id: string | null }>> {
  if (!mayDo(actor, "statements.submit")) return forbidden("Your role does not allow submitting statements.");
  try {
    return await db.$transaction(
      async (tx): Promise<Result<Omit<SubmittedStatement, "id"> & { id: string | null }>> => {
        const deal = await lockDeal(tx, actor, dealId);
        if (!deal) return notFound("Deal");
        if (deal.licenseeId !== actor.org.id) return forbidden("Only the licensee submits statements on a deal.");
        if (!LIVE_STATUSES.has(deal.status))
          return fail("conflict", "DEAL_NOT_SIGNED", `Statements are for signed deals; this deal is ${deal.status}.`);
        const exp = minorUnits(deal.currency);
        const errors: FieldError[] = [];
        if (data.periodStart > data.periodEnd)
          errors.push({ path: "periodEnd", message: "The period cannot end before it starts.", code: "PERIOD_END_BEFORE_START" });

        const titleOf = await titleResolver(tx, deal.id);
        const lines: Line[] = [];
        let grossMinor = 0n;
        for (let i = 0; i < data.lines.length; i++) {
          const l = data.lines[i]!;
          const title = titleOf(l);
          if (!title.ok) errors.push({ path: `lines.${i}.${title.field}`, message: title.message });
          let minor = 0n;
          if (l.gross.currency !== deal.currency) errors.push({ path: `lines.${i}.gross.currency`, ...currencyMismatch(deal.currency) });
          else {
            const parsed = parseAmount(l.gross.amount, exp);
            if (parsed === null || parsed < 0n) errors.push({ path: `lines.${i}.gross.amount`, ...amountDecimals(deal.currency, exp) });
            else minor = parsed;
          }
          grossMinor += minor;
          if (!title.ok) continue;
          lines.push({
            position: i,
            titleId: title.titleId,
            territory: l.territory,
            mediaRight: l.mediaRight,
            revenueType: l.revenueType,
            grossMinor: minor,
            season: l.season ?? null,
          });
        }
        if (grossMinor > INT8_MAX)
          errors.push({ path: "lines", message: "The lines add up to more than can be stored.", code: "AMOUNT_TOO_LARGE" });
        let expensesMinor = 0n;
        if (data.expenses) {
          if (data.expenses.currency !== deal.currency) errors.push({ path: "expenses.currency", ...currencyMismatch(deal.currency) });
          else {
            const parsed = parseAmount(data.expenses.amount, exp);
            if (parsed === null || parsed < 0n) errors.push({ path: "expenses.amount", ...amountDecimals(deal.currency, exp) });
            else if (parsed > INT8_MAX)
              errors.push({ path: "expenses.amount", message: "This amount is more than can be stored.", code: "AMOUNT_TOO_LARGE" });
            else expensesMinor = parsed;
          }
        }
        // Rights are checked whatever else is wrong, so one answer lists every problem of every line.
        if (data.periodStart <= data.periodEnd && lines.length > 0)
          errors.push(...(await checkGrantsInForce(tx, deal.id, lines, data.periodStart, data.periodEnd)));
        if (errors.length) return invalid(capped(errors));

        let supersedes: { id: string } | null = null;
        if (data.supersedesId) {
          const earlier = await tx.statement.findFirst({
            where: { id: data.supersedesId, dealId: deal.id },
            select: { id: true, supersededBy: { select: { id: true } } },
          });
          if (!earlier) return invalid([{ path: "supersedesId", message: "No statement of this deal has this id." }]);
          if (earlier.supersededBy)
            return invalid([{ path: "supersedesId", message: "That statement has already been corrected; correct the latest one." }]);
          supersedes = earlier;
        }
        const overlapping = await tx.statement.findFirst({
          where: {
            dealId: deal.id,
            counting: true,
            periodStart: { lte: toDbDate(data.periodEnd) },
            periodEnd: { gte: toDbDate(data.periodStart) },
            ...(supersedes ? { id: { not: supersedes.id } } : {}),
          },
          select: { periodStart: true, periodEnd: true },
        });
        if (overlapping) return periodOverlap(overlapping);
        if (dryRun) return ok({ id: null, lineCount: lines.length, grossMinor, expensesMinor });

        // The earlier statement stops counting before the new one is inserted, so the exclusion
        // constraint lets the correction take the same period.
        if (supersedes) await tx.statement.update({ where: { id: supersedes.id }, data: { counting: false } });
        const created = await tx.statement.create({
          data: {
            dealId: deal.id,
            periodStart: toDbDate(data.periodStart),
            periodEnd: toDbDate(data.periodEnd),
            currency: deal.currency,
            grossMinor,
            expensesMinor,
            lineCount: lines.length,
            source: options.source ?? "API",
            supersedesId: supersedes?.id ?? null,
            submittedById: actor.userId,
            ...(options.clock?.now && { createdAt: options.clock.now, updatedAt: options.clock.now }),
          },
          select: { id: true },
        });
        await insertLines(tx, created.id, lines);
        await recordAudit(tx, who(actor), {
          action: "statement.submit",
          entityType: "Statement",
          entityId: created.id,
          partyOrgIds: [deal.licensorId, deal.licenseeId],
          after: {
            dealId: deal.id,
            periodStart: data.periodStart,
            periodEnd: data.periodEnd,
            currency: deal.currency,
            grossMinor: grossMinor.toString(),
            expensesMinor: expensesMinor.toString(),
            lineCount: lines.length,
            source: options.source ?? "API",
            supersedesId: supersedes?.id ?? null,
          },
        });
        const period = { periodStart: data.periodStart, periodEnd: data.periodEnd, organization: actor.org.name };
        await notifyParties(tx, [deal.licensorId], {
          dealId: deal.id,
          kind: "STATEMENT_SUBMITTED",
          subjectType: "Statement",
          subjectId: created.id,
          href: `/statements/${created.id}`,
          exceptUserId: actor.userId,
          params: { ...period, ...money(grossMinor, deal.currency), corrects: supersedes !== null },
        });
        if (supersedes) {
          const earlier = await tx.statement.findUniqueOrThrow({
            where: { id: supersedes.id },
            select: { periodStart: true, periodEnd: true },
          });
          await notifyParties(tx, [deal.licensorId], {
            dealId: deal.id,
            kind: "STATEMENT_SUPERSEDED",
            subjectType: "Statement",
            subjectId: supersedes.id,
            href: `/statements/${created.id}`,
            exceptUserId: actor.userId,
            params: { ...period, periodStart: dateOnly(earlier.periodStart), periodEnd: dateOnly(earlier.periodEnd) },
          });
        }
        return ok({ id: created.id, lineCount: lines.length, grossMinor, expensesMinor });
      },
      { timeout: 120_000, maxWait: 15_000 },
    );
  } catch (error) {
    // Two submissions racing past the check: the database refuses the second.
    if (isExclusionViolation(error))
      return fail("invalid", "PERIOD_OVERLAP", "The period overlaps another statement of this deal that counts.", {
        errors: [{ path: "periodStart", message: "The period overlaps another counting statement of this deal." }],
      });
    throw error;
  }
}

async function decide(
  actor: Actor,
  statementId: string,
  to: "ACCEPTED" | "DISPUTED",
  reason?: string,
  clock?: Clock,
): Promise<Result<{ id: string; dealId: string }>> {
  if (!mayDo(actor, "statements.review")) return forbidden("Your role does not allow reviewing statements.");
  return db.$transaction(async (tx) => {
    const found = await tx.statement.findFirst({
      where: { id: statementId, deal: { OR: [{ licensorId: actor.org.id }, { licenseeId: actor.org.id }] } },
      select: { id: true, dealId: true },
    });
    if (!found) return notFound("Statement");
    const deal = await lockDeal(tx, actor, found.dealId);
    if (!deal) return notFound("Statement");
    if (deal.licensorId !== actor.org.id) return forbidden("Only the licensor accepts or disputes statements.");
    const s = await tx.statement.findUniqueOrThrow({
      where: { id: found.id },
      select: { id: true, status: true, counting: true, periodStart: true, periodEnd: true, supersededBy: { select: { id: true } } },
    });
    if (s.supersededBy)
      return fail("conflict", "STATEMENT_SUPERSEDED", "This statement has been corrected by a later one; decide on that one.");
    if (s.status !== "SUBMITTED")
      return fail(
        "conflict",
        "STATEMENT_DECIDED",
        `This statement is already ${s.status}; only a submitted statement can be accepted or disputed.`,
      );
    await tx.statement.update({
      where: { id: s.id },
      data: {
        status: to,
        // A disputed statement stops counting until a correction supersedes it.
        counting: to === "ACCEPTED",
        disputeReason: to === "DISPUTED" ? (reason ?? null) : null,
        decidedAt: clockNow(clock),
        ...(clock?.now && { updatedAt: clock.now }),
        decidedById: actor.userId,
        // The waterfall terms it was accepted under, kept whatever later amendments change.
        acceptedTerms:
          to === "ACCEPTED"
            ? {
                mgMinor: deal.mgMinor?.toString() ?? null,
                expenseCapMinor: deal.expenseCapMinor?.toString() ?? null,
                distributionFeePct: deal.distributionFeePct?.toString() ?? null,
                shareTiers: deal.shareTiers ?? null,
              }
            : Prisma.DbNull,
      },
    });
    await recordAudit(tx, who(actor), {
      action: to === "ACCEPTED" ? "statement.accept" : "statement.dispute",
      entityType: "Statement",
      entityId: s.id,
      partyOrgIds: [deal.licensorId, deal.licenseeId],
      before: { status: s.status, counting: s.counting },
      after: { status: to, counting: to === "ACCEPTED", ...(reason ? { reason } : {}) },
    });
    await notifyParties(tx, [deal.licenseeId], {
      dealId: deal.id,
      kind: to === "ACCEPTED" ? "STATEMENT_ACCEPTED" : "STATEMENT_DISPUTED",
      subjectType: "Statement",
      subjectId: s.id,
      href: `/statements/${s.id}`,
      exceptUserId: actor.userId,
      params: {
        organization: actor.org.name,
        periodStart: dateOnly(s.periodStart),
        periodEnd: dateOnly(s.periodEnd),
        reason: reason ?? null,
      },
    });
    return ok({ id: s.id, dealId: deal.id });
  });
}

/** The licensor accepts a SUBMITTED statement; it is immutable from then on. */
export async function acceptStatement(actor: Actor, statementId: string, clock?: Clock) {
  return decide(actor, statementId, "ACCEPTED", undefined, clock);
}

/** The licensor disputes a SUBMITTED statement with a reason; it stops counting. */
export async function disputeStatement(actor: Actor, statementId: string, data: DisputeStatementData, clock?: Clock) {
  return decide(actor, statementId, "DISPUTED", data.reason, clock);
}
