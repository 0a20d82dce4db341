import { jsonOrNotFound, route } from "@/lib/api/handler";
import { getApplication } from "@/lib/programmes/queries";
import { applicationParams } from "@/lib/programmes/schema";

export const GET = route({ params: applicationParams }, async ({ actor, params }) =>
  jsonOrNotFound(await getApplication(actor, params.id, params.applicationId), "Application"),
);
