import { json, route } from "@/lib/api/handler";
import { idParams } from "@/lib/api/schemas";
import { editRequestTimeline } from "@/lib/edits/queries";
import { notFound } from "@/lib/result";

export const GET = route({ params: idParams }, async ({ actor, params }) => {
  const entries = await editRequestTimeline(actor, params.id);
  if (!entries) return notFound("Edit request");
  return json({ items: entries.map((e) => ({ ...e, at: e.at.toISOString() })) });
});
