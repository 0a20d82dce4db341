import { route } from "@/lib/api/handler";
import { platformOutcomesResponse } from "@/lib/outcomes/api";
import { outcomesQuerySchema } from "@/lib/outcomes/schema";

export const GET = route({ permission: "outcomes.platform", query: outcomesQuerySchema }, ({ query }) => platformOutcomesResponse(query));
