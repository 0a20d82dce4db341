import type * as React from "react";
import { VerifyEmailBanner } from "@/components/identity/verify-email-banner";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { AppShell } from "@/components/shell/app-shell";
import { resendVerificationAction } from "@/lib/auth/actions";
import { requireSession } from "@/lib/auth/gate";
import { bellAction, markNotificationsReadAction } from "@/lib/edits/actions";
import { logoutEverywhereAction } from "@/lib/orgs/actions";

/** The signed-in frame. Every page below still checks its own permission: this layout only requires a session. */
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const [{ actor, user, organizations }, bell] = await Promise.all([requireSession(), bellAction()]);
  const active = organizations.find((o) => o.id === actor.org.id) ?? {
    id: actor.org.id,
    name: actor.org.name,
    kind: actor.org.kind,
    role: actor.role,
  };
  return (
    <AppShell
      user={{ name: user.name, email: user.email }}
      organizations={organizations}
      activeOrganization={active}
      logoutEverywhereAction={logoutEverywhereAction}
      notifications={
        <NotificationBell initial={bell.ok ? bell.data : { unread: 0, latest: [] }} markReadAction={markNotificationsReadAction} />
      }
    >
      {user.emailVerified ? null : <VerifyEmailBanner email={user.email} resendAction={resendVerificationAction} />}
      {children}
    </AppShell>
  );
}
