import { route } from "@/lib/api/handler";
import { idParams } from "@/lib/api/schemas";
import { statementResponse } from "@/lib/statements/api";
import { disputeStatement } from "@/lib/statements/commands";
import { disputeStatementSchema } from "@/lib/statements/schema";

export const POST = route(
  { permission: "statements.review", params: idParams, body: disputeStatementSchema },
  async ({ actor, params, body }) => {
    const result = await disputeStatement(actor, params.id, body);
    return result.ok ? statementResponse(actor, params.id) : result;
  },
);
