import { jsonOrNotFound, route } from "@/lib/api/handler";
import { idParams } from "@/lib/api/schemas";
import { disputeStatement } from "@/lib/statements/commands/statements";
import { getStatementSummary } from "@/lib/statements/queries";
import { disputeStatementSchema } from "@/lib/statements/schema";

export const POST = route(
  { permission: "statements.review", params: idParams, body: disputeStatementSchema },
  async ({ actor, params, body }) => {
    const result = await disputeStatement(actor, params.id, body);
    return result.ok ? jsonOrNotFound(await getStatementSummary(actor, params.id), "Statement") : result;
  },
);
