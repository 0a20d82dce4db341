"use client";

import { MessageSquareWarning, PenLine, Send, Undo2 } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { useActionError } from "@/components/common/action-error";
import { ConfirmDialog } from "@/components/common/confirm-dialog";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
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
    const result = await action().catch(() => null);
    if (!result?.ok) {
      if (result && result.reason !== "VALIDATION_FAILED" && result.reason !== "NOT_FOUND" && result.reason !== "FORBIDDEN") {
        setRefusal(result.fieldErrors ? Object.values(result.fieldErrors).flat().join(" ") || result.message : result.message);
      }
      toast.error(result?.reason === "STALE_UPDATE" || result?.reason === "CONFLICT" ? t("stale") : actionError(result));
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
  const actionError = useActionError();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function send() {
    if (note.trim() === "") return setError(tv("changesNote"));
    if (note.length > 4000) return setError(tv("tooLong"));
    setPending(true);
    const result = await decideAction(requestId, { requestChanges: note.trim() }).catch(() => null);
    setPending(false);
    if (!result?.ok) {
      const fieldMessage = result?.fieldErrors?.requestChanges?.join(" ");
      if (fieldMessage) return setError(fieldMessage);
      toast.error(actionError(result));
      router.refresh();
      return;
    }
    toast.success(t("changesRequested"));
    setOpen(false);
    setNote("");
    router.refresh();
  }

  return (
    <Dialog open={open} onOpenChange={(next) => !pending && setOpen(next)}>
      <DialogTrigger asChild>
        <Button variant="outline">
          <MessageSquareWarning aria-hidden />
          {t("requestChanges")}
        </Button>
      </DialogTrigger>
      <DialogContent className="max-w-lg">
        <DialogHeader>
          <DialogTitle>{t("requestChangesTitle")}</DialogTitle>
          <DialogDescription>{t("requestChangesDescription")}</DialogDescription>
        </DialogHeader>
        <FormField label={t("changesNote")} error={error}>
          <Textarea
            rows={4}
            value={note}
            onChange={(e) => {
              setNote(e.target.value);
              setError(e.target.value.trim() === "" ? tv("changesNote") : e.target.value.length > 4000 ? tv("tooLong") : null);
            }}
          />
        </FormField>
        <DialogFooter>
          <Button variant="outline" onClick={() => setOpen(false)} disabled={pending}>
            {t("cancel")}
          </Button>
          <Button onClick={send} loading={pending}>
            {t("sendBack")}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
