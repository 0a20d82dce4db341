import { route } from "@/lib/api/handler";
import { idParams } from "@/lib/api/schemas";
import { statementResponse } from "@/lib/statements/api";
import { acceptStatement } from "@/lib/statements/commands";

export const POST = route({ permission: "statements.review", params: idParams }, async ({ actor, params }) => {
  const result = await acceptStatement(actor, params.id);
  return result.ok ? statementResponse(actor, params.id) : result;
});
