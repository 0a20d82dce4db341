"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { CircleCheck, MessageSquareWarning } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { useActionError, useRunAction } from "@/components/common/action-error";
import { ConfirmDialog } from "@/components/common/confirm-dialog";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { FormField, FormMessage } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/textarea";
import type { ActionResult } from "@/lib/actions/result";
import { type DisputeStatementData, disputeStatementSchema } from "@/lib/statements/schema";

/** The licensor's decision on a submitted statement: accept it (it becomes immutable) or dispute it with a reason. */
export function ReviewActions({
  statementId,
  acceptAction,
  disputeAction,
}: {
  statementId: string;
  acceptAction: (id: string) => Promise<ActionResult<unknown>>;
  disputeAction: (id: string, input: DisputeStatementData) => Promise<ActionResult<unknown>>;
}) {
  const t = useTranslations("statements.review");
  const tActions = useTranslations("common.actions");
  const run = useRunAction();
  const actionError = useActionError();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<DisputeStatementData>({
    resolver: zodResolver(disputeStatementSchema),
    defaultValues: { reason: "" },
    mode: "onTouched",
  });
  const { errors, isSubmitting } = form.formState;

  const onDispute = form.handleSubmit(async (values) => {
    setFormError(null);
    const result = await disputeAction(statementId, values).catch(() => null);
    if (!result?.ok) {
      const reasonError = result && !result.ok ? result.fieldErrors?.reason : undefined;
      if (reasonError) form.setError("reason", { type: "server", message: reasonError.join(" ") });
      else setFormError(result && !result.ok && result.reason === "NOT_SUBMITTED" ? t("alreadyDecided") : actionError(result ?? undefined));
      return;
    }
    toast.success(t("disputed"));
    setOpen(false);
    router.refresh();
  });

  return (
    <div className="flex flex-wrap gap-2" data-testid="review-actions">
      <ConfirmDialog
        trigger={
          <Button>
            <CircleCheck aria-hidden />
            {t("accept")}
          </Button>
        }
        title={t("acceptTitle")}
        description={t("acceptDescription")}
        confirmLabel={t("acceptConfirm")}
        onConfirm={() => run(() => acceptAction(statementId), t("accepted"), { refreshOnError: true })}
      />
      <Dialog
        open={open}
        onOpenChange={(next) => {
          if (next) {
            form.reset({ reason: "" });
            setFormError(null);
          }
          setOpen(next);
        }}
      >
        <DialogTrigger asChild>
          <Button variant="outline">
            <MessageSquareWarning aria-hidden />
            {t("dispute")}
          </Button>
        </DialogTrigger>
        <DialogContent className="max-w-lg">
          <form onSubmit={onDispute} noValidate className="grid gap-4">
            <DialogHeader>
              <DialogTitle>{t("disputeTitle")}</DialogTitle>
              <DialogDescription>{t("disputeDescription")}</DialogDescription>
            </DialogHeader>
            <FormField
              label={t("reason")}
              error={errors.reason ? (errors.reason.type === "server" ? errors.reason.message : t("reasonRequired")) : undefined}
            >
              <Textarea rows={4} {...form.register("reason")} />
            </FormField>
            <FormMessage>{formError}</FormMessage>
            <DialogFooter>
              <Button type="button" variant="outline" onClick={() => setOpen(false)}>
                {tActions("cancel")}
              </Button>
              <Button type="submit" variant="destructive" loading={isSubmitting}>
                {t("disputeConfirm")}
              </Button>
            </DialogFooter>
          </form>
        </DialogContent>
      </Dialog>
    </div>
  );
}
