import { CircleAlert, Clock, MailCheck, ShieldX } from "lucide-react";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/components/auth/auth-card";
import { AcceptInvitationButton } from "@/components/invitations/accept-invitation-button";
import { InvitationSummary } from "@/components/invitations/invitation-summary";
import { SwitchAccountButton } from "@/components/invitations/switch-account-button";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Link } from "@/components/ui/link";
import { getSignedInUser } from "@/lib/auth/gate";
import { acceptInvitationAction } from "@/lib/orgs/actions";
import { findInvitationByToken } from "@/lib/orgs/queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("invitations");
  return { title: t("pageTitle"), robots: { index: false } };
}

type Params = Promise<{ token: string }>;

/** The page an invitation link opens. Anyone holding the link may see what it invites to. */
export default async function InvitationPage({ params }: { params: Params }) {
  const { token } = await params;
  // A signed-in person may have no organisation yet (e.g. removed from their only one): they can still accept.
  const [invitation, user] = await Promise.all([token.length <= 200 ? findInvitationByToken(token) : null, getSignedInUser()]);
  const t = await getTranslations("invitations");
  const tActions = await getTranslations("common.actions");
  const self = `/invite/${encodeURIComponent(token)}`;
  const homeButton = (
    <Button asChild size="lg" variant="outline" className="w-full">
      <Link href={user ? "/dashboard" : "/"}>{user ? tActions("goToDashboard") : t("home")}</Link>
    </Button>
  );

  if (invitation?.status !== "PENDING") {
    const organization = invitation?.organization.name ?? "";
    const state =
      invitation?.status === "REVOKED"
        ? { icon: ShieldX, title: t("revoked.title"), description: t("revoked.description", { organization }) }
        : invitation?.status === "EXPIRED"
          ? {
              icon: Clock,
              title: t("expired.title"),
              description: t("expired.description", { organization, inviter: invitation.invitedBy.name }),
            }
          : invitation?.status === "ACCEPTED"
            ? { icon: MailCheck, title: t("accepted.title"), description: t("accepted.description", { organization }) }
            : { icon: CircleAlert, title: t("invalid.title"), description: t("invalid.description") };
    const Icon = state.icon;
    return (
      <AuthCard title={state.title}>
        <div className="grid gap-6" data-testid="invitation-state" data-status={invitation?.status ?? "INVALID"}>
          <div className="flex items-start gap-3 text-sm text-muted-foreground">
            <span className="flex size-9 shrink-0 items-center justify-center rounded-full bg-muted">
              <Icon className="size-4" aria-hidden />
            </span>
            <p className="pt-2">{state.description}</p>
          </div>
          {homeButton}
        </div>
      </AuthCard>
    );
  }

  const organization = invitation.organization.name;
  const summary = (
    <InvitationSummary
      organization={invitation.organization}
      role={invitation.role}
      inviter={invitation.invitedBy.name}
      email={invitation.email}
      expiresAt={invitation.expiresAt}
    />
  );
  const intro = t("pending.description", { inviter: invitation.invitedBy.name, organization });

  if (!user) {
    const back = encodeURIComponent(self);
    return (
      <AuthCard title={t("pending.title", { organization })} description={intro}>
        <div className="grid gap-5" data-testid="invitation-state" data-status="PENDING">
          {summary}
          <p className="text-sm text-muted-foreground">{t("signedOut.hint", { email: invitation.email, organization })}</p>
          <div className="grid gap-2">
            <Button asChild size="lg" className="w-full">
              <Link href={`/login?callbackUrl=${back}`}>{t("signedOut.login")}</Link>
            </Button>
            <Button asChild size="lg" variant="outline" className="w-full">
              <Link href={`/register?invitation=${encodeURIComponent(token)}`}>{t("signedOut.register")}</Link>
            </Button>
          </div>
        </div>
      </AuthCard>
    );
  }

  const isInvitee = user.email.toLowerCase() === invitation.email.toLowerCase();
  return (
    <AuthCard title={t("pending.title", { organization })} description={intro}>
      <div className="grid gap-5" data-testid="invitation-state" data-status="PENDING">
        {summary}
        {isInvitee ? (
          <AcceptInvitationButton token={token} organizationName={organization} acceptAction={acceptInvitationAction} />
        ) : (
          <>
            <Alert variant="warning">
              <CircleAlert aria-hidden />
              <AlertTitle>{t("wrongAccount.title")}</AlertTitle>
              <AlertDescription>{t("wrongAccount.description", { email: invitation.email, current: user.email })}</AlertDescription>
            </Alert>
            <div className="grid gap-2">
              <SwitchAccountButton returnTo={self} />
              {homeButton}
            </div>
          </>
        )}
      </div>
    </AuthCard>
  );
}
