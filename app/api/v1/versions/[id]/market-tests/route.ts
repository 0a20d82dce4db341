import { json, route } from "@/lib/api/handler";
import { idParams } from "@/lib/api/schemas";
import { createMarketTest } from "@/lib/catalogue/commands";
import { presentVersion } from "@/lib/catalogue/present";
import { getVersion } from "@/lib/catalogue/queries";
import { createMarketTestSchema } from "@/lib/catalogue/schema";
import { notFound } from "@/lib/result";

export const GET = route({ params: idParams }, async ({ actor, params }) => {
  const version = await getVersion(actor, params.id);
  return version ? json({ items: presentVersion(version).marketTests, nextCursor: null }) : notFound("Version");
});

export const POST = route({ params: idParams, body: createMarketTestSchema }, async ({ actor, params, body }) => {
  const result = await createMarketTest(actor, params.id, body);
  if (!result.ok) return result;
  const version = await getVersion(actor, params.id);
  const created = version ? presentVersion(version).marketTests.find((m) => m.id === result.value.id) : undefined;
  return created ? json(created, 201) : notFound("Version");
});
