"use server";
import { revalidatePath } from "next/cache";
import { type ActionResult, fromFailure, unauthenticated } from "@/lib/actions/result";
import { getSession } from "@/lib/auth/gate";
import { createFeed, revokeFeed } from "./feeds";

/** The calendar page's "Create a feed address": a new private URL (the old one stops working). */
export async function createCalendarFeedAction(): Promise<ActionResult<{ url: string; createdAt: string }>> {
  const session = await getSession();
  if (!session) return unauthenticated;
  const result = await createFeed(session.actor);
  if (!result.ok) return fromFailure(result);
  revalidatePath("/obligations");
  return { ok: true, data: { url: result.value.url, createdAt: result.value.createdAt } };
}

/** The calendar page's "Revoke": the feed address answers 404 from now on. */
export async function revokeCalendarFeedAction(): Promise<ActionResult> {
  const session = await getSession();
  if (!session) return unauthenticated;
  const result = await revokeFeed(session.actor);
  if (!result.ok) return fromFailure(result);
  revalidatePath("/obligations");
  return { ok: true, data: null };
}
