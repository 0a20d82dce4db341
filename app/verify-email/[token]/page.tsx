import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/components/auth/auth-card";
import { VerifyEmailButton } from "@/components/identity/verify-email-button";
import { verifyEmailAction } from "@/lib/auth/actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("identity.verify");
  return { title: t("pageTitle"), robots: { index: false } };
}

/** The link of the verification e-mail; works signed in or not (the token proves the mailbox). */
export default async function VerifyEmailPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations("identity.verify");
  return (
    <AuthCard title={t("pageTitle")} description={t("description")}>
      <VerifyEmailButton token={token} verifyAction={verifyEmailAction} />
    </AuthCard>
  );
}
