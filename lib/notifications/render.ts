import "server-only";
import { createTranslator } from "next-intl";
import { messages } from "@/messages";
import { describeNotification, type KindTranslate } from "./text";

type Locale = "en" | "zh";

const translators = new Map<Locale, KindTranslate>();

/** The `notifications.kinds` translator of a locale, for e-mails (server side; the UI uses next-intl's hooks). */
function translator(locale: Locale): KindTranslate {
  let t = translators.get(locale);
  if (!t) {
    const typed = createTranslator({ locale, messages: messages[locale], namespace: "notifications.kinds" });
    // Keys are chosen at run time from the stored kind (describeNotification checks them).
    t = (key, values) => typed(key as Parameters<typeof typed>[0], values);
    translators.set(locale, t);
  }
  return t;
}

/** A notification's sentence in `locale`, as the bell shows it. */
export function notificationSentence(locale: Locale, kind: string, params: Record<string, unknown>): string {
  return describeNotification(translator(locale), locale, kind, params);
}
