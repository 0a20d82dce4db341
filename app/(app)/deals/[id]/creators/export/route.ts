import { type NextRequest, NextResponse } from "next/server";
import { z } from "zod";
import { getSession } from "@/lib/auth/gate";
import { creatorStatements, creatorStatementsCsv } from "@/lib/statements/queries";

/**
 * The creator statements of a deal as CSV, for the page's export button (session only). Other
 * organisations, and the licensee, get 404: creator statements are the licensor's records.
 */
export async function GET(req: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const session = await getSession();
  if (!session) return new NextResponse("Unauthorized", { status: 401 });
  if (!z.uuid().safeParse(id).success) return new NextResponse("Not found", { status: 404 });
  const period = req.nextUrl.searchParams.get("period") === "month" ? "month" : "quarter";
  const rows = await creatorStatements(session.actor, { dealId: id, period });
  if (!rows) return new NextResponse("Not found", { status: 404 });
  return new NextResponse(`\uFEFF${creatorStatementsCsv(rows)}`, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="creator-statements-${id.slice(0, 8)}-${period}.csv"`,
      "cache-control": "no-store",
    },
  });
}
