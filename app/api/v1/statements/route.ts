import { json, route } from "@/lib/api/handler";
import { listStatements } from "@/lib/statements/queries";
import { statementListQuerySchema } from "@/lib/statements/schema";

export const GET = route({ query: statementListQuerySchema }, async ({ actor, query }) =>
  json({ items: await listStatements(actor, query) }),
);
