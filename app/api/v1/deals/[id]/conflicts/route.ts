import { json, route } from "@/lib/api/handler";
import { idParams } from "@/lib/api/schemas";
import { signingPreview } from "@/lib/deals/queries";
import { notFound } from "@/lib/result";

export const GET = route({ params: idParams }, async ({ actor, params }) => {
  const preview = await signingPreview(actor, params.id);
  return preview ? json(preview) : notFound("Deal");
});
