"use client";

import { Bell, CheckCheck } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { toast } from "sonner";
import { EmptyState } from "@/components/common/empty-state";
import { callAction } from "@/components/forms/call-action";
import { Button } from "@/components/ui/button";
import { Link } from "@/components/ui/link";
import type { ActionResult } from "@/lib/actions/result";
import { useFormat } from "@/lib/i18n/use-format";
import { cn } from "@/lib/utils";
import { type NotificationView, useNotificationText } from "./message";

export type NotificationListProps = {
  items: NotificationView[];
  unread: number;
  markReadAction: (input: { ids: string[] } | { all: true }) => Promise<ActionResult<{ updated: number }>>;
};

/** Every notification, newest first: each opens its subject; unread ones can be marked read one by one or all at once. */
export function NotificationList({ items, unread, markReadAction }: NotificationListProps) {
  const t = useTranslations("edits.notifications");
  const text = useNotificationText();
  const format = useFormat();
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  function mark(input: { ids: string[] } | { all: true }, success?: string) {
    startTransition(async () => {
      const result = await callAction(() => markReadAction(input));
      if (result.ok && success) toast.success(success);
      router.refresh();
    });
  }

  return (
    <div className="grid gap-3">
      {unread > 0 ? (
        <div className="flex justify-end">
          <Button variant="outline" size="sm" onClick={() => mark({ all: true }, t("markedAll"))} loading={pending}>
            {pending ? null : <CheckCheck aria-hidden />}
            {t("markAllRead")}
          </Button>
        </div>
      ) : null}
      {items.length === 0 ? (
        <EmptyState icon={Bell} title={t("empty")} description={t("emptyDescription")} />
      ) : (
        <ul className="divide-y overflow-hidden rounded-xl border bg-card shadow-xs" aria-label={t("title")}>
          {items.map((n) => (
            <li
              key={n.id}
              className={cn("flex items-start gap-3 px-4 py-3", !n.read && "bg-accent/30")}
              data-testid="notification-row"
              data-read={n.read ? "true" : "false"}
            >
              <span className={cn("mt-2 size-2 shrink-0 rounded-full", n.read ? "bg-border" : "bg-primary")} aria-hidden />
              <div className="grid min-w-0 flex-1 gap-0.5">
                <Link
                  href={n.href}
                  onClick={() => {
                    if (!n.read) void markReadAction({ ids: [n.id] }).catch(() => undefined);
                  }}
                  className={cn("text-sm leading-snug hover:underline", !n.read && "font-medium")}
                >
                  {text(n)}
                </Link>
                <time dateTime={n.createdAt} className="text-xs text-muted-foreground" title={format.dateTime(n.createdAt)}>
                  {format.relative(n.createdAt)}
                </time>
              </div>
              {!n.read ? (
                <Button variant="ghost" size="sm" className="shrink-0" disabled={pending} onClick={() => mark({ ids: [n.id] })}>
                  {t("markRead")}
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
