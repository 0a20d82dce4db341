import { json, route } from "@/lib/api/handler";
import { idParams } from "@/lib/api/schemas";
import { notFound } from "@/lib/result";
import { creatorStatementsCsv } from "@/lib/statements/present";
import { creatorStatements } from "@/lib/statements/queries";
import { creatorStatementsQuerySchema } from "@/lib/statements/schema";

/** Creator statements of a deal (licensor only): each participant's earnings per month or quarter; `format=csv` exports. */
export const GET = route({ params: idParams, query: creatorStatementsQuerySchema }, async ({ actor, params, query }) => {
  const rows = await creatorStatements(actor, { ...query, dealId: params.id });
  if (!rows) return notFound("Deal");
  if (query.format === "csv")
    return new Response(`\uFEFF${creatorStatementsCsv(rows)}`, {
      headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="creator-statements.csv"' },
    });
  return json({ period: query.period, items: rows });
});
