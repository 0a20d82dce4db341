import { json, route } from "@/lib/api/handler";
import { idParams } from "@/lib/api/schemas";
import { notFound } from "@/lib/result";
import { getStatement } from "@/lib/statements/queries";
import { statementLinesQuerySchema } from "@/lib/statements/schema";

export const GET = route({ params: idParams, query: statementLinesQuerySchema }, async ({ actor, params, query }) => {
  const statement = await getStatement(actor, params.id, query);
  return statement ? json(statement) : notFound("Statement");
});
