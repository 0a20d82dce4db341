"use client";

import { useLocale, useTranslations } from "next-intl";
import type { EditRequestStatus } from "@/lib/edits/schema";
import { EDIT_REQUEST_STATUSES } from "@/lib/edits/schema";
import { describeNotification, describes } from "@/lib/notifications/text";

export type NotificationView = {
  id: string;
  kind: string;
  params: Record<string, unknown>;
  href: string;
  read: boolean;
  createdAt: string;
};

const str = (v: unknown) => (typeof v === "string" ? v : typeof v === "number" ? String(v) : "");
const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : 0);

/**
 * A notification's sentence in the reader's language, from its kind and the params the command
 * stored (names, counts, the new status). Unknown kinds (a later feature's) still read sensibly.
 */
export function useNotificationText() {
  const t = useTranslations("edits.notifications.kinds");
  const tStatus = useTranslations("edits.status");
  const tKinds = useTranslations("notifications.kinds");
  const locale = useLocale();
  return (n: Pick<NotificationView, "kind" | "params">): string => {
    const p = n.params;
    // Deals, statements, receipts, advances and reminders: the sentence e-mails use too.
    if (describes(n.kind))
      return describeNotification((key, values) => tKinds(key as Parameters<typeof tKinds>[0], values), locale, n.kind, p);
    const request = str(p.requestName);
    const title = str(p.titleName);
    const status = str(p.status);
    const statusText = (EDIT_REQUEST_STATUSES as readonly string[]).includes(status) ? tStatus(status as EditRequestStatus) : status;
    switch (n.kind) {
      case "editRequest.submitted":
        return t(p.resubmitted === true ? "resubmitted" : "submitted", {
          partner: str(p.partnerName),
          request,
          title,
          pending: num(p.pending),
        });
      case "editRequest.decided":
        return t(p.automatic === true ? "decidedAutomatic" : "decided", { request, title, status: statusText });
      case "editRequest.itemsDecided":
        return t("itemsDecided", { studio: str(p.studioName), request, decided: num(p.decided), pending: num(p.pending) });
      case "editRequest.changesRequested":
        return t("changesRequested", { studio: str(p.studioName), request, note: str(p.note) });
      case "editRequest.commented":
        return t("commented", { organization: str(p.authorOrgName), request, excerpt: str(p.excerpt) });
      case "editRequest.withdrawn":
        return t("withdrawn", { partner: str(p.partnerName), request, title });
      default:
        return t("other", { request: request || n.kind });
    }
  };
}
