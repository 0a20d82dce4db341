"use client";

import { Send } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { ConfirmDialog } from "@/components/common/confirm-dialog";
import { useActionError } from "@/components/forms/action-error";
import { callAction } from "@/components/forms/call-action";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions/result";

/** Applies with today's eligibility answer; a refusal (not eligible, already applied) is shown in the studio's language. */
export function ApplyButton({
  programmeId,
  awardAmount,
  applyAction,
}: {
  programmeId: string;
  awardAmount: string;
  applyAction: (programmeId: string) => Promise<ActionResult<{ id: string }>>;
}) {
  const t = useTranslations("programmes.studio");
  const actionError = useActionError();
  const router = useRouter();
  const [refusal, setRefusal] = useState<string[] | null>(null);
  const reasons: Record<string, string> = {
    NOT_ELIGIBLE: t("refused.NOT_ELIGIBLE"),
    ALREADY_APPLIED: t("refused.ALREADY_APPLIED"),
    PROGRAMME_NOT_OPEN: t("refused.PROGRAMME_NOT_OPEN"),
    FX_RATE_MISSING: t("refused.FX_RATE_MISSING"),
  };
  return (
    <div className="grid gap-2">
      <ConfirmDialog
        trigger={
          <Button data-testid="apply">
            <Send aria-hidden />
            {t("apply")}
          </Button>
        }
        title={t("applyTitle")}
        description={t("applyDescription", { amount: awardAmount })}
        confirmLabel={t("applyConfirm")}
        onConfirm={async () => {
          const result = await callAction(() => applyAction(programmeId));
          if (!result.ok) {
            setRefusal([reasons[result.reason] ?? actionError(result), ...Object.values(result.fieldErrors ?? {}).flat()]);
            router.refresh();
            return true;
          }
          setRefusal(null);
          toast.success(t("applied"));
          router.refresh();
          return true;
        }}
      />
      {refusal ? (
        <ul className="list-disc pl-5 text-sm text-destructive" role="alert">
          {refusal.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
