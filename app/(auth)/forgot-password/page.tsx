import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/components/auth/auth-card";
import { ForgotPasswordForm } from "@/components/identity/forgot-password-form";
import { requestPasswordResetAction } from "@/lib/auth/actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("identity.forgot");
  return { title: t("pageTitle") };
}

export default async function ForgotPasswordPage() {
  const t = await getTranslations("identity.forgot");
  return (
    <AuthCard title={t("pageTitle")} description={t("description")}>
      <ForgotPasswordForm requestAction={requestPasswordResetAction} />
    </AuthCard>
  );
}
