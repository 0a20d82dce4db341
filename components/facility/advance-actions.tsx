"use client";

import { Ban, Banknote, CircleCheck, CircleX, FileSearch, Info, OctagonAlert, Send, ShieldAlert } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { useActionError, useRunAction } from "@/components/common/action-error";
import { ConfirmDialog } from "@/components/common/confirm-dialog";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/textarea";
import type { ActionResult } from "@/lib/actions/result";
import type { AdvanceStatus } from "@/lib/facility/rules";
import { useFormat } from "@/lib/i18n/use-format";
import { parseAmount, percentOf } from "@/lib/money/money";
import { AmountInput, cleanNumber, useFacilityFieldError } from "./form-parts";
import { LimitsTable } from "./limits-panel";
import { exponentOf, fromMinor, toMinor } from "./money";
import type { EligibilityView, LimitView, Money } from "./types";

/** A refused approval: the limits it breaks, with their numbers (the API's 422). */
export type DecisionRefusal = { ok: false; reason: "LIMITS_EXCEEDED"; message: string; breaches: LimitView[] };
export type DecisionResult = ActionResult<unknown> | DecisionRefusal;

export type DecisionInput = { decision: "APPROVED" | "DECLINED"; amount?: Money; conditions?: string; reason?: string };

export type AdvanceActionsProps = {
  advanceId: string;
  status: AdvanceStatus;
  requested: Money;
  approved: Money | null;
  feePct: string;
  owed: Money;
  eligibility: EligibilityView | null;
  mayUnderwrite: boolean;
  mayDisburse: boolean;
  /** The current user recorded the approval: four-eyes forbids them to disburse. */
  approvedByMe: boolean;
  approverName: string | null;
  reviewAction: (id: string) => Promise<ActionResult<unknown>>;
  decideAction: (id: string, input: DecisionInput) => Promise<DecisionResult>;
  disburseAction: (id: string, idempotencyKey: string) => Promise<ActionResult<unknown>>;
  defaultAction: (id: string, input: { reason: string }) => Promise<ActionResult<unknown>>;
  writeOffAction: (id: string) => Promise<ActionResult<unknown>>;
};

/** What facility staff can do next with an advance, and why a button is not there for them. */
export function FacilityAdvanceActions(props: AdvanceActionsProps) {
  const { advanceId, status, mayUnderwrite, mayDisburse, approvedByMe } = props;
  const t = useTranslations("facility.actions");
  const run = useRunAction();
  const f = useFormat();

  const buttons: React.ReactNode[] = [];
  if (status === "SUBMITTED" && mayUnderwrite) {
    buttons.push(
      <ConfirmDialog
        key="review"
        trigger={
          <Button>
            <FileSearch aria-hidden />
            {t("startReview")}
          </Button>
        }
        title={t("startReviewTitle")}
        description={t("startReviewDescription")}
        confirmLabel={t("startReviewConfirm")}
        onConfirm={() => run(() => props.reviewAction(advanceId), t("reviewStarted"), { refreshOnError: true })}
      />,
    );
  }
  if (status === "UNDER_REVIEW" && mayUnderwrite) {
    buttons.push(<ApproveDialog key="approve" {...props} />, <DeclineDialog key="decline" {...props} />);
  }
  if (status === "APPROVED" && mayDisburse) {
    buttons.push(<DisburseDialog key="disburse" {...props} />);
  }
  if (status === "DISBURSED" && mayUnderwrite) buttons.push(<DefaultDialog key="default" {...props} />);
  if (status === "DEFAULTED" && mayUnderwrite) {
    buttons.push(
      <ConfirmDialog
        key="writeoff"
        trigger={
          <Button variant="destructive">
            <Ban aria-hidden />
            {t("writeOff")}
          </Button>
        }
        title={t("writeOffTitle")}
        description={t("writeOffDescription", { owed: f.money(props.owed) })}
        confirmLabel={t("writeOffConfirm")}
        destructive
        onConfirm={() => run(() => props.writeOffAction(advanceId), t("writtenOff"), { refreshOnError: true })}
      />,
    );
  }

  const fourEyes = status === "APPROVED" && approvedByMe;
  return (
    <div className="grid gap-3" data-testid="advance-actions">
      {buttons.length > 0 ? <div className="flex flex-wrap items-center gap-2">{buttons}</div> : null}
      {fourEyes ? (
        <Alert variant="warning" data-testid="four-eyes">
          <ShieldAlert aria-hidden />
          <AlertTitle>{t("fourEyesTitle")}</AlertTitle>
          <AlertDescription id="four-eyes-why">{t("fourEyes")}</AlertDescription>
        </Alert>
      ) : null}
      {status === "APPROVED" && !mayDisburse ? <p className="text-xs text-muted-foreground">{t("cannotDisburse")}</p> : null}
      {buttons.length === 0 && !fourEyes && (status === "SUBMITTED" || status === "UNDER_REVIEW") && !mayUnderwrite ? (
        <p className="flex items-center gap-1.5 text-xs text-muted-foreground">
          <Info className="size-3.5" aria-hidden />
          {t("readOnly")}
        </p>
      ) : null}
    </div>
  );
}

function ApproveDialog({ advanceId, requested, feePct, eligibility, decideAction }: AdvanceActionsProps) {
  const t = useTranslations("facility.actions");
  const tActions = useTranslations("common.actions");
  const actionError = useActionError();
  const fieldError = useFacilityFieldError();
  const router = useRouter();
  const f = useFormat();
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const [formError, setFormError] = useState<string | null>(null);
  const [breaches, setBreaches] = useState<LimitView[] | null>(null);
  const form = useForm<{ amount: string; conditions: string }>({ defaultValues: { amount: requested.amount, conditions: "" } });
  const exponent = exponentOf(requested);
  const amountText = form.watch("amount");
  const parsed = parseAmount(cleanNumber(amountText), exponent);
  const fee = parsed !== null && parsed > 0n ? fromMinor(percentOf(parsed, feePct), requested) : null;

  const onSubmit = form.handleSubmit((values) => {
    const minor = parseAmount(cleanNumber(values.amount), exponent);
    if (minor === null || minor <= 0n) {
      form.setError("amount", { type: "custom" });
      return;
    }
    if (minor > toMinor(requested)) {
      form.setError("amount", { type: "server", message: t("approveAboveRequested", { requested: f.money(requested) }) });
      return;
    }
    startTransition(async () => {
      setFormError(null);
      setBreaches(null);
      const result = await decideAction(advanceId, {
        decision: "APPROVED",
        amount: fromMinor(minor, requested),
        conditions: values.conditions.trim() || undefined,
      }).catch(() => null);
      if (result && !result.ok && "breaches" in result) {
        setBreaches(result.breaches);
        router.refresh();
        return;
      }
      if (!result?.ok) {
        const amountError = result?.fieldErrors?.["amount.amount"] ?? result?.fieldErrors?.amount;
        if (amountError) form.setError("amount", { type: "server", message: amountError.join(" ") });
        else setFormError(actionError(result ?? undefined));
        return;
      }
      toast.success(t("approved"));
      setOpen(false);
      router.refresh();
    });
  });

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (next) {
          form.reset({ amount: requested.amount, conditions: "" });
          setFormError(null);
          setBreaches(null);
        }
        if (!pending) setOpen(next);
      }}
    >
      <DialogTrigger asChild>
        <Button>
          <CircleCheck aria-hidden />
          {t("approve")}
        </Button>
      </DialogTrigger>
      <DialogContent className="max-w-3xl">
        <form onSubmit={onSubmit} noValidate className="grid gap-4">
          <DialogHeader>
            <DialogTitle>{t("approveTitle")}</DialogTitle>
            <DialogDescription>{t("approveDescription", { requested: f.money(requested) })}</DialogDescription>
          </DialogHeader>
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
          {formError ? (
            <Alert variant="destructive">
              <AlertDescription>{formError}</AlertDescription>
            </Alert>
          ) : null}
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => setOpen(false)} disabled={pending}>
              {tActions("cancel")}
            </Button>
            <Button type="submit" loading={pending}>
              {t("approveConfirm")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

function ReasonDialog({
  trigger,
  title,
  description,
  label,
  confirmLabel,
  success,
  submit,
}: {
  trigger: React.ReactElement;
  title: string;
  description: string;
  label: string;
  confirmLabel: string;
  success: string;
  submit: (reason: string) => Promise<ActionResult<unknown>>;
}) {
  const tActions = useTranslations("common.actions");
  const actionError = useActionError();
  const fieldError = useFacilityFieldError();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<{ reason: string }>({ defaultValues: { reason: "" } });

  const onSubmit = form.handleSubmit((values) => {
    if (values.reason.trim() === "") {
      form.setError("reason", { type: "required" });
      return;
    }
    startTransition(async () => {
      setFormError(null);
      const result = await submit(values.reason.trim()).catch(() => null);
      if (!result?.ok) {
        const reasonError = result?.fieldErrors?.reason;
        if (reasonError) form.setError("reason", { type: "server", message: reasonError.join(" ") });
        else setFormError(actionError(result ?? undefined));
        return;
      }
      toast.success(success);
      setOpen(false);
      router.refresh();
    });
  });

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (next) {
          form.reset({ reason: "" });
          setFormError(null);
        }
        if (!pending) setOpen(next);
      }}
    >
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent className="max-w-lg">
        <form onSubmit={onSubmit} noValidate className="grid gap-4">
          <DialogHeader>
            <DialogTitle>{title}</DialogTitle>
            <DialogDescription>{description}</DialogDescription>
          </DialogHeader>
          <FormField label={label} error={fieldError("reason", form.formState.errors.reason)}>
            <Textarea rows={4} maxLength={2000} {...form.register("reason")} />
          </FormField>
          {formError ? (
            <Alert variant="destructive">
              <AlertDescription>{formError}</AlertDescription>
            </Alert>
          ) : null}
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => setOpen(false)} disabled={pending}>
              {tActions("cancel")}
            </Button>
            <Button type="submit" variant="destructive" loading={pending}>
              {confirmLabel}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

function DeclineDialog({ advanceId, decideAction }: AdvanceActionsProps) {
  const t = useTranslations("facility.actions");
  return (
    <ReasonDialog
      trigger={
        <Button variant="outline" className="text-destructive hover:text-destructive">
          <CircleX aria-hidden />
          {t("decline")}
        </Button>
      }
      title={t("declineTitle")}
      description={t("declineDescription")}
      label={t("declineReason")}
      confirmLabel={t("declineConfirm")}
      success={t("declined")}
      submit={(reason) => decideAction(advanceId, { decision: "DECLINED", reason }) as Promise<ActionResult<unknown>>}
    />
  );
}

function DefaultDialog({ advanceId, owed, defaultAction }: AdvanceActionsProps) {
  const t = useTranslations("facility.actions");
  const f = useFormat();
  return (
    <ReasonDialog
      trigger={
        <Button variant="outline" className="text-destructive hover:text-destructive">
          <OctagonAlert aria-hidden />
          {t("markDefault")}
        </Button>
      }
      title={t("defaultTitle")}
      description={t("defaultDescription", { owed: f.money(owed) })}
      label={t("defaultReason")}
      confirmLabel={t("defaultConfirm")}
      success={t("defaulted")}
      submit={(reason) => defaultAction(advanceId, { reason })}
    />
  );
}

/** A fresh Idempotency-Key per opened dialog: a double click or a retry in it can never pay twice. */
function newKey(): string {
  return typeof crypto !== "undefined" && "randomUUID" in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

function DisburseDialog({ advanceId, approved, requested, feePct, approvedByMe, approverName, disburseAction }: AdvanceActionsProps) {
  const t = useTranslations("facility.actions");
  const tActions = useTranslations("common.actions");
  const actionError = useActionError();
  const router = useRouter();
  const f = useFormat();
  const [open, setOpen] = useState(false);
  const [key, setKey] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
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

  function confirm() {
    if (!key) return;
    startTransition(async () => {
      setError(null);
      const result = await disburseAction(advanceId, key).catch(() => null);
      if (!result?.ok) {
        setError(
          result?.reason === "FOUR_EYES"
            ? t("fourEyes")
            : result?.reason === "ALREADY_DISBURSED"
              ? t("alreadyDisbursed")
              : actionError(result ?? undefined),
        );
        if (result?.reason === "ALREADY_DISBURSED") router.refresh();
        return;
      }
      toast.success(t("disbursed", { amount: f.money(principal) }));
      setOpen(false);
      router.refresh();
    });
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (pending) return;
        if (next) {
          setKey(newKey());
          setError(null);
        }
        setOpen(next);
      }}
    >
      <DialogTrigger asChild>
        <Button>
          <Banknote aria-hidden />
          {t("disburse")}
        </Button>
      </DialogTrigger>
      <DialogContent className="max-w-md" showClose={false}>
        <DialogHeader>
          <DialogTitle>{t("disburseTitle")}</DialogTitle>
          <DialogDescription>
            {t("disburseDescription", {
              amount: f.money(principal),
              fee: f.money(fee),
              approver: approverName ?? "—",
            })}
          </DialogDescription>
        </DialogHeader>
        <p className="text-xs text-muted-foreground">{t("disburseOnce")}</p>
        {error ? (
          <Alert variant="destructive">
            <AlertDescription>{error}</AlertDescription>
          </Alert>
        ) : null}
        <DialogFooter>
          <Button variant="outline" onClick={() => setOpen(false)} disabled={pending}>
            {tActions("cancel")}
          </Button>
          <Button onClick={confirm} loading={pending} disabled={pending || !key}>
            {t("disburseConfirm", { amount: f.money(principal) })}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

/** The studio's step on its own draft: submit it to the facility. */
export function StudioAdvanceActions({
  advanceId,
  status,
  mayApply,
  submitAction,
}: {
  advanceId: string;
  status: AdvanceStatus;
  mayApply: boolean;
  submitAction: (id: string) => Promise<ActionResult<unknown>>;
}) {
  const t = useTranslations("facility.actions");
  const run = useRunAction();
  if (status !== "DRAFT" || !mayApply) return null;
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="advance-actions">
      <Button asChild variant="outline">
        <a href={`/advances/${advanceId}/edit`}>{t("editDraft")}</a>
      </Button>
      <ConfirmDialog
        trigger={
          <Button>
            <Send aria-hidden />
            {t("submit")}
          </Button>
        }
        title={t("submitTitle")}
        description={t("submitDescription")}
        confirmLabel={t("submitConfirm")}
        onConfirm={() => run(() => submitAction(advanceId), t("submitted"), { refreshOnError: true })}
      />
    </div>
  );
}
