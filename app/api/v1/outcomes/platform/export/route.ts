import { route } from "@/lib/api/handler";
import { platformOutcomesCsvResponse } from "@/lib/outcomes/api";
import { platformOutcomesExportQuerySchema } from "@/lib/outcomes/schema";

export const GET = route({ permission: "outcomes.platform", query: platformOutcomesExportQuerySchema }, ({ query }) =>
  platformOutcomesCsvResponse(query),
);
