import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { limitImports } from "@/lib/auth/rate-limit";
import { db } from "@/lib/db/client";
import { addGrants } from "@/lib/deals/commands/grants";
import { partyOf } from "@/lib/deals/queries";
import { type FieldError, fail, notFound, ok, type Result } from "@/lib/result";
import { type EmaGrant, type EmaImportNote, type EmaRowError, emaRowsToGrants, parseEmaSheet } from "./ema";

/** The EMA column a grant field came from, to point a late (in-transaction) refusal at the sheet. */
const COLUMN_OF_FIELD: Record<string, string> = {
  titleId: "AltID",
  territories: "Territory",
  excludedTerritories: "Territory",
  mediaRights: "RightsbridgeMedia",
  languages: "AllowedLanguages",
  start: "Start",
  end: "End",
  seasons: "SeasonNumber",
};

function rowErrors(grants: EmaGrant[], errors: FieldError[]): EmaRowError[] {
  return errors.map((e) => {
    const match = /^grants\.(\d+)\.([A-Za-z]+)/.exec(e.path);
    const grant = match ? grants[Number(match[1])] : undefined;
    const first = grant?.rows[0];
    if (!grant || !first) return { ...e, row: 0, column: "", sheet: "Movie" };
    const column = COLUMN_OF_FIELD[match![2]!] ?? match![2]!;
    const rows = grant.rows.map((r) => r.row);
    const span = rows.length > 1 ? ` (rows ${rows.slice(0, 5).join(", ")}${rows.length > 5 ? ", …" : ""})` : "";
    return {
      path: `${first.sheet === "TV" ? "sheets.TV.rows" : "rows"}.${first.row}.${column}`,
      message: `${e.message}${span}`,
      row: first.row,
      column,
      sheet: first.sheet,
    };
  });
}

export type EmaImported = { rows: number; grantIds: string[]; notes: EmaImportNote[] };

/**
 * Imports an EMA Avails sheet as grants of a DRAFT or PROPOSED deal the actor is party to: every
 * row is checked first, then all grants are written in one transaction (through the same checks
 * as adding one grant), or nothing at all. A change to a PROPOSED deal voids its signatures.
 */
export async function importEmaGrants(
  actor: Actor,
  dealId: string,
  bytes: Uint8Array,
  options: { openEndDate?: string; version?: number } = {},
): Promise<Result<EmaImported>> {
  const deal = await db.deal.findFirst({
    where: { AND: [{ id: dealId }, partyOf(actor)] },
    select: { id: true, licensorId: true, status: true },
  });
  if (!deal) return notFound("Deal");
  if (deal.status !== "DRAFT" && deal.status !== "PROPOSED") {
    return fail("conflict", "DEAL_SETTLED", `A ${deal.status} deal cannot change; its terms are final.`);
  }
  const limited = await limitImports(actor.org.id);
  if (limited) return limited;
  const parsed = await parseEmaSheet(bytes);
  if (!parsed.ok) return parsed;
  // The licensor's titles that the actor may license: its own, or the licensor's listed ones.
  const titles = await db.title.findMany({
    where: { studioId: deal.licensorId, OR: [{ studioId: actor.org.id }, { visibility: "LISTED", archivedAt: null }] },
    select: {
      id: true,
      kind: true,
      originalTitle: true,
      titleEn: true,
      eidr: true,
      episodeCount: true,
      seasons: {
        select: { id: true, number: true, eidr: true, episodes: { select: { id: true, number: true, eidr: true } } },
        orderBy: { number: "asc" },
      },
    },
  });
  const grants = emaRowsToGrants(parsed.value.rows, titles, { openEndDate: options.openEndDate });
  if (!grants.ok) return grants;
  const written = await addGrants(
    actor,
    deal.id,
    grants.value.grants.map((g) => g.input),
    { version: options.version, pathOf: (i) => `grants.${i}.`, source: "EMA Avails import" },
  );
  if (!written.ok) {
    return written.errors ? { ...written, errors: rowErrors(grants.value.grants, written.errors) } : written;
  }
  return ok({ rows: parsed.value.rows.length, grantIds: written.value.ids, notes: grants.value.notes });
}
