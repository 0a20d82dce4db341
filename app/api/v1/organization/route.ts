import { json, jsonOrNotFound, route } from "@/lib/api/handler";
import { updateOrganization } from "@/lib/orgs/commands";
import { organizationSettings } from "@/lib/orgs/queries";
import { updateOrganizationSchema } from "@/lib/orgs/schema";

/** The active organisation's settings; owners change them (its time zone). */
export const GET = route({ permission: "org.read" }, async ({ actor }) =>
  jsonOrNotFound(await organizationSettings(actor), "Organization"),
);

export const PATCH = route({ permission: "org.settings.manage", body: updateOrganizationSchema }, async ({ actor, body }) => {
  const result = await updateOrganization(actor, body);
  return result.ok ? json(result.value) : result;
});
