import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { readableTitles } from "@/lib/catalogue/queries";
import { dateOnly } from "@/lib/dates";
import { db } from "@/lib/db/client";
import { holdbacksOf } from "@/lib/deals/commands";
import { getDeal } from "@/lib/deals/queries";
import type { AvailsQuery } from "@/lib/deals/schema";
import { XLSX_MIME } from "@/lib/files/sniff";
import { notFound, ok, type Result } from "@/lib/result";
import { availsLines, type EmaLine, type EmaTitle, grantLines, writeEmaCsv, writeEmaXlsx } from "./ema";
import { queryAvails } from "./queries";

export type ExportFormat = "csv" | "xlsx";
export type FileAnswer = { body: Uint8Array; contentType: string; fileName: string };

const emaTitleSelect = {
  id: true,
  kind: true,
  originalTitle: true,
  titleEn: true,
  year: true,
  runtimeMinutes: true,
  episodeCount: true,
} as const;

async function file(lines: EmaLine[], format: ExportFormat, baseName: string): Promise<FileAnswer> {
  if (format === "csv") {
    return { body: new TextEncoder().encode(writeEmaCsv(lines)), contentType: "text/csv; charset=utf-8", fileName: `${baseName}.csv` };
  }
  return { body: await writeEmaXlsx(lines), contentType: XLSX_MIME, fileName: `${baseName}.xlsx` };
}

/** The AVAILABLE cells of an avails query, as an EMA Avails file (same questions as GET /avails). */
export async function exportAvails(actor: Actor, query: AvailsQuery, format: ExportFormat): Promise<Result<FileAnswer>> {
  const answer = await queryAvails(actor, query);
  if (!answer.ok) return answer;
  const ids = [...new Set(answer.value.items.filter((i) => i.status === "AVAILABLE").map((i) => i.titleId))];
  const titles: EmaTitle[] = await db.title.findMany({
    where: { AND: [{ id: { in: ids } }, readableTitles(actor)] },
    select: emaTitleSelect,
  });
  const lines = availsLines(answer.value.items, titles, { start: query.start, end: query.end, exclusive: query.exclusive === "true" });
  return ok(await file(lines, format, `avails-${query.start}-${query.end}`));
}

/** A deal's grants as an EMA Avails file, for either party. */
export async function exportDealGrants(actor: Actor, dealId: string, format: ExportFormat): Promise<Result<FileAnswer>> {
  const deal = await getDeal(actor, dealId);
  if (!deal) return notFound("Deal");
  // The parties see the titles of their own deal, whatever the titles' visibility is now.
  const titles: EmaTitle[] = await db.title.findMany({
    where: { id: { in: [...new Set(deal.grants.map((g) => g.titleId))] } },
    select: emaTitleSelect,
  });
  const lines = grantLines(
    {
      id: deal.id,
      name: deal.name,
      licensee: deal.licensee,
      grants: deal.grants.map((g) => ({
        ...g,
        start: dateOnly(g.start),
        end: dateOnly(g.end),
        holdbacks: holdbacksOf(g.holdbacks),
      })),
    },
    titles,
  );
  return ok(await file(lines, format, `deal-${deal.id}-grants`));
}

/** A file download: Content-Disposition attachment with an ASCII name and its UTF-8 form. */
export function fileResponse(answer: FileAnswer, disposition: "attachment" | "inline" = "attachment"): Response {
  const ascii = answer.fileName.replace(/[^\w.-]+/g, "_");
  return new Response(new Uint8Array(answer.body), {
    status: 200,
    headers: {
      "content-type": answer.contentType,
      "content-disposition": `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(answer.fileName)}`,
      "content-length": String(answer.body.byteLength),
      "cache-control": "private, no-store",
    },
  });
}
