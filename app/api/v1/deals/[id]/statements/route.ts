import { json, jsonOrNotFound, route } from "@/lib/api/handler";
import { idParams } from "@/lib/api/schemas";
import { notFound } from "@/lib/result";
import { submitStatement } from "@/lib/statements/commands/statements";
import { getStatementSummary, listDealStatements } from "@/lib/statements/queries";
import { dealStatementsQuerySchema, submitStatementSchema } from "@/lib/statements/schema";

export const GET = route({ params: idParams, query: dealStatementsQuerySchema }, async ({ actor, params, query }) => {
  const result = await listDealStatements(actor, params.id, query);
  return result ? json(result) : notFound("Deal");
});

export const POST = route(
  // A statement of up to 200,000 lines: JSON bodies up to 32 MB here (1 MB elsewhere).
  { permission: "statements.submit", params: idParams, body: submitStatementSchema, maxBodyBytes: 32 * 1024 * 1024 },
  async ({ actor, params, body }) => {
    const result = await submitStatement(actor, params.id, body, { source: "API" });
    return result.ok ? jsonOrNotFound(await getStatementSummary(actor, result.value.id), "Statement", 201) : result;
  },
);
