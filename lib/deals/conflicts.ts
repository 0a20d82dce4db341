import "server-only";
import { dateOnly, fromDayNumber } from "@/lib/dates";
import type { Prisma, PrismaClient } from "@/lib/db/generated/client";
import {
  conflicts,
  defaultHeld,
  type Expanded,
  expandScope,
  type HeldScope,
  heldScopeOf,
  holdbacksOf,
  holdbackWindow,
  type Seasons,
  type Window,
} from "./rules";

type Reader = Prisma.TransactionClient | PrismaClient;

/** The rights a studio holds in each title (chain of title), expanded; the default when none recorded. One query. */
export async function heldScopesByTitle(tx: Reader, titleIds: string[]): Promise<Map<string, HeldScope[]>> {
  if (titleIds.length === 0) return new Map();
  const rows = await tx.rightsHeld.findMany({ where: { titleId: { in: titleIds } }, orderBy: [{ titleId: "asc" }, { position: "asc" }] });
  const byTitle = new Map<string, HeldScope[]>();
  for (const r of rows) {
    const scope = heldScopeOf({ ...r, start: dateOnly(r.start), end: r.end ? dateOnly(r.end) : null });
    const list = byTitle.get(r.titleId);
    if (list) list.push(scope);
    else byTitle.set(r.titleId, [scope]);
  }
  const fallback = defaultHeld();
  return new Map(titleIds.map((id) => [id, byTitle.get(id) ?? fallback]));
}

export type SigningConflict = {
  /** null when the viewer is not a party to the conflicting deal (its identity stays private). */
  dealId: string | null;
  dealName: string;
  grantId: string | null;
  titleId: string;
  titleName: string;
  countries: string[];
  media: string[];
  start: string;
  end: string;
  /** The blocking rows are a holdback of the other deal, not a grant. */
  holdback: boolean;
};

/** `seasons`: the seasons of a series claimed, empty = every season. */
type Claim = Expanded & Window & { titleId: string; exclusive: boolean; grantId: string; seasons: Seasons };

type GrantLike = Expanded &
  // `seasons` is required so that no caller forgets it: a grant without it would conflict season-blind.
  Window & { titleId: string; exclusive: boolean; seasons: Seasons; grant: { id: string; start: Date; holdbacks: Prisma.JsonValue } };

/** What a deal's grants (and their holdbacks) would claim if signed. */
function claimsOf(grants: GrantLike[]): Claim[] {
  const claims: Claim[] = [];
  for (const g of grants) {
    claims.push({
      countries: g.countries,
      media: g.media,
      start: g.start,
      end: g.end,
      titleId: g.titleId,
      exclusive: g.exclusive,
      grantId: g.grant.id,
      seasons: g.seasons,
    });
    // A holdback protects the seasons its grant licenses (as its slice rows do).
    for (const h of holdbacksOf(g.grant.holdbacks)) {
      const w = holdbackWindow(dateOnly(g.grant.start), h.until);
      if (w) claims.push({ ...expandScope(h), ...w, titleId: g.titleId, exclusive: true, grantId: g.grant.id, seasons: g.seasons });
    }
  }
  return claims;
}

type OccupiedRow = {
  claim: number;
  deal_id: string;
  grant_id: string;
  holdback: boolean;
  countries: string[];
  media: string[];
  start: Date;
  end: Date;
};

/**
 * The rows of other deals each claim would overlap under the conflict rule, grouped per claim and
 * blocking grant (its countries, media and the overlapping days): one query for all claims of a
 * deal, each claim probing the (title, country, media) index as its own query did.
 */
async function occupiedBy(tx: Reader, dealId: string, claims: Claim[]): Promise<OccupiedRow[]> {
  if (claims.length === 0) return [];
  const json = JSON.stringify(
    claims.map((c, i) => ({
      claim: i,
      title_id: c.titleId,
      countries: [...c.countries],
      media: [...c.media],
      start: fromDayNumber(c.start),
      end: fromDayNumber(c.end),
      exclusive: c.exclusive,
      seasons: [...c.seasons],
    })),
  );
  // LATERAL keeps one grouped index probe per claim (a join would let the planner pick a scan).
  return tx.$queryRaw<OccupiedRow[]>`
    SELECT c.claim, o.deal_id, o.grant_id, o.holdback, o.countries, o.media, o.start, o."end"
    FROM jsonb_to_recordset(${json}::jsonb)
           AS c(claim int, title_id uuid, countries bpchar[], media varchar[], start date, "end" date, exclusive boolean, seasons int[])
    CROSS JOIN LATERAL (
      SELECT s.deal_id, s.grant_id, s.holdback,
             array_agg(DISTINCT s.country::text ORDER BY s.country::text) AS countries,
             array_agg(DISTINCT s.media ORDER BY s.media) AS media,
             min(greatest(s.start, c.start)) AS start,
             max(least(s."end", c."end")) AS "end"
      FROM grant_slice s
      WHERE s.title_id = c.title_id
        AND s.country = ANY(c.countries)
        AND s.media = ANY(c.media)
        AND s.start <= c."end" AND s."end" >= c.start
        AND (s.exclusive OR c.exclusive)
        AND (cardinality(c.seasons) = 0
             OR EXISTS (SELECT 1 FROM unnest(c.seasons) AS n WHERE int4range(s.season_from, s.season_to, '[]') @> n))
        AND s.deal_id <> ${dealId}::uuid
      GROUP BY s.deal_id, s.grant_id, s.holdback
    ) o
    ORDER BY c.claim, o.deal_id, o.grant_id, o.holdback`;
}

/**
 * Everything that stops these grants from being signed: overlaps among the deal's own grants and
 * rows already held by signed deals (grants and holdbacks), under the conflict rule — season by
 * season for a series, as the exclusion constraint decides (rules.ts#conflicts, `seasonsOverlap`).
 */
export async function findConflicts(tx: Reader, dealId: string, grants: GrantLike[], viewerOrgId: string): Promise<SigningConflict[]> {
  const claims = claimsOf(grants);
  const found: (Omit<SigningConflict, "dealName" | "titleName" | "dealId" | "grantId"> & { dealId: string; grantId: string })[] = [];
  for (let i = 0; i < claims.length; i++) {
    for (let j = i + 1; j < claims.length; j++) {
      const a = claims[i]!;
      const b = claims[j]!;
      if (a.grantId === b.grantId) continue;
      const c = conflicts(a, b);
      if (c) found.push({ dealId, grantId: b.grantId, titleId: a.titleId, ...c, holdback: false });
    }
  }
  for (const r of await occupiedBy(tx, dealId, claims)) {
    const claim = claims[r.claim]!;
    found.push({
      dealId: r.deal_id,
      grantId: r.grant_id,
      titleId: claim.titleId,
      countries: r.countries.map((c) => c.trim()),
      media: r.media,
      start: dateOnly(r.start),
      end: dateOnly(r.end),
      holdback: r.holdback,
    });
  }
  if (found.length === 0) return [];
  const [deals, titles] = await Promise.all([
    tx.deal.findMany({
      where: { id: { in: [...new Set(found.map((f) => f.dealId))] } },
      select: { id: true, name: true, licensorId: true, licenseeId: true },
    }),
    tx.title.findMany({ where: { id: { in: [...new Set(found.map((f) => f.titleId))] } }, select: { id: true, originalTitle: true } }),
  ]);
  // The other party's deal is named only to those who are party to it (the licensor, usually);
  // a licensee learns that the rights are taken, by whom and how stays private.
  const visible = new Map(deals.map((d) => [d.id, d.licensorId === viewerOrgId || d.licenseeId === viewerOrgId ? d.name : null]));
  const titleName = new Map(titles.map((t) => [t.id, t.originalTitle]));
  return found.map((f) => {
    const name = visible.get(f.dealId) ?? null;
    return {
      ...f,
      dealId: name === null ? null : f.dealId,
      grantId: name === null ? null : f.grantId,
      dealName: name ?? "another signed deal",
      titleName: titleName.get(f.titleId) ?? f.titleId,
    };
  });
}
