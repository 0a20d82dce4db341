import "server-only";
import { json } from "@/lib/api/handler";
import type { Actor } from "@/lib/auth/actor";
import { notFound } from "@/lib/result";
import { presentDeal } from "./present";
import { getDeal } from "./queries";

/** Answers with the deal as the actor now sees it (after a command). */
export async function dealResponse(actor: Actor, id: string, status = 200) {
  const deal = await getDeal(actor, id);
  return deal ? json(presentDeal(deal, actor.org.id), status) : notFound("Deal");
}
