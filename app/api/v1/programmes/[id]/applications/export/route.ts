import { csvResponse, route } from "@/lib/api/handler";
import { idParams } from "@/lib/api/schemas";
import { applicationsCsv } from "@/lib/programmes/present";
import { allApplications } from "@/lib/programmes/queries";
import { notFound } from "@/lib/result";

/** Every application of the programme with its snapshot's metrics, as CSV (programme staff). */
export const GET = route({ params: idParams }, async ({ actor, params }) => {
  const found = await allApplications(actor, params.id);
  if (!found) return notFound("Programme");
  return csvResponse(applicationsCsv(found.items), `programme-applications-${found.programme.id.slice(0, 8)}.csv`);
});
