import { addDays } from "@/lib/dates";
import type { Money } from "@/lib/money/money";
import { formatAmount, percentOf } from "@/lib/money/money";
import type { FieldError } from "@/lib/result";
import { type AmendmentChanges, FIXED_TERMS, type GrantInput, type RenewalOption } from "./schema";

/**
 * Amendments, pure: what a deal's grants and terms become under `changes`, the readable diff of
 * two snapshots, and the changes a renewal option makes. No I/O; commands/amend.ts persists.
 */

/** A grant as the history keeps it (API shape: dates as YYYY-MM-DD). */
export type GrantSnap = {
  id: string;
  titleId: string;
  titleName?: string;
  versionId: string | null;
  territories: string[];
  excludedTerritories: string[];
  mediaRights: string[];
  languages: string[];
  start: string;
  end: string;
  exclusive: boolean;
  editsPermitted: boolean;
  holdbacks: unknown;
  /** Seasons of a series (empty = every season); absent in snapshots taken before seasons existed. */
  seasons?: number[];
};

export type TermsSnap = {
  minimumGuarantee: Money | null;
  instalments: { amount: Money; dueDate: string | null; trigger: string }[];
  expenseCap: Money | null;
  participants: { name: string; role: string; share: string }[];
};

export type DealSnap = { grants: GrantSnap[]; terms: TermsSnap };

export type GrantField = "start" | "end" | "territories" | "excludedTerritories" | "mediaRights" | "exclusive" | "seasons";
export type AmendmentDiff = {
  grants: {
    added: GrantSnap[];
    removed: GrantSnap[];
    changed: { grantId: string; titleId: string; titleName?: string; fields: { field: GrantField; before: unknown; after: unknown }[] }[];
  };
  terms: { field: keyof TermsSnap; before: unknown; after: unknown }[];
};

const GRANT_FIELDS: GrantField[] = ["start", "end", "territories", "excludedTerritories", "mediaRights", "exclusive", "seasons"];
const TERM_FIELDS: (keyof TermsSnap)[] = ["minimumGuarantee", "instalments", "expenseCap", "participants"];
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** `terms.distributionFeePct` and `terms.shareTiers` cannot be amended: one error each, naming it. */
export function fixedTermErrors(changes: AmendmentChanges, prefix = "changes."): FieldError[] {
  return FIXED_TERMS.filter((f) => changes.terms?.[f] !== undefined).map((f) => ({
    path: `${prefix}terms.${f}`,
    message: `terms.${f} cannot be amended: the waterfall stays one formula over the deal's life, so a change needs a new deal.`,
  }));
}

/**
 * The grant set under `changes`: removed grants go, updated ones take the given fields, added
 * ones get the ids in `newIds` (in order). Unknown or doubly-named grant ids are field errors.
 */
export function amendGrants(current: readonly GrantSnap[], changes: AmendmentChanges, newIds: readonly string[], prefix = "changes.") {
  const errors: FieldError[] = [];
  const byId = new Map(current.map((g) => [g.id, g]));
  const removed = new Set<string>();
  (changes.removeGrantIds ?? []).forEach((id, i) => {
    if (!byId.has(id)) errors.push({ path: `${prefix}removeGrantIds.${i}`, message: "This deal has no such grant." });
    else if (removed.has(id)) errors.push({ path: `${prefix}removeGrantIds.${i}`, message: "This grant is already removed above." });
    removed.add(id);
  });
  const updated = new Map<string, GrantSnap>();
  for (const [i, u] of (changes.updateGrants ?? []).entries()) {
    const path = `${prefix}updateGrants.${i}`;
    const g = byId.get(u.grantId);
    const refusal = !g
      ? "This deal has no such grant."
      : removed.has(u.grantId)
        ? "This grant is removed by the same amendment."
        : updated.has(u.grantId)
          ? "Change each grant once."
          : null;
    if (!g || refusal) {
      errors.push({ path: `${path}.grantId`, message: refusal ?? "" });
      continue;
    }
    const next: GrantSnap = {
      ...g,
      ...(u.start !== undefined && { start: u.start }),
      ...(u.end !== undefined && { end: u.end }),
      ...(u.territories !== undefined && { territories: u.territories }),
      ...(u.excludedTerritories !== undefined && { excludedTerritories: u.excludedTerritories }),
      ...(u.mediaRights !== undefined && { mediaRights: u.mediaRights }),
      ...(u.exclusive !== undefined && { exclusive: u.exclusive }),
      ...(u.seasons !== undefined && { seasons: u.seasons }),
    };
    if (next.start > next.end)
      errors.push({ path: `${path}.${u.end !== undefined ? "end" : "start"}`, message: "The window ends before it starts." });
    updated.set(u.grantId, next);
  }
  const added: GrantSnap[] = (changes.addGrants ?? []).map((a: GrantInput, i) => ({
    id: newIds[i]!,
    titleId: a.titleId,
    versionId: a.versionId ?? null,
    territories: a.territories,
    excludedTerritories: a.excludedTerritories,
    mediaRights: a.mediaRights,
    languages: a.languages,
    start: a.start,
    end: a.end,
    exclusive: a.exclusive,
    editsPermitted: a.editsPermitted,
    holdbacks: a.holdbacks,
    seasons: a.seasons,
  }));
  const grants = [...current.filter((g) => !removed.has(g.id)).map((g) => updated.get(g.id) ?? g), ...added];
  if (grants.length === 0)
    errors.push({ path: `${prefix}removeGrantIds`, message: "A deal keeps at least one grant; terminate it instead." });
  return { grants, errors };
}

/** What changed between two snapshots of a deal, grant by grant and term by term. */
export function diffDeal(before: DealSnap, after: DealSnap): AmendmentDiff {
  const beforeIds = new Map(before.grants.map((g) => [g.id, g]));
  const afterIds = new Set(after.grants.map((g) => g.id));
  const changed: AmendmentDiff["grants"]["changed"] = [];
  for (const g of after.grants) {
    const was = beforeIds.get(g.id);
    if (!was) continue;
    const fields = GRANT_FIELDS.filter((f) => !same(was[f], g[f])).map((field) => ({ field, before: was[field], after: g[field] }));
    if (fields.length) changed.push({ grantId: g.id, titleId: g.titleId, ...(g.titleName && { titleName: g.titleName }), fields });
  }
  return {
    grants: {
      added: after.grants.filter((g) => !beforeIds.has(g.id)),
      removed: before.grants.filter((g) => !afterIds.has(g.id)),
      changed,
    },
    terms: TERM_FIELDS.filter((f) => !same(before.terms[f], after.terms[f])).map((field) => ({
      field,
      before: before.terms[field],
      after: after.terms[field],
    })),
  };
}

/** May the licensee still exercise the option today? (Up to and including its notice date.) */
export const renewalOpen = (option: RenewalOption, today: string) => today <= option.noticeBy;

/**
 * The changes that exercising a renewal option makes: every grant ending before `extendsTo` runs
 * to it, and the MG grows by `mgIncreasePct` (half-even to the minor unit); when the MG is paid in
 * instalments, the increase is one more instalment, due when the extension starts.
 */
export function renewalChanges(deal: DealSnap & { mgMinor: bigint | null; exponent: number }, option: RenewalOption): AmendmentChanges {
  const updateGrants = deal.grants.filter((g) => g.end < option.extendsTo).map((g) => ({ grantId: g.id, end: option.extendsTo }));
  if (deal.mgMinor === null || deal.mgMinor === 0n) return { updateGrants };
  const increase = percentOf(deal.mgMinor, option.mgIncreasePct);
  if (increase === 0n) return { updateGrants };
  const currency = deal.terms.minimumGuarantee?.currency ?? "";
  const money = (minor: bigint) => ({ amount: formatAmount(minor, deal.exponent), currency });
  const latestEnd =
    deal.grants
      .map((g) => g.end)
      .sort()
      .at(-1) ?? option.extendsTo;
  const terms: NonNullable<AmendmentChanges["terms"]> = { minimumGuarantee: money(deal.mgMinor + increase) };
  if (deal.terms.instalments.length > 0) {
    terms.instalments = [
      ...deal.terms.instalments.map((i) => ({ ...i, trigger: i.trigger as "DATE" })),
      { amount: money(increase), dueDate: addDays(latestEnd, 1), trigger: "DATE" },
    ];
  }
  return { updateGrants, terms };
}
