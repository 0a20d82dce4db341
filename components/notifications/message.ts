"use client";

import { useLocale, useTranslations } from "next-intl";
import type { EditRequestStatus } from "@/lib/edits/schema";
import { EDIT_REQUEST_STATUSES } from "@/lib/edits/schema";
import { describeNotification, describes } from "@/lib/notifications/text";
import { OBLIGATION_KINDS, type ObligationKind } from "@/lib/obligations/schema";

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
  const tObligation = useTranslations("obligations");
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
      case "obligation.reminder": {
        const kind = str(p.obligationKind);
        const days = num(p.days);
        const when =
          days < 0
            ? tObligation("notification.overdue", { date: str(p.dueDate) })
            : days === 0
              ? tObligation("notification.today")
              : tObligation("notification.inDays", { days });
        const titled = str(locale === "zh" ? p.titleZh : p.titleEn);
        const subject = [str(p.dealName), titled && (locale === "zh" ? `《${titled}》` : titled), str(p.about)].filter(Boolean).join(" · ");
        return tObligation("notification.reminder", {
          kind: (OBLIGATION_KINDS as readonly string[]).includes(kind) ? tObligation(`kinds.${kind as ObligationKind}`) : kind,
          when,
          subject: subject || "none",
        });
      }
      default:
        return t("other", { request: request || n.kind });
    }
  };
}
