import { csvResponse, json, route } from "@/lib/api/handler";
import { idParams } from "@/lib/api/schemas";
import { notFound } from "@/lib/result";
import { creatorStatementsCsv } from "@/lib/statements/present";
import { creatorStatements } from "@/lib/statements/queries";
import { creatorStatementsQuerySchema } from "@/lib/statements/schema";

/** Creator statements of a deal (licensor only): each participant's earnings per month or quarter; `format=csv` exports. */
export const GET = route({ params: idParams, query: creatorStatementsQuerySchema }, async ({ actor, params, query }) => {
  const rows = await creatorStatements(actor, { ...query, dealId: params.id });
  if (!rows) return notFound("Deal");
  if (query.format === "csv") return csvResponse(creatorStatementsCsv(rows), "creator-statements.csv");
  return json({ period: query.period, items: rows });
});
