"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { CircleCheck, MessageSquareWarning } from "lucide-react";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { ConfirmDialog } from "@/components/common/confirm-dialog";
import { useRunAction } from "@/components/forms/action-error";
import { fieldsNamed } from "@/components/forms/field-errors";
import { FormDialog, useFormDialog } from "@/components/forms/form-dialog";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
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
  const run = useRunAction();
  const form = useForm<DisputeStatementData>({
    resolver: zodResolver(disputeStatementSchema),
    defaultValues: { reason: "" },
    mode: "onTouched",
  });
  const action = useActionForm({ fields: { form, at: fieldsNamed(["reason"]) }, reasons: { NOT_SUBMITTED: t("alreadyDecided") } });
  const dialog = useFormDialog(action, () => form.reset({ reason: "" }));
  const { errors } = form.formState;

  const onDispute = form.handleSubmit((values) =>
    action.submit(() => disputeAction(statementId, values), { success: t("disputed"), onSuccess: dialog.close }),
  );

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
      <FormDialog
        trigger={
          <Button variant="outline">
            <MessageSquareWarning aria-hidden />
            {t("dispute")}
          </Button>
        }
        {...dialog.props}
        // This dialog's refusal is a line of text under the field (FormMessage below), not an alert.
        formError={null}
        title={t("disputeTitle")}
        description={t("disputeDescription")}
        onSubmit={onDispute}
        submitLabel={t("disputeConfirm")}
        submitVariant="destructive"
      >
        <FormField
          label={t("reason")}
          error={errors.reason ? (errors.reason.type === "server" ? errors.reason.message : t("reasonRequired")) : undefined}
        >
          <Textarea rows={4} {...form.register("reason")} />
        </FormField>
        <FormMessage>{action.formError?.join(" ")}</FormMessage>
      </FormDialog>
    </div>
  );
}
