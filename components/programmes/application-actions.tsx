"use client";

import { Banknote, FileSearch, Gavel, ShieldAlert, Undo2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { ConfirmDialog } from "@/components/common/confirm-dialog";
import { useRunAction } from "@/components/forms/action-error";
import { fieldsMatching } from "@/components/forms/field-errors";
import { FormDialog, useFormDialog } from "@/components/forms/form-dialog";
import { cleanNumber, GroupedInput } from "@/components/forms/grouped-input";
import { SimpleSelect } from "@/components/forms/select-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/textarea";
import type { ActionResult } from "@/lib/actions/result";
import { useFormat } from "@/lib/i18n/use-format";
import type { Money } from "@/lib/money/money";
import type { ApplicationStatus } from "@/lib/programmes/rules";

type Result = ActionResult<unknown>;
const amountField = fieldsMatching([/^amount/], () => "amount");

function newKey(): string {
  return typeof crypto !== "undefined" && "randomUUID" in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

export type ApplicationActionsProps = {
  programmeId: string;
  applicationId: string;
  status: ApplicationStatus;
  requested: Money;
  payable: Money;
  paid: Money;
  mayAct: boolean;
  /** The current user took the application into review: four-eyes forbids them to decide. */
  reviewedByMe: boolean;
  reviewAction: (programmeId: string, applicationId: string) => Promise<Result>;
  decideAction: (programmeId: string, applicationId: string, input: unknown) => Promise<Result>;
  payoutAction: (programmeId: string, applicationId: string, key: string, input: unknown) => Promise<Result>;
  clawbackAction: (programmeId: string, applicationId: string, input: unknown) => Promise<Result>;
};

/** What programme staff can do next with an application, and why a button is not there for them. */
export function ApplicationActions(props: ApplicationActionsProps) {
  const t = useTranslations("programmes.actions");
  const run = useRunAction();
  const { programmeId, applicationId, status, mayAct, reviewedByMe } = props;
  if (!mayAct) return null;
  const buttons: React.ReactNode[] = [];
  if (status === "SUBMITTED") {
    buttons.push(
      <ConfirmDialog
        key="review"
        trigger={
          <Button>
            <FileSearch aria-hidden />
            {t("review")}
          </Button>
        }
        title={t("reviewTitle")}
        description={t("reviewDescription")}
        confirmLabel={t("review")}
        onConfirm={() => run(() => props.reviewAction(programmeId, applicationId), t("reviewed"), { refreshOnError: true })}
      />,
    );
  }
  if (status === "IN_REVIEW" && !reviewedByMe) buttons.push(<DecisionDialog key="decide" {...props} />);
  if (status === "AWARDED") buttons.push(<PayoutDialog key="payout" {...props} />);
  if ((status === "AWARDED" || status === "PAID") && Number(props.paid.amount) > 0)
    buttons.push(<ClawbackDialog key="clawback" {...props} />);
  return (
    <div className="grid gap-3" data-testid="application-actions">
      {buttons.length ? <div className="flex flex-wrap gap-2">{buttons}</div> : null}
      {status === "IN_REVIEW" && reviewedByMe ? (
        <Alert variant="warning" data-testid="four-eyes">
          <ShieldAlert aria-hidden />
          <AlertTitle>{t("fourEyesTitle")}</AlertTitle>
          <AlertDescription>{t("fourEyes")}</AlertDescription>
        </Alert>
      ) : null}
    </div>
  );
}

type DecisionValues = { decision: "AWARD" | "DECLINE"; amount: string; note: string };

function DecisionDialog({ programmeId, applicationId, requested, decideAction }: ApplicationActionsProps) {
  const t = useTranslations("programmes.actions");
  const f = useFormat();
  const form = useForm<DecisionValues>({ defaultValues: { decision: "AWARD", amount: requested.amount, note: "" } });
  const action = useActionForm<DecisionValues>({
    fields: { form, at: fieldsMatching([/^amount/, /^note$/], (p) => (p.startsWith("amount") ? "amount" : p)) },
    reasons: { FOUR_EYES: t("fourEyes"), BUDGET_EXCEEDED: t("budgetExceeded"), AMOUNT_ABOVE_SNAPSHOT: t("aboveSnapshot") },
    refreshOn: ["INVALID_STATUS"],
  });
  const dialog = useFormDialog(action, () => form.reset({ decision: "AWARD", amount: requested.amount, note: "" }));
  const decision = form.watch("decision");
  const onSubmit = form.handleSubmit((v) => {
    if (!v.note.trim()) return form.setError("note", { type: "custom", message: t("noteRequired") });
    const input =
      v.decision === "AWARD"
        ? { decision: "AWARD", amount: { amount: cleanNumber(v.amount), currency: requested.currency }, note: v.note }
        : { decision: "DECLINE", note: v.note };
    return action.submit(() => decideAction(programmeId, applicationId, input), {
      success: v.decision === "AWARD" ? t("awarded") : t("declined"),
      onSuccess: dialog.close,
    });
  });
  return (
    <FormDialog
      trigger={
        <Button>
          <Gavel aria-hidden />
          {t("decide")}
        </Button>
      }
      {...dialog.props}
      title={t("decideTitle")}
      description={t("decideDescription", { amount: f.money(requested) })}
      onSubmit={onSubmit}
      submitLabel={decision === "AWARD" ? t("award") : t("decline")}
      submitVariant={decision === "AWARD" ? "default" : "destructive"}
    >
      <Controller
        control={form.control}
        name="decision"
        render={({ field }) => (
          <FormField label={t("decision")}>
            <SimpleSelect
              value={field.value}
              onValueChange={field.onChange}
              options={[
                { value: "AWARD", label: t("award") },
                { value: "DECLINE", label: t("decline") },
              ]}
            />
          </FormField>
        )}
      />
      {decision === "AWARD" ? (
        <FormField label={t("amount", { currency: requested.currency })} error={form.formState.errors.amount?.message}>
          <GroupedInput {...form.register("amount")} />
        </FormField>
      ) : null}
      <FormField label={t("note")} error={form.formState.errors.note?.message}>
        <Textarea rows={3} maxLength={2000} {...form.register("note")} />
      </FormField>
    </FormDialog>
  );
}

function PayoutDialog({ programmeId, applicationId, payable, payoutAction }: ApplicationActionsProps) {
  const t = useTranslations("programmes.actions");
  const f = useFormat();
  const [key, setKey] = useState<string | null>(null);
  const form = useForm<{ amount: string }>({ defaultValues: { amount: payable.amount } });
  const action = useActionForm<{ amount: string }>({
    fields: { form, at: amountField },
    reasons: { PAYOUT_EXCEEDS_AWARD: t("payoutExceeds"), ALREADY_PAID: t("alreadyPaid") },
    refreshOn: ["ALREADY_PAID", "INVALID_STATUS"],
  });
  const dialog = useFormDialog(action, () => {
    setKey(newKey());
    form.reset({ amount: payable.amount });
  });
  const onSubmit = form.handleSubmit((v) => {
    if (!key || action.pending) return;
    return action.submit(
      () => payoutAction(programmeId, applicationId, key, { amount: { amount: cleanNumber(v.amount), currency: payable.currency } }),
      {
        success: t("paidOut", { amount: f.money({ amount: cleanNumber(v.amount), currency: payable.currency }) }),
        onSuccess: dialog.close,
      },
    );
  });
  return (
    <FormDialog
      trigger={
        <Button>
          <Banknote aria-hidden />
          {t("payout")}
        </Button>
      }
      {...dialog.props}
      title={t("payoutTitle")}
      description={t("payoutDescription", { payable: f.money(payable) })}
      onSubmit={onSubmit}
      submitLabel={t("payoutConfirm")}
      submitDisabled={!key}
      showClose={false}
    >
      <FormField label={t("amount", { currency: payable.currency })} error={form.formState.errors.amount?.message}>
        <GroupedInput {...form.register("amount")} />
      </FormField>
      <p className="text-xs text-muted-foreground">{t("payoutOnce")}</p>
    </FormDialog>
  );
}

function ClawbackDialog({ programmeId, applicationId, paid, clawbackAction }: ApplicationActionsProps) {
  const t = useTranslations("programmes.actions");
  const f = useFormat();
  const form = useForm<{ amount: string; reason: string }>({ defaultValues: { amount: "", reason: "" } });
  const action = useActionForm<{ amount: string; reason: string }>({
    fields: { form, at: fieldsMatching([/^amount/, /^reason$/], (p) => (p.startsWith("amount") ? "amount" : p)) },
  });
  const dialog = useFormDialog(action, () => form.reset({ amount: "", reason: "" }));
  const onSubmit = form.handleSubmit((v) =>
    action.submit(
      () =>
        clawbackAction(programmeId, applicationId, {
          amount: { amount: cleanNumber(v.amount), currency: paid.currency },
          reason: v.reason,
        }),
      {
        success: t("clawedBack"),
        onSuccess: dialog.close,
      },
    ),
  );
  return (
    <FormDialog
      trigger={
        <Button variant="outline">
          <Undo2 aria-hidden />
          {t("clawback")}
        </Button>
      }
      {...dialog.props}
      title={t("clawbackTitle")}
      description={t("clawbackDescription", { paid: f.money(paid) })}
      onSubmit={onSubmit}
      submitLabel={t("clawbackConfirm")}
      submitVariant="destructive"
    >
      <FormField label={t("amount", { currency: paid.currency })} error={form.formState.errors.amount?.message}>
        <GroupedInput {...form.register("amount")} />
      </FormField>
      <FormField label={t("reason")} error={form.formState.errors.reason?.message}>
        <Textarea rows={2} maxLength={2000} {...form.register("reason")} />
      </FormField>
    </FormDialog>
  );
}
