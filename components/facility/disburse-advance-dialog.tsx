"use client";

import { Banknote } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { fieldsNamed } from "@/components/forms/field-errors";
import { FormDialog, useFormDialog } from "@/components/forms/form-dialog";
import { useActionForm } from "@/components/forms/use-action-form";
import { useFieldError } from "@/components/forms/use-field-error";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import type { ActionResult } from "@/lib/actions/result";
import { type DisbursementPaymentInput, disbursementPaymentSchema } from "@/lib/facility/schema";
import { useFormat } from "@/lib/i18n/use-format";
import { percentOf } from "@/lib/money/money";
import { schemaResolver } from "./form-parts";
import { fromMinor, toMinor } from "./money";
import type { Money } from "./types";

/** A fresh Idempotency-Key per opened dialog: a double click or a retry in it can never pay twice. */
function newKey(): string {
  return typeof crypto !== "undefined" && "randomUUID" in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

type Values = DisbursementPaymentInput;
const EMPTY: Values = { paymentReference: "", valueDate: "", payingAccount: "" };
const FIELDS = ["paymentReference", "valueDate", "payingAccount"] as const;

/**
 * The disbursement officer pays an approved advance out, once, recording the bank's payment
 * reference, the value date and the paying account; the approver may not (four-eyes).
 */
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
  disburseAction: (id: string, idempotencyKey: string, input: Values) => Promise<ActionResult<unknown>>;
}) {
  const t = useTranslations("facility.actions");
  const f = useFormat();
  const fieldError = useFieldError("facility.validation");
  const [key, setKey] = useState<string | null>(null);
  const form = useForm<Values>({ defaultValues: EMPTY, resolver: schemaResolver(disbursementPaymentSchema, (v: Values) => v) });
  const action = useActionForm<Values>({
    fields: { form, at: fieldsNamed([...FIELDS]) },
    reasons: { FOUR_EYES: t("fourEyes"), ALREADY_DISBURSED: t("alreadyDisbursed") },
    refreshOn: ["ALREADY_DISBURSED"],
  });
  const dialog = useFormDialog(action, () => {
    form.reset(EMPTY);
    setKey(newKey());
  });
  const errors = form.formState.errors;
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
      onSubmit={form.handleSubmit(async (values) => {
        if (!key || action.pending) return;
        await action.submit(() => disburseAction(advanceId, key, values), {
          success: t("disbursed", { amount: f.money(principal) }),
          onSuccess: dialog.close,
        });
      })}
      submitLabel={t("disburseConfirm", { amount: f.money(principal) })}
      submitDisabled={!key}
    >
      <FormField
        label={t("paymentReference")}
        hint={t("paymentReferenceHint")}
        error={fieldError("paymentReference", errors.paymentReference)}
      >
        <Input autoComplete="off" maxLength={100} {...form.register("paymentReference")} />
      </FormField>
      <FormField label={t("valueDate")} error={fieldError("valueDate", errors.valueDate)}>
        <Input type="date" {...form.register("valueDate")} />
      </FormField>
      <FormField label={t("payingAccount")} hint={t("payingAccountHint")} error={fieldError("payingAccount", errors.payingAccount)}>
        <Input autoComplete="off" maxLength={100} {...form.register("payingAccount")} />
      </FormField>
      <p className="text-xs text-muted-foreground">{t("disburseOnce")}</p>
    </FormDialog>
  );
}
