import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/components/auth/auth-card";
import { LoginForm } from "@/components/auth/login-form";
import { getSignedInUser } from "@/lib/auth/gate";
import { safeCallbackUrl } from "@/lib/http/safe-callback";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.login");
  return { title: t("title") };
}

type Search = Promise<{ callbackUrl?: string | string[] }>;

export default async function LoginPage({ searchParams }: { searchParams: Search }) {
  const { callbackUrl: raw } = await searchParams;
  const callbackUrl = typeof raw === "string" ? raw : null;
  // Already signed in (with or without an organisation): go where the link wanted to go
  // (same-origin paths only), else the dashboard, which sends people without one to /welcome.
  if (await getSignedInUser()) redirect(safeCallbackUrl(callbackUrl, process.env.NEXTAUTH_URL));

  const t = await getTranslations("auth.login");
  const forInvitation = safeCallbackUrl(callbackUrl, undefined, "").startsWith("/invite/");
  return (
    <AuthCard title={t("title")} description={t("subtitle")}>
      <LoginForm callbackUrl={callbackUrl} notice={forInvitation ? t("inviteNotice") : undefined} />
    </AuthCard>
  );
}
