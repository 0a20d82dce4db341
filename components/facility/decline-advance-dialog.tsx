"use client";

import { CircleX } from "lucide-react";
import { useTranslations } from "next-intl";
import type { DecisionInput, DecisionResult } from "./approve-advance-dialog";
import { ReasonDialog } from "./reason-dialog";

/** The underwriter declines an advance under review, saying why. */
export function DeclineAdvanceDialog({
  advanceId,
  decideAction,
}: {
  advanceId: string;
  decideAction: (id: string, input: DecisionInput) => Promise<DecisionResult>;
}) {
  const t = useTranslations("facility.actions");
  return (
    <ReasonDialog
      step="decline"
      icon={<CircleX aria-hidden />}
      description={t("declineDescription")}
      success={t("declined")}
      submit={(reason) => decideAction(advanceId, { decision: "DECLINED", reason })}
    />
  );
}
