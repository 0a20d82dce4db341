import { route } from "@/lib/api/handler";
import { outcomesCsvResponse } from "@/lib/outcomes/api";
import { outcomesExportQuerySchema } from "@/lib/outcomes/schema";

export const GET = route({ query: outcomesExportQuerySchema }, ({ actor, query }) => outcomesCsvResponse(actor, query));
