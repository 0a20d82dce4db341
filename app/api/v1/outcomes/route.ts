import { route } from "@/lib/api/handler";
import { outcomesResponse } from "@/lib/outcomes/api";
import { outcomesQuerySchema } from "@/lib/outcomes/schema";

export const GET = route({ query: outcomesQuerySchema }, ({ actor, query }) => outcomesResponse(actor, query));
