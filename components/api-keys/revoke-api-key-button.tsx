"use client";

import { Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRunAction } from "@/components/common/action-error";
import { ConfirmDialog } from "@/components/common/confirm-dialog";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions/result";

export function RevokeApiKeyButton({
  apiKey,
  revokeAction,
}: {
  apiKey: { id: string; name: string };
  revokeAction: (id: string) => Promise<ActionResult>;
}) {
  const t = useTranslations("apiKeys.revoke");
  const runAction = useRunAction();
  return (
    <ConfirmDialog
      trigger={
        <Button
          variant="ghost"
          size="sm"
          aria-label={t("label", { name: apiKey.name })}
          className="text-muted-foreground hover:text-destructive"
        >
          <Trash2 aria-hidden />
          <span className="hidden sm:inline">{t("confirm")}</span>
        </Button>
      }
      title={t("title", { name: apiKey.name })}
      description={t("description")}
      confirmLabel={t("confirm")}
      destructive
      onConfirm={() => runAction(() => revokeAction(apiKey.id), t("success"), { refreshOnError: true })}
    />
  );
}
