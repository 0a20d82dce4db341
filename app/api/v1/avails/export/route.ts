import { fileResponse, route } from "@/lib/api/handler";
import { exportAvails } from "@/lib/avails/queries";
import { availsExportQuerySchema } from "@/lib/avails/schema";

export const GET = route({ query: availsExportQuerySchema }, async ({ actor, query }) => {
  const { format, ...avails } = query;
  const result = await exportAvails(actor, avails, format);
  return result.ok ? fileResponse(result.value) : result;
});
