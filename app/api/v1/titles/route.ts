import { json, route } from "@/lib/api/handler";
import { createTitle } from "@/lib/catalogue/commands";
import { presentTitle, presentTitleSummary } from "@/lib/catalogue/present";
import { getTitle, listTitles } from "@/lib/catalogue/queries";
import { createTitleSchema, titleListQuerySchema } from "@/lib/catalogue/schema";
import { localeFromHeaders } from "@/lib/i18n/config";

export const GET = route({ query: titleListQuerySchema }, async ({ actor, query, req }) => {
  // Title A–Z in the caller's language: ?locale=, else the UI language cookie, else Accept-Language.
  const page = await listTitles(actor, query, localeFromHeaders(req.headers));
  return json({ items: page.items.map(presentTitleSummary), nextCursor: page.nextCursor, total: page.total });
});

export const POST = route({ permission: "catalogue.write", body: createTitleSchema }, async ({ actor, body }) => {
  const result = await createTitle(actor, body);
  if (!result.ok) return result;
  const title = await getTitle(actor, result.value.id);
  return json(title ? presentTitle(title) : result.value, 201, { location: `/api/v1/titles/${result.value.id}` });
});
