"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { Ban, Info, OctagonAlert, PenLine, Send } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { ConfirmDialog } from "@/components/common/confirm-dialog";
import { useActionError } from "@/components/forms/action-error";
import { callAction } from "@/components/forms/call-action";
import { fieldsNamed } from "@/components/forms/field-errors";
import { FormDialog, useFormDialog } from "@/components/forms/form-dialog";
import { useActionForm } from "@/components/forms/use-action-form";
import { useFieldError } from "@/components/forms/use-field-error";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/textarea";
import type { ActionResult } from "@/lib/actions/result";
import type { SignActionResult } from "@/lib/deals/actions";
import type { DealStatus } from "@/lib/deals/schema";
import { terminateSchema } from "@/lib/deals/schema";
import { ConflictList, type ConflictView, type UncoveredView } from "./conflicts";
import type { NameMaps } from "./options";
import { dealFieldRules } from "./terms-form";

export type DealActionsProps = {
  dealId: string;
  version: number;
  status: DealStatus;
  organizationName: string;
  counterpartyName: string;
  /** This organisation's signature is on the deal already. */
  signedByUs: boolean;
  hasGrants: boolean;
  mayWrite: boolean;
  maySign: boolean;
  names: NameMaps;
  titleNames: Record<string, string>;
  linkDeals: boolean;
  proposeAction: (dealId: string, version: number) => Promise<ActionResult<{ id: string }>>;
  signAction: (dealId: string, version: number) => Promise<SignActionResult>;
  terminateAction: (dealId: string, input: z.input<typeof terminateSchema>) => Promise<ActionResult<{ id: string }>>;
};

/** What this organisation can do next with the deal: propose, sign, terminate — or why not. */
export function DealActions(props: DealActionsProps) {
  const { dealId, version, status, organizationName, counterpartyName, signedByUs, hasGrants, mayWrite, maySign } = props;
  const t = useTranslations("deals.actions");
  const actionError = useActionError();
  const router = useRouter();
  const [refusal, setRefusal] = useState<{ message: string; conflicts: ConflictView[]; uncovered: UncoveredView[] } | null>(null);

  function failed(result: { reason: string }) {
    if (result.reason === "STALE_UPDATE") toast.error(t("stale"));
    else if (result.reason === "NO_GRANTS") toast.error(t("noGrants"));
    else if (result.reason === "ALREADY_SIGNED") toast.error(t("alreadySigned"));
    else toast.error(actionError(result));
    router.refresh();
  }

  async function propose() {
    const result = await callAction(() => props.proposeAction(dealId, version));
    if (!result.ok) return failed(result);
    toast.success(t("proposed", { counterparty: counterpartyName }));
    router.refresh();
  }

  async function sign() {
    const result = await callAction(() => props.signAction(dealId, version));
    if (!result.ok && "conflicts" in result) {
      setRefusal({
        message: result.reason === "RIGHTS_CONFLICT" ? t("refusedConflict") : t("refusedNotHeld"),
        conflicts: result.conflicts,
        uncovered: result.uncovered,
      });
      router.refresh();
      return;
    }
    if (!result.ok) return failed(result);
    toast.success(result.data.status === "SIGNED" ? t("signedFinal") : t("signedFirst", { counterparty: counterpartyName }));
    router.refresh();
  }

  const open = status === "DRAFT" || status === "PROPOSED";
  const canPropose = status === "DRAFT" && mayWrite;
  const canSign = status === "PROPOSED" && !signedByUs;

  return (
    <div className="grid gap-3">
      <div className="flex flex-wrap items-center gap-2">
        {canPropose ? (
          <ConfirmDialog
            trigger={
              <Button disabled={!hasGrants}>
                <Send aria-hidden />
                {t("propose")}
              </Button>
            }
            title={t("proposeTitle", { counterparty: counterpartyName })}
            description={t("proposeDescription", { counterparty: counterpartyName })}
            confirmLabel={t("proposeConfirm")}
            onConfirm={propose}
          />
        ) : null}
        {canSign && maySign ? (
          <ConfirmDialog
            trigger={
              <Button>
                <PenLine aria-hidden />
                {t("sign")}
              </Button>
            }
            title={t("signTitle", { organization: organizationName })}
            description={t("signDescription", { organization: organizationName })}
            confirmLabel={t("signConfirm")}
            onConfirm={sign}
          />
        ) : null}
        {canSign && !maySign ? (
          <Button disabled aria-describedby="sign-why-not">
            <PenLine aria-hidden />
            {t("sign")}
          </Button>
        ) : null}
        {status !== "TERMINATED" && status !== "EXPIRED" && maySign ? <TerminateDialog {...props} /> : null}
      </div>
      {canPropose && !hasGrants ? <p className="text-xs text-muted-foreground">{t("proposeNeedsGrants")}</p> : null}
      {canSign && !maySign ? (
        <p id="sign-why-not" className="flex items-center gap-1.5 text-xs text-muted-foreground">
          <Info className="size-3.5" aria-hidden />
          {t("signWhyNot", { organization: organizationName })}
        </p>
      ) : null}
      {open && !mayWrite && !maySign ? <p className="text-xs text-muted-foreground">{t("readOnly")}</p> : null}

      <Dialog open={refusal !== null} onOpenChange={(next) => !next && setRefusal(null)}>
        <DialogContent className="max-w-2xl">
          <DialogHeader>
            <DialogTitle className="flex items-center gap-2 text-destructive">
              <OctagonAlert className="size-5" aria-hidden />
              {t("refusedTitle")}
            </DialogTitle>
            <DialogDescription>{refusal?.message}</DialogDescription>
          </DialogHeader>
          {refusal ? (
            <ConflictList
              conflicts={refusal.conflicts}
              uncovered={refusal.uncovered}
              names={props.names}
              dealId={dealId}
              titleNames={props.titleNames}
              linkDeals={props.linkDeals}
            />
          ) : null}
          <DialogFooter>
            <Button onClick={() => setRefusal(null)}>{t("refusedClose")}</Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </div>
  );
}

function TerminateDialog({ dealId, counterpartyName, status, terminateAction }: DealActionsProps) {
  const t = useTranslations("deals.actions");
  const fieldError = useFieldError("deals.validation", dealFieldRules);
  const form = useForm<z.input<typeof terminateSchema>, unknown, z.output<typeof terminateSchema>>({
    resolver: zodResolver(terminateSchema),
    defaultValues: { reason: "" },
  });
  const action = useActionForm({ fields: { form, at: fieldsNamed(["reason"]) }, reasons: { DEAL_SETTLED: t("terminateSettled") } });
  const dialog = useFormDialog(action, () => form.reset({ reason: "" }));

  const onSubmit = form.handleSubmit((values) =>
    action.submit(() => terminateAction(dealId, values), { success: t("terminated"), onSuccess: dialog.close }),
  );

  return (
    <FormDialog
      trigger={
        <Button variant="outline-destructive">
          <Ban aria-hidden />
          {t("terminate")}
        </Button>
      }
      {...dialog.props}
      title={t("terminateTitle")}
      description={
        status === "SIGNED" ? t("terminateSignedDescription", { counterparty: counterpartyName }) : t("terminateOpenDescription")
      }
      onSubmit={onSubmit}
      submitLabel={t("terminateConfirm")}
      submitVariant="destructive"
    >
      <FormField label={t("terminateReason")} error={fieldError("reason", form.formState.errors.reason)}>
        <Textarea rows={4} placeholder={t("terminateReasonPlaceholder")} {...form.register("reason")} />
      </FormField>
    </FormDialog>
  );
}
