"use server";
import { revalidatePath } from "next/cache";
import { type ActionResult, fromFailure, parseInput, unauthenticated } from "@/lib/actions/result";
import { getSession } from "@/lib/auth/gate";
import { NOTIFICATION_SETTINGS_PATH } from "@/lib/mail/templates";
import { setNotificationPreferences } from "./commands";
import { type NotificationPreference, putNotificationPreferencesSchema } from "./schema";

/** The settings page's save: session → schema → setNotificationPreferences (people only) → every kind. */
export async function putNotificationPreferencesAction(input: unknown): Promise<ActionResult<{ items: NotificationPreference[] }>> {
  const session = await getSession();
  if (!session) return unauthenticated;
  const parsed = parseInput(putNotificationPreferencesSchema, input);
  if (!parsed.ok) return parsed;
  const result = await setNotificationPreferences(session.actor, parsed.data);
  if (!result.ok) return fromFailure(result);
  revalidatePath(NOTIFICATION_SETTINGS_PATH);
  return { ok: true, data: result.value };
}
