"use client";

import { useTranslations } from "next-intl";
import { RevokeButton } from "@/components/common/confirm-dialog";
import { useRunAction } from "@/components/forms/action-error";
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
    <RevokeButton
      label={t("label", { name: apiKey.name })}
      title={t("title", { name: apiKey.name })}
      description={t("description")}
      confirmLabel={t("confirm")}
      onConfirm={() => runAction(() => revokeAction(apiKey.id), t("success"), { refreshOnError: true })}
    />
  );
}
