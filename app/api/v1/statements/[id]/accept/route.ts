import { jsonOrNotFound, route } from "@/lib/api/handler";
import { idParams } from "@/lib/api/schemas";
import { acceptStatement } from "@/lib/statements/commands/statements";
import { getStatementSummary } from "@/lib/statements/queries";

export const POST = route({ permission: "statements.review", params: idParams }, async ({ actor, params }) => {
  const result = await acceptStatement(actor, params.id);
  return result.ok ? jsonOrNotFound(await getStatementSummary(actor, params.id), "Statement") : result;
});
