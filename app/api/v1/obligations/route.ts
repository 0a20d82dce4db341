import { jsonOrNotFound, route } from "@/lib/api/handler";
import { listObligations } from "@/lib/obligations/queries";
import { obligationListQuerySchema } from "@/lib/obligations/schema";

export const GET = route({ query: obligationListQuerySchema }, async ({ actor, query }) =>
  jsonOrNotFound(await listObligations(actor, query), "Deal"),
);
