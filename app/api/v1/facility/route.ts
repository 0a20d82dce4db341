import { json, route } from "@/lib/api/handler";
import { updateFacilitySettings } from "@/lib/facility/commands/settings";
import { facilityOf, getFacilityView, presentFacility } from "@/lib/facility/queries";
import { facilitySettingsUpdateSchema } from "@/lib/facility/schema";
import { notFound } from "@/lib/result";

// Facility staff read their facility; studios read the terms of the facility they apply to
// (not its portfolio state); partners get 404.
export const GET = route({}, async ({ actor }) => {
  const settings = await getFacilityView(actor);
  return settings ? json(settings) : notFound("Facility");
});

export const PUT = route({ permission: "facility.manage", body: facilitySettingsUpdateSchema }, async ({ actor, body }) => {
  const result = await updateFacilitySettings(actor, body);
  if (!result.ok) return result;
  const facility = await facilityOf(actor);
  // `warnings`: CAPACITY_BELOW_EXPOSURE when an acknowledged capacity is below exposure, else empty.
  return facility ? json({ ...(await presentFacility(facility)), warnings: result.value.warnings }) : notFound("Facility");
});
