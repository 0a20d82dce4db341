import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/components/auth/auth-card";
import { RegisterForm } from "@/components/auth/register-form";
import { InvitedRegisterForm } from "@/components/invitations/invited-register-form";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Link } from "@/components/ui/link";
import { registerAction, registerInvitedAction } from "@/lib/auth/actions";
import { getSignedInUser } from "@/lib/auth/gate";
import { findInvitationByToken } from "@/lib/orgs/queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.register");
  return { title: t("title") };
}

type Search = Promise<{ invitation?: string | string[] }>;

/**
 * Sign-up. From an invitation link (`?invitation=<token>`) the account joins the inviting
 * organisation instead of creating one; otherwise it creates a studio or partner organisation.
 */
export default async function RegisterPage({ searchParams }: { searchParams: Search }) {
  if (await getSignedInUser()) redirect("/dashboard");
  const { invitation: raw } = await searchParams;
  const token = typeof raw === "string" && raw.length >= 10 && raw.length <= 200 ? raw : null;
  const invitation = token ? await findInvitationByToken(token) : null;
  const t = await getTranslations("auth.register");

  if (token && invitation?.status === "PENDING") {
    const tInvite = await getTranslations("invitations.signUp");
    const tRole = await getTranslations("role");
    const back = encodeURIComponent(`/invite/${encodeURIComponent(token)}`);
    return (
      <AuthCard
        title={tInvite("title", { organization: invitation.organization.name })}
        description={tInvite("description", { inviter: invitation.invitedBy.name, role: tRole(invitation.role) })}
        footer={
          <>
            {tInvite("haveAccount")}{" "}
            <Link href={`/login?callbackUrl=${back}`} className="font-medium text-primary hover:underline">
              {tInvite("login")}
            </Link>
          </>
        }
      >
        <InvitedRegisterForm token={token} email={invitation.email} action={registerInvitedAction} />
      </AuthCard>
    );
  }

  const tInvite = await getTranslations("invitations.signUp");
  return (
    <AuthCard title={t("title")} description={t("subtitle")}>
      {token ? (
        <Alert variant="warning" className="mb-6">
          <AlertDescription>{tInvite("unusable")}</AlertDescription>
        </Alert>
      ) : null}
      <RegisterForm action={registerAction} />
    </AuthCard>
  );
}
