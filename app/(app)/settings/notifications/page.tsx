import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/common/page-header";
import { NotificationPreferencesForm } from "@/components/notifications/preferences-form";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { requireSession } from "@/lib/auth/gate";
import { putNotificationPreferencesAction } from "@/lib/notifications/actions";
import { notificationPreferences } from "@/lib/notifications/queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("notifications.preferences");
  return { title: t("title") };
}

/** Settings → Notifications: how the signed-in person hears of each kind of event and reminder. */
export default async function NotificationSettingsPage() {
  const { actor, user } = await requireSession();
  const t = await getTranslations("notifications.preferences");
  const prefs = await notificationPreferences(actor);
  const items = prefs.ok ? prefs.value.items : [];
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="grid max-w-4xl gap-4">
        {!user.emailVerified ? (
          <Alert>
            <AlertDescription>{t("unverified")}</AlertDescription>
          </Alert>
        ) : null}
        <NotificationPreferencesForm items={items} saveAction={putNotificationPreferencesAction} />
      </div>
    </>
  );
}
