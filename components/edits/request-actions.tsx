"use client";

import { MessageSquareWarning, PenLine, Send, Undo2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { ConfirmDialog } from "@/components/common/confirm-dialog";
import { useActionError } from "@/components/forms/action-error";
import { callAction } from "@/components/forms/call-action";
import { FormDialog } from "@/components/forms/form-dialog";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Link } from "@/components/ui/link";
import { Textarea } from "@/components/ui/textarea";
import type { ActionResult } from "@/lib/actions/result";
import type { EditDecisionData, EditRequestStatus } from "@/lib/edits/schema";

type Run = ActionResult<{ status: string }>;

export type PartnerActionsProps = {
  requestId: string;
  version: number;
  status: EditRequestStatus;
  studioName: string;
  submitAction: (id: string, version: number) => Promise<Run>;
  withdrawAction: (id: string, version: number) => Promise<Run>;
};

/** The partner's next steps: edit and submit a draft (or a request sent back), withdraw an open one. */
export function PartnerActions({ requestId, version, status, studioName, submitAction, withdrawAction }: PartnerActionsProps) {
  const t = useTranslations("edits.actions");
  const actionError = useActionError();
  const router = useRouter();
  const [refusal, setRefusal] = useState<string | null>(null);
  const editable = status === "DRAFT" || status === "CHANGES_REQUESTED";
  const withdrawable = editable || status === "SUBMITTED" || status === "UNDER_REVIEW";

  async function run(action: () => Promise<Run>, success: string) {
    setRefusal(null);
    const result = await callAction(action);
    if (!result.ok) {
      // A refusal of the edit-rights rules says what is wrong (the deal does not cover Thailand).
      if (!["VALIDATION_FAILED", "NOT_FOUND", "FORBIDDEN", "NO_ANSWER"].includes(result.reason)) {
        setRefusal(result.fieldErrors ? Object.values(result.fieldErrors).flat().join(" ") || result.message : result.message);
      }
      toast.error(result.reason === "STALE_UPDATE" || result.reason === "CONFLICT" ? t("stale") : actionError(result));
      router.refresh();
      return false;
    }
    toast.success(success);
    router.refresh();
    return true;
  }

  if (!withdrawable) return null;
  return (
    <div className="grid gap-3">
      <div className="flex flex-wrap gap-2">
        {editable ? (
          <>
            <Button asChild variant="outline">
              <Link href={`/edit-requests/${requestId}/edit`}>
                <PenLine aria-hidden />
                {t("edit")}
              </Link>
            </Button>
            <ConfirmDialog
              trigger={
                <Button>
                  <Send aria-hidden />
                  {status === "CHANGES_REQUESTED" ? t("resubmit") : t("submit")}
                </Button>
              }
              title={t("submitTitle")}
              description={t("submitDescription", { studio: studioName })}
              confirmLabel={t("submitConfirm")}
              onConfirm={() => run(() => submitAction(requestId, version), t("submitted"))}
            />
          </>
        ) : null}
        <ConfirmDialog
          trigger={
            <Button variant="outline">
              <Undo2 aria-hidden />
              {t("withdraw")}
            </Button>
          }
          title={t("withdrawTitle")}
          description={t("withdrawDescription")}
          confirmLabel={t("withdrawConfirm")}
          destructive
          onConfirm={() => run(() => withdrawAction(requestId, version), t("withdrawn"))}
        />
      </div>
      {refusal ? (
        <Alert variant="destructive" data-testid="submit-refusal">
          <AlertDescription>
            <p className="font-medium">{t("refused")}</p>
            <p>{refusal}</p>
          </AlertDescription>
        </Alert>
      ) : null}
    </div>
  );
}

export type RequestChangesProps = {
  requestId: string;
  decideAction: (id: string, input: EditDecisionData) => Promise<Run>;
};

/** The studio sends the request back to the partner with a note saying what should change. */
export function RequestChangesDialog({ requestId, decideAction }: RequestChangesProps) {
  const t = useTranslations("edits.actions");
  const tv = useTranslations("edits.validation");
  const [open, setOpen] = useState(false);
  const form = useForm<{ note: string }>({ mode: "onChange", defaultValues: { note: "" } });
  const action = useActionForm({
    fields: { form, at: (path) => (path === "requestChanges" ? "note" : null) },
    refusalIn: "toast",
    refreshOn: true,
  });

  const onSubmit = form.handleSubmit(({ note }) =>
    action.submit(() => decideAction(requestId, { requestChanges: note.trim() }), {
      success: t("changesRequested"),
      onSuccess: () => {
        setOpen(false);
        form.reset({ note: "" });
      },
    }),
  );

  return (
    <FormDialog
      trigger={
        <Button variant="outline">
          <MessageSquareWarning aria-hidden />
          {t("requestChanges")}
        </Button>
      }
      open={open}
      onOpenChange={setOpen}
      pending={action.pending}
      title={t("requestChangesTitle")}
      description={t("requestChangesDescription")}
      onSubmit={onSubmit}
      submitLabel={t("sendBack")}
    >
      <FormField label={t("changesNote")} error={form.formState.errors.note?.message}>
        <Textarea
          rows={4}
          {...form.register("note", {
            validate: (note) => (note.trim() === "" ? tv("changesNote") : note.length > 4000 ? tv("tooLong") : true),
          })}
        />
      </FormField>
    </FormDialog>
  );
}
