import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/components/auth/auth-card";
import { ResetPasswordForm } from "@/components/identity/reset-password-form";
import { confirmPasswordResetAction } from "@/lib/auth/actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("identity.reset");
  return { title: t("pageTitle"), robots: { index: false } };
}

/** The link of the password-reset e-mail. */
export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations("identity.reset");
  return (
    <AuthCard title={t("pageTitle")} description={t("description")}>
      <ResetPasswordForm token={token} confirmAction={confirmPasswordResetAction} />
    </AuthCard>
  );
}
