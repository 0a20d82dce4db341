"use client";

import { Bell } from "lucide-react";
import { usePathname, useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { Link } from "@/components/ui/link";
import type { ActionResult } from "@/lib/actions/result";
import { useFormat } from "@/lib/i18n/use-format";
import { cn } from "@/lib/utils";
import { type NotificationView, useNotificationText } from "./message";

export type BellData = { unread: number; latest: NotificationView[] };

export type NotificationBellProps = {
  initial: BellData;
  markReadAction: (input: { ids: string[] } | { all: true }) => Promise<ActionResult<{ updated: number }>>;
};

const POLL_MS = 60_000;
const BELL_URL = `/api/v1/notifications?limit=${8}`;

/** The bell in the top bar: unread count, the latest notifications, and a way to the full list. */
export function NotificationBell({ initial, markReadAction }: NotificationBellProps) {
  const t = useTranslations("edits.notifications");
  const text = useNotificationText();
  const format = useFormat();
  const pathname = usePathname();
  const router = useRouter();
  const [data, setData] = useState<BellData>(initial);

  // Reads the count and the latest notifications again (on navigation, focus and every minute)
  // with a GET of the API: a server action here would be a POST that makes the router drop its
  // cache and load every prefetched route again, on every page.
  const refresh = useCallback(() => {
    fetch(BELL_URL, { headers: { accept: "application/json" }, cache: "no-store" })
      .then((res) => (res.ok ? (res.json() as Promise<{ items: NotificationView[]; unreadCount: number }>) : undefined))
      .then((body) => {
        if (body) setData({ unread: body.unreadCount, latest: body.items });
      })
      .catch(() => undefined);
  }, []);

  // The layout rendered the first answer; a later page (a new pathname) reads again.
  const firstPath = useRef(pathname);
  useEffect(() => {
    if (pathname === firstPath.current) return;
    firstPath.current = "";
    refresh();
  }, [pathname, refresh]);
  useEffect(() => {
    const timer = window.setInterval(refresh, POLL_MS);
    const onFocus = () => refresh();
    window.addEventListener("focus", onFocus);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener("focus", onFocus);
    };
  }, [refresh]);

  async function open(n: NotificationView) {
    if (!n.read) {
      setData((d) => ({ unread: Math.max(0, d.unread - 1), latest: d.latest.map((x) => (x.id === n.id ? { ...x, read: true } : x)) }));
      await markReadAction({ ids: [n.id] }).catch(() => undefined);
    }
    router.push(n.href);
  }

  async function markAll() {
    setData((d) => ({ unread: 0, latest: d.latest.map((x) => ({ ...x, read: true })) }));
    await markReadAction({ all: true }).catch(() => undefined);
    router.refresh();
  }

  const label = data.unread > 0 ? t("bellUnread", { count: data.unread }) : t("bell");
  return (
    <DropdownMenu onOpenChange={(next) => next && refresh()}>
      <DropdownMenuTrigger
        aria-label={label}
        data-testid="notification-bell"
        className="relative flex size-8 items-center justify-center rounded-md text-muted-foreground outline-none transition-colors hover:bg-muted hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring/40"
      >
        <Bell className="size-[18px]" aria-hidden />
        {data.unread > 0 ? (
          <span
            data-testid="notification-count"
            className="absolute -top-0.5 -right-0.5 flex h-4 min-w-4 items-center justify-center rounded-full bg-destructive px-1 text-[10px] font-semibold text-white tabular-nums"
          >
            {data.unread > 99 ? "99+" : format.number(data.unread)}
          </span>
        ) : null}
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-96 max-w-[calc(100vw-2rem)] p-0">
        <DropdownMenuLabel className="flex items-center justify-between gap-2 px-3 py-2.5">
          <span className="text-sm font-semibold text-foreground">{t("title")}</span>
          {data.unread > 0 ? (
            <button type="button" onClick={markAll} className="text-xs font-normal text-primary hover:underline">
              {t("markAllRead")}
            </button>
          ) : null}
        </DropdownMenuLabel>
        <DropdownMenuSeparator className="m-0" />
        {data.latest.length === 0 ? (
          <p className="px-3 py-6 text-center text-sm text-muted-foreground">{t("empty")}</p>
        ) : (
          <div className="max-h-96 overflow-y-auto py-1">
            {data.latest.map((n) => (
              <DropdownMenuItem
                key={n.id}
                onSelect={() => void open(n)}
                className={cn("flex items-start gap-2.5 rounded-none px-3 py-2.5", !n.read && "bg-accent/40")}
                data-testid="notification-item"
                data-read={n.read ? "true" : "false"}
              >
                <span className={cn("mt-1.5 size-2 shrink-0 rounded-full", n.read ? "bg-transparent" : "bg-primary")} aria-hidden />
                <span className="grid min-w-0 gap-0.5">
                  <span className={cn("text-sm leading-snug whitespace-normal", !n.read && "font-medium")}>{text(n)}</span>
                  <span className="text-xs text-muted-foreground">{format.relative(n.createdAt)}</span>
                </span>
              </DropdownMenuItem>
            ))}
          </div>
        )}
        <DropdownMenuSeparator className="m-0" />
        <DropdownMenuItem asChild className="justify-center rounded-none py-2.5 text-sm text-primary">
          <Link href="/notifications">{t("seeAll")}</Link>
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
