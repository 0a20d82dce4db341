import { jsonOrNotFound, route } from "@/lib/api/handler";
import { idParams } from "@/lib/api/schemas";
import { getDashboard } from "@/lib/programmes/queries";

/** Budget, committed, paid, applications by status and the awarded studios' ratio by quarter (programme staff). */
export const GET = route({ params: idParams }, async ({ actor, params }) =>
  jsonOrNotFound(await getDashboard(actor, params.id), "Programme"),
);
