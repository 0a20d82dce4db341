"use client";

import { Ban, FileSearch, Info, Send, ShieldAlert } from "lucide-react";
import { useTranslations } from "next-intl";
import { ConfirmDialog } from "@/components/common/confirm-dialog";
import { useRunAction } from "@/components/forms/action-error";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions/result";
import type { AdvanceStatus } from "@/lib/facility/rules";
import type { DisbursementPaymentInput } from "@/lib/facility/schema";
import { useFormat } from "@/lib/i18n/use-format";
import { ApproveAdvanceDialog, type DecisionInput, type DecisionResult } from "./approve-advance-dialog";
import { DeclineAdvanceDialog } from "./decline-advance-dialog";
import { DefaultAdvanceDialog } from "./default-advance-dialog";
import { DisburseAdvanceDialog } from "./disburse-advance-dialog";
import type { EligibilityView, Money } from "./types";

export type { DecisionInput, DecisionRefusal, DecisionResult } from "./approve-advance-dialog";

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
  disburseAction: (id: string, idempotencyKey: string, input: DisbursementPaymentInput) => Promise<ActionResult<unknown>>;
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
    buttons.push(<ApproveAdvanceDialog key="approve" {...props} />, <DeclineAdvanceDialog key="decline" {...props} />);
  }
  if (status === "APPROVED" && mayDisburse) {
    buttons.push(<DisburseAdvanceDialog key="disburse" {...props} />);
  }
  if (status === "DISBURSED" && mayUnderwrite) buttons.push(<DefaultAdvanceDialog key="default" {...props} />);
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
