"use client";

import { MonitorX } from "lucide-react";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { ConfirmDialog } from "@/components/common/confirm-dialog";
import { answeredNotOk } from "@/components/shell/switch-organization";
import { Button } from "@/components/ui/button";

/** Ends every session of the account (the server bumps its session version), then this one's cookie too. */
export function LogoutEverywhereButton({ logoutEverywhereAction }: { logoutEverywhereAction: () => Promise<unknown> }) {
  const t = useTranslations("settings.sessions");
  return (
    <ConfirmDialog
      trigger={
        <Button variant="outline-destructive">
          <MonitorX aria-hidden />
          {t("button")}
        </Button>
      }
      title={t("confirmTitle")}
      description={t("confirmDescription")}
      confirmLabel={t("confirm")}
      destructive
      onConfirm={async () => {
        const result = await logoutEverywhereAction().catch(() => ({ ok: false }));
        if (answeredNotOk(result)) {
          toast.error(t("failed"));
          return false;
        }
        await signOut({ callbackUrl: "/login" });
        // Keep the dialog (and its spinner) up while the browser leaves for the login page.
        return false;
      }}
    />
  );
}
