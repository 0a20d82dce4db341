import { json, route } from "@/lib/api/handler";
import { idParams } from "@/lib/api/schemas";
import { addEditComment } from "@/lib/edits/commands/conversation";
import { presentComment } from "@/lib/edits/present";
import { getEditComment, listEditComments } from "@/lib/edits/queries";
import { editCommentListQuerySchema, editCommentSchema } from "@/lib/edits/schema";
import { notFound } from "@/lib/result";

export const GET = route({ params: idParams, query: editCommentListQuerySchema }, async ({ actor, params, query }) => {
  const page = await listEditComments(actor, params.id, query);
  if (!page) return notFound("Edit request");
  return json({ items: page.items.map(presentComment), nextCursor: page.nextCursor });
});

export const POST = route({ params: idParams, permission: "edits.comment", body: editCommentSchema }, async ({ actor, params, body }) => {
  const result = await addEditComment(actor, params.id, body.body);
  if (!result.ok) return result;
  const comment = await getEditComment(actor, params.id, result.value.id);
  return comment ? json(presentComment(comment), 201) : notFound("Edit request");
});
