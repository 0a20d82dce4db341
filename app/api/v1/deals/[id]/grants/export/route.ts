import { fileResponse, route } from "@/lib/api/handler";
import { idParams } from "@/lib/api/schemas";
import { exportDealGrants } from "@/lib/avails/queries";
import { grantsExportQuerySchema } from "@/lib/avails/schema";

export const GET = route({ params: idParams, query: grantsExportQuerySchema }, async ({ actor, params, query }) => {
  const result = await exportDealGrants(actor, params.id, query.format);
  return result.ok ? fileResponse(result.value) : result;
});
