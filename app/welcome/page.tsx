import { Building2 } from "lucide-react";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/components/auth/auth-card";
import { InvitationsForYou } from "@/components/dashboard/invitations-for-you";
import { LogoutButton } from "@/components/settings/logout-button";
import { getSession, getSignedInUser } from "@/lib/auth/gate";
import { listInvitationsForUser } from "@/lib/orgs/queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("welcome");
  return { title: t("title") };
}

/** Where signed-in people without any organisation land (e.g. after being removed from their only one). */
export default async function WelcomePage() {
  const user = await getSignedInUser();
  if (!user) redirect("/login");
  if (await getSession()) redirect("/dashboard");
  const [invitations, t] = await Promise.all([listInvitationsForUser(user.id), getTranslations("welcome")]);
  return (
    <AuthCard title={t("title")} description={t("signedInAs", { email: user.email })}>
      <div className="grid gap-5">
        <div className="flex items-start gap-3 text-sm text-muted-foreground">
          <span className="flex size-9 shrink-0 items-center justify-center rounded-full bg-muted">
            <Building2 className="size-4" aria-hidden />
          </span>
          <p className="pt-1">{t("description", { email: user.email })}</p>
        </div>
        <InvitationsForYou invitations={invitations} className="mb-0" />
        <LogoutButton variant="outline" size="lg" className="w-full">
          {t("logout")}
        </LogoutButton>
      </div>
    </AuthCard>
  );
}
