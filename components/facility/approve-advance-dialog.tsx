"use client";

import { CircleCheck, OctagonAlert } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { fieldsNamed } from "@/components/forms/field-errors";
import { FormDialog, useFormDialog } from "@/components/forms/form-dialog";
import { useActionForm } from "@/components/forms/use-action-form";
import { useFieldError } from "@/components/forms/use-field-error";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/textarea";
import type { ActionResult } from "@/lib/actions/result";
import { useFormat } from "@/lib/i18n/use-format";
import { parseAmount, percentOf } from "@/lib/money/money";
import { AmountInput, cleanNumber, formField } from "./form-parts";
import { LimitsTable } from "./limits-panel";
import { exponentOf, fromMinor, toMinor } from "./money";
import type { EligibilityView, LimitView, Money } from "./types";

/** A refused approval: the limits it breaks, with their numbers (the API's 422). */
export type DecisionRefusal = { ok: false; reason: "LIMITS_EXCEEDED"; message: string; breaches: LimitView[] };
export type DecisionResult = ActionResult<unknown> | DecisionRefusal;
export type DecisionInput = { decision: "APPROVED" | "DECLINED"; amount?: Money; conditions?: string; reason?: string };

type Values = { amount: string; conditions: string };

/** The underwriter's approval: an amount up to the one requested, optional conditions; breached limits are listed. */
export function ApproveAdvanceDialog({
  advanceId,
  requested,
  feePct,
  eligibility,
  decideAction,
}: {
  advanceId: string;
  requested: Money;
  feePct: string;
  eligibility: EligibilityView | null;
  decideAction: (id: string, input: DecisionInput) => Promise<DecisionResult>;
}) {
  const t = useTranslations("facility.actions");
  const fieldError = useFieldError("facility.validation");
  const f = useFormat();
  const [breaches, setBreaches] = useState<LimitView[] | null>(null);
  const form = useForm<Values>({ defaultValues: { amount: requested.amount, conditions: "" } });
  const action = useActionForm<Values, DecisionResult>({
    fields: { form, at: fieldsNamed(["amount"], formField) },
    refreshOn: ["LIMITS_EXCEEDED"],
    onRefused: (refusal) => {
      if (!("breaches" in refusal)) return false;
      setBreaches(refusal.breaches);
      return true;
    },
  });
  const dialog = useFormDialog(action, () => {
    form.reset({ amount: requested.amount, conditions: "" });
    setBreaches(null);
  });
  const exponent = exponentOf(requested);
  const parsed = parseAmount(cleanNumber(form.watch("amount")), exponent);
  const fee = parsed !== null && parsed > 0n ? fromMinor(percentOf(parsed, feePct), requested) : null;

  const onSubmit = form.handleSubmit(async (values) => {
    const minor = parseAmount(cleanNumber(values.amount), exponent);
    if (minor === null || minor <= 0n) return form.setError("amount", { type: "custom" });
    if (minor > toMinor(requested)) {
      return form.setError("amount", { type: "server", message: t("approveAboveRequested", { requested: f.money(requested) }) });
    }
    setBreaches(null);
    await action.submit(
      () =>
        decideAction(advanceId, {
          decision: "APPROVED",
          amount: fromMinor(minor, requested),
          conditions: values.conditions.trim() || undefined,
        }),
      { success: t("approved"), onSuccess: dialog.close },
    );
  });

  return (
    <FormDialog
      trigger={
        <Button>
          <CircleCheck aria-hidden />
          {t("approve")}
        </Button>
      }
      {...dialog.props}
      title={t("approveTitle")}
      description={t("approveDescription", { requested: f.money(requested) })}
      className="max-w-3xl"
      onSubmit={onSubmit}
      submitLabel={t("approveConfirm")}
    >
      <FormField
        label={t("approvedAmount")}
        description={fee ? t("approvedAmountFee", { fee: f.money(fee), pct: f.percent(feePct) }) : t("approvedAmountHint")}
        error={fieldError("amount", form.formState.errors.amount)}
        className="max-w-sm"
      >
        <AmountInput currency={requested.currency} {...form.register("amount")} />
      </FormField>
      <FormField label={t("conditions")} hint={t("optional")} description={t("conditionsHint")}>
        <Textarea rows={3} maxLength={2000} {...form.register("conditions")} />
      </FormField>
      {breaches && eligibility ? (
        <Alert variant="destructive" data-testid="approval-breaches">
          <OctagonAlert aria-hidden />
          <AlertTitle>{t("breachesTitle")}</AlertTitle>
          <AlertDescription className="grid gap-3">
            <p>{t("breachesDescription")}</p>
            <ul className="list-disc pl-5">
              {breaches.map((b) => (
                <li key={b.rule} data-rule={b.rule}>
                  {t("breach", {
                    rule: t(`rules.${b.rule}`),
                    used: f.money(b.used),
                    requested: f.money(b.requested),
                    limit: f.money(b.limit),
                  })}
                </li>
              ))}
            </ul>
            <LimitsTable eligibility={eligibility} limits={breaches} label={t("breachesTitle")} />
          </AlertDescription>
        </Alert>
      ) : null}
    </FormDialog>
  );
}
