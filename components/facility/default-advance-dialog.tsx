"use client";

import { OctagonAlert } from "lucide-react";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/actions/result";
import { useFormat } from "@/lib/i18n/use-format";
import { ReasonDialog } from "./reason-dialog";
import type { Money } from "./types";

/** Facility staff mark a disbursed advance as defaulted, saying why; what is owed stays on the books. */
export function DefaultAdvanceDialog({
  advanceId,
  owed,
  defaultAction,
}: {
  advanceId: string;
  owed: Money;
  defaultAction: (id: string, input: { reason: string }) => Promise<ActionResult<unknown>>;
}) {
  const t = useTranslations("facility.actions");
  const f = useFormat();
  return (
    <ReasonDialog
      step="default"
      icon={<OctagonAlert aria-hidden />}
      description={t("defaultDescription", { owed: f.money(owed) })}
      success={t("defaulted")}
      submit={(reason) => defaultAction(advanceId, { reason })}
    />
  );
}
