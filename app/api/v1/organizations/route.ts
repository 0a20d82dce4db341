import { json, route } from "@/lib/api/handler";
import { iso } from "@/lib/api/present";
import { createOrganizationAsPlatform } from "@/lib/orgs/commands";
import { listOrganizationsForPlatform } from "@/lib/orgs/queries";
import { createOrganizationSchema } from "@/lib/orgs/schema";

export const GET = route({ permission: "platform.organizations.manage" }, async () => {
  const orgs = await listOrganizationsForPlatform();
  return json({
    items: orgs.map((o) => ({
      id: o.id,
      name: o.name,
      kind: o.kind,
      homeCountry: o.homeCountry,
      createdAt: iso(o.createdAt),
      members: o._count.memberships,
    })),
    nextCursor: null,
  });
});

export const POST = route({ permission: "platform.organizations.manage", body: createOrganizationSchema }, async ({ actor, body }) => {
  const result = await createOrganizationAsPlatform(actor, body);
  return result.ok ? json(result.value, 201) : result;
});
