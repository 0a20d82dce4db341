"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { KeyRound, Plus, TriangleAlert } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { fieldsNamed } from "@/components/forms/field-errors";
import { FormDialog, useFormDialog } from "@/components/forms/form-dialog";
import { SelectField } from "@/components/forms/select-field";
import { ShownOnce } from "@/components/forms/shown-once";
import { useActionForm } from "@/components/forms/use-action-form";
import { useFieldError } from "@/components/forms/use-field-error";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import type { ActionResult } from "@/lib/actions/result";
import { API_KEY_SCOPES, type CreateApiKeyInput, createApiKeySchema } from "@/lib/api-keys/schema";

export type CreateApiKeyDialogProps = {
  /** Server action (createApiKeyAction). */
  createAction: (input: CreateApiKeyInput) => Promise<ActionResult<{ id: string; key: string; name: string }>>;
  /** Origin the API is served from, for the curl example. */
  origin: string;
};

/** Names a new key, then shows the secret exactly once with a copy button and a ready-made curl call. */
export function CreateApiKeyDialog({ createAction, origin }: CreateApiKeyDialogProps) {
  const t = useTranslations("apiKeys");
  const fieldError = useFieldError("validation");
  const router = useRouter();
  const [created, setCreated] = useState<{ key: string; name: string } | null>(null);
  const form = useForm({
    resolver: zodResolver(createApiKeySchema),
    mode: "onSubmit",
    reValidateMode: "onChange",
    defaultValues: { name: "", scope: "read" as const },
  });
  // The server's wording is English; the field shows its rule in the UI language instead.
  const action = useActionForm({ fields: { form, at: fieldsNamed(["name", "scope"]), text: () => undefined } });
  const { errors } = form.formState;

  const dialog = useFormDialog(action, undefined, () => {
    // The list behind the dialog gains the new key; the secret leaves memory with the dialog.
    if (created) router.refresh();
    setCreated(null);
    form.reset({ name: "", scope: "read" });
  });

  const onSubmit = form.handleSubmit((values) =>
    action.submit(() => createAction(values), { refresh: false, onSuccess: (data) => setCreated({ key: data.key, name: data.name }) }),
  );

  const curl = created ? `curl -H "Authorization: Bearer ${created.key}" ${origin}/api/v1/me` : "";

  return (
    <FormDialog
      trigger={
        <Button>
          <Plus aria-hidden />
          {t("create.button")}
        </Button>
      }
      {...dialog.props}
      title={t("create.title")}
      description={t("create.description")}
      className="max-w-xl"
      onInteractOutside={(e) => created && e.preventDefault()}
      onSubmit={onSubmit}
      errorFirst
      submitLabel={t("create.submit")}
      submitIcon={<KeyRound aria-hidden />}
      pendingLabel={t("create.submitting")}
      done={
        created ? (
          <ShownOnce
            title={t("created.title")}
            description={t("created.description", { name: created.name })}
            notice={
              <Alert variant="warning">
                <TriangleAlert aria-hidden />
                <AlertDescription>{t("created.warning")}</AlertDescription>
              </Alert>
            }
            label={t("created.key")}
            value={created.key}
            testId="created-api-key"
            copyLabel={t("created.copy")}
            doneLabel={t("created.done")}
            onDone={dialog.close}
          >
            <div className="grid gap-1.5">
              <p className="text-sm font-medium">{t("created.tryIt")}</p>
              <pre className="rounded-md bg-foreground p-3 font-mono text-xs leading-relaxed break-all whitespace-pre-wrap text-background">
                {curl}
              </pre>
            </div>
          </ShownOnce>
        ) : null
      }
    >
      <FormField label={t("create.name")} error={fieldError("apiKeyName", errors.name)}>
        <Input autoComplete="off" placeholder={t("create.namePlaceholder")} autoFocus maxLength={100} {...form.register("name")} />
      </FormField>
      <SelectField
        control={form.control}
        name="scope"
        label={t("create.scope")}
        description={t(`scopeDescription.${form.watch("scope") ?? "read"}`)}
        options={API_KEY_SCOPES.map((scope) => ({ value: scope, label: t(`scope.${scope}`) }))}
      />
    </FormDialog>
  );
}
