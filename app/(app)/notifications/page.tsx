import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/common/page-header";
import { NotificationList } from "@/components/notifications/notification-list";
import { Button } from "@/components/ui/button";
import { Link } from "@/components/ui/link";
import { requireSession } from "@/lib/auth/gate";
import { markNotificationsReadAction } from "@/lib/edits/actions";
import { listNotifications, unreadNotificationCount } from "@/lib/notifications/queries";
import { notificationListQuerySchema } from "@/lib/notifications/schema";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("edits.notifications");
  return { title: t("title") };
}

type Search = Promise<{ unread?: string | string[]; cursor?: string | string[] }>;

export default async function NotificationsPage({ searchParams }: { searchParams: Search }) {
  const { actor } = await requireSession();
  const search = await searchParams;
  const one = (v: string | string[] | undefined) => (typeof v === "string" && v !== "" ? v : undefined);
  const parsed = notificationListQuerySchema.safeParse({ limit: 50, unread: one(search.unread), cursor: one(search.cursor) });
  const query = parsed.success ? parsed.data : notificationListQuerySchema.parse({ limit: 50 });
  const [{ items, nextCursor }, unread, t] = await Promise.all([
    listNotifications(actor, query),
    unreadNotificationCount(actor),
    getTranslations("edits.notifications"),
  ]);
  const href = (extra: Record<string, string>) => {
    const qs = new URLSearchParams({ ...(query.unread ? { unread: query.unread } : {}), ...extra }).toString();
    return qs ? `/notifications?${qs}` : "/notifications";
  };
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <div className="flex gap-1 rounded-lg border bg-card p-1 text-sm">
            <Button asChild size="sm" variant={query.unread === "true" ? "ghost" : "secondary"}>
              <Link href="/notifications" aria-current={query.unread !== "true" ? "page" : undefined}>
                {t("all")}
              </Link>
            </Button>
            <Button asChild size="sm" variant={query.unread === "true" ? "secondary" : "ghost"}>
              <Link href="/notifications?unread=true" aria-current={query.unread === "true" ? "page" : undefined}>
                {t("unreadOnly")}
              </Link>
            </Button>
          </div>
        }
      />
      <NotificationList items={items} unread={unread} markReadAction={markNotificationsReadAction} />
      {nextCursor ? (
        <div className="mt-4 flex justify-center">
          <Button asChild variant="outline" size="sm">
            <Link href={href({ cursor: nextCursor })}>{t("older")}</Link>
          </Button>
        </div>
      ) : null}
    </>
  );
}
