"use client";

import { Banknote } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormDialog, useFormDialog } from "@/components/forms/form-dialog";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions/result";
import { useFormat } from "@/lib/i18n/use-format";
import { percentOf } from "@/lib/money/money";
import { fromMinor, toMinor } from "./money";
import type { Money } from "./types";

/** A fresh Idempotency-Key per opened dialog: a double click or a retry in it can never pay twice. */
function newKey(): string {
  return typeof crypto !== "undefined" && "randomUUID" in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/** The disbursement officer pays an approved advance out, once; the approver may not (four-eyes). */
export function DisburseAdvanceDialog({
  advanceId,
  approved,
  requested,
  feePct,
  approvedByMe,
  approverName,
  disburseAction,
}: {
  advanceId: string;
  approved: Money | null;
  requested: Money;
  feePct: string;
  /** The current user recorded the approval: four-eyes forbids them to disburse. */
  approvedByMe: boolean;
  approverName: string | null;
  disburseAction: (id: string, idempotencyKey: string) => Promise<ActionResult<unknown>>;
}) {
  const t = useTranslations("facility.actions");
  const f = useFormat();
  const [key, setKey] = useState<string | null>(null);
  const action = useActionForm({
    reasons: { FOUR_EYES: t("fourEyes"), ALREADY_DISBURSED: t("alreadyDisbursed") },
    refreshOn: ["ALREADY_DISBURSED"],
  });
  const dialog = useFormDialog(action, () => setKey(newKey()));
  const principal = approved ?? requested;
  const fee = fromMinor(percentOf(toMinor(principal), feePct), principal);

  if (approvedByMe) {
    return (
      <Button disabled aria-describedby="four-eyes-why" data-testid="disburse-refused">
        <Banknote aria-hidden />
        {t("disburse")}
      </Button>
    );
  }

  return (
    <FormDialog
      trigger={
        <Button>
          <Banknote aria-hidden />
          {t("disburse")}
        </Button>
      }
      {...dialog.props}
      title={t("disburseTitle")}
      description={t("disburseDescription", { amount: f.money(principal), fee: f.money(fee), approver: approverName ?? "—" })}
      className="max-w-md"
      showClose={false}
      onSubmit={async (event) => {
        event.preventDefault();
        if (!key || action.pending) return;
        await action.submit(() => disburseAction(advanceId, key), {
          success: t("disbursed", { amount: f.money(principal) }),
          onSuccess: dialog.close,
        });
      }}
      submitLabel={t("disburseConfirm", { amount: f.money(principal) })}
      submitDisabled={!key}
    >
      <p className="text-xs text-muted-foreground">{t("disburseOnce")}</p>
    </FormDialog>
  );
}
