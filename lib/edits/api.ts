import "server-only";
import { json } from "@/lib/api/handler";
import type { Actor } from "@/lib/auth/actor";
import { notFound } from "@/lib/result";
import { presentEditRequest } from "./present";
import { getEditPolicy, getEditRequest } from "./queries";

/** Answers with the edit request as the actor now sees it (after a command). */
export async function editRequestResponse(actor: Actor, id: string, status = 200) {
  const request = await getEditRequest(actor, id);
  return request ? json(presentEditRequest(request, actor.org.id), status) : notFound("Edit request");
}

/** Answers with the title's edit policy in force: `{titleId, version, elements, …}` (version 0 and no elements when none is set). */
export async function editPolicyResponse(actor: Actor, titleId: string, status = 200) {
  const view = await getEditPolicy(actor, titleId);
  if (!view) return notFound("Title");
  return json(
    {
      titleId: view.title.id,
      policyId: view.policy?.id ?? null,
      version: view.policy?.version ?? 0,
      elements: view.policy?.elements ?? [],
      createdAt: view.policy?.createdAt.toISOString() ?? null,
      editable: view.own,
    },
    status,
  );
}
