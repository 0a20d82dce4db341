"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { KeyRound, Plus, TriangleAlert } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useActionError } from "@/components/common/action-error";
import { CopyButton } from "@/components/common/copy-button";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import type { ActionResult } from "@/lib/actions/result";
import { type CreateApiKeyInput, createApiKeySchema } from "@/lib/api-keys/schema";
import { useFieldError } from "@/lib/i18n/field-error";

export type CreateApiKeyDialogProps = {
  /** Server action (createApiKeyAction). */
  createAction: (input: CreateApiKeyInput) => Promise<ActionResult<{ id: string; key: string; name: string }>>;
  /** Origin the API is served from, for the curl example. */
  origin: string;
};

/** Names a new key, then shows the secret exactly once with a copy button and a ready-made curl call. */
export function CreateApiKeyDialog({ createAction, origin }: CreateApiKeyDialogProps) {
  const t = useTranslations("apiKeys");
  const tActions = useTranslations("common.actions");
  const actionError = useActionError();
  const fieldError = useFieldError();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<{ key: string; name: string } | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    resolver: zodResolver(createApiKeySchema),
    mode: "onSubmit",
    reValidateMode: "onChange",
    defaultValues: { name: "" },
  });
  const { errors, isSubmitting } = form.formState;

  function close() {
    setOpen(false);
    // The list behind the dialog gains the new key; the secret leaves memory with the dialog.
    if (created) router.refresh();
    setCreated(null);
    setFormError(null);
    form.reset({ name: "" });
  }

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const result = await createAction(values).catch(() => null);
    if (!result?.ok) {
      if (result?.fieldErrors?.name) form.setError("name", { type: "validate" }, { shouldFocus: true });
      else setFormError(actionError(result ?? undefined));
      return;
    }
    setCreated({ key: result.data.key, name: result.data.name });
  });

  const curl = created ? `curl -H "Authorization: Bearer ${created.key}" ${origin}/api/v1/me` : "";

  return (
    <Dialog open={open} onOpenChange={(next) => (next ? setOpen(true) : close())}>
      <DialogTrigger asChild>
        <Button>
          <Plus aria-hidden />
          {t("create.button")}
        </Button>
      </DialogTrigger>
      <DialogContent className="max-w-xl" onInteractOutside={(e) => created && e.preventDefault()}>
        {created ? (
          <>
            <DialogHeader>
              <DialogTitle>{t("created.title")}</DialogTitle>
              <DialogDescription>{t("created.description", { name: created.name })}</DialogDescription>
            </DialogHeader>
            <Alert variant="warning">
              <TriangleAlert aria-hidden />
              <AlertDescription>{t("created.warning")}</AlertDescription>
            </Alert>
            <FormField label={t("created.key")}>
              <Input
                readOnly
                value={created.key}
                data-testid="created-api-key"
                className="font-mono text-xs"
                onFocus={(e) => e.currentTarget.select()}
              />
            </FormField>
            <div className="grid gap-1.5">
              <p className="text-sm font-medium">{t("created.tryIt")}</p>
              <pre className="rounded-md bg-foreground p-3 font-mono text-xs leading-relaxed break-all whitespace-pre-wrap text-background">
                {curl}
              </pre>
            </div>
            <DialogFooter>
              <CopyButton value={created.key} label={t("created.copy")} size="default" />
              <Button onClick={close}>{t("created.done")}</Button>
            </DialogFooter>
          </>
        ) : (
          <form onSubmit={onSubmit} noValidate className="grid gap-4">
            <DialogHeader>
              <DialogTitle>{t("create.title")}</DialogTitle>
              <DialogDescription>{t("create.description")}</DialogDescription>
            </DialogHeader>
            {formError ? (
              <Alert variant="destructive">
                <AlertDescription>{formError}</AlertDescription>
              </Alert>
            ) : null}
            <FormField label={t("create.name")} error={fieldError("apiKeyName", errors.name)}>
              <Input autoComplete="off" placeholder={t("create.namePlaceholder")} autoFocus maxLength={100} {...form.register("name")} />
            </FormField>
            <DialogFooter>
              <Button type="button" variant="outline" onClick={close}>
                {tActions("cancel")}
              </Button>
              <Button type="submit" loading={isSubmitting}>
                {isSubmitting ? null : <KeyRound aria-hidden />}
                {isSubmitting ? t("create.submitting") : t("create.submit")}
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
