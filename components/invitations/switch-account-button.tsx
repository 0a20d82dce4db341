"use client";

import { useTranslations } from "next-intl";
import { LogoutButton } from "@/components/settings/logout-button";

/** Logs out and returns to the login page, which comes back to `returnTo` after logging in. */
export function SwitchAccountButton({ returnTo }: { returnTo: string }) {
  const t = useTranslations("invitations.wrongAccount");
  return (
    <LogoutButton variant="outline" size="lg" className="w-full" callbackUrl={`/login?callbackUrl=${encodeURIComponent(returnTo)}`}>
      {t("logout")}
    </LogoutButton>
  );
}
