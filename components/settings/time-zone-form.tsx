"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { Save } from "lucide-react";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { fieldsNamed } from "@/components/forms/field-errors";
import { FormAlert } from "@/components/forms/form-alert";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import type { ActionResult } from "@/lib/actions/result";
import { isSelectableTimeZone } from "@/lib/orgs/time-zone";

type Values = { timeZone: string };
// The API's rule (lib/orgs/schema.ts), on the text field: empty means the home country's zone.
const formSchema = z.object({
  timeZone: z
    .string()
    .trim()
    .max(64)
    .refine((v) => v === "" || isSelectableTimeZone(v)),
});

/**
 * The organisation's time zone (owners only): an IANA zone typed or picked from the list, or empty
 * for the home country's main zone. Others see it read-only.
 */
export function TimeZoneForm({
  timeZone,
  effectiveTimeZone,
  homeZone,
  zones,
  editable,
  saveAction,
}: {
  timeZone: string | null;
  effectiveTimeZone: string;
  homeZone: string;
  zones: string[];
  editable: boolean;
  saveAction: (input: { timeZone: string | null }) => Promise<ActionResult<{ timeZone: string | null; effectiveTimeZone: string }>>;
}) {
  const t = useTranslations("obligations.timeZone");
  const listId = useId();
  const form = useForm<Values>({
    resolver: zodResolver(formSchema),
    mode: "onSubmit",
    reValidateMode: "onChange",
    defaultValues: { timeZone: timeZone ?? "" },
  });
  // The field says its rule in the UI language; the server's wording is English.
  const action = useActionForm<Values>({ fields: { form, at: fieldsNamed(["timeZone"]), text: () => t("invalid") } });
  const { errors, isDirty } = form.formState;
  const onSubmit = form.handleSubmit((values) =>
    action.submit(() => saveAction({ timeZone: values.timeZone === "" ? null : values.timeZone }), {
      success: t("saved"),
      onSuccess: (data) => form.reset({ timeZone: data.timeZone ?? "" }),
    }),
  );

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4">
      <FormAlert messages={action.formError} />
      <FormField label={t("label")} description={t("help", { zone: homeZone })} error={errors.timeZone ? t("invalid") : undefined}>
        <Input
          list={listId}
          autoComplete="off"
          spellCheck={false}
          placeholder={t("placeholder")}
          disabled={!editable}
          className="max-w-sm font-mono"
          {...form.register("timeZone")}
        />
      </FormField>
      <datalist id={listId}>
        {zones.map((z) => (
          <option key={z} value={z} />
        ))}
      </datalist>
      <p className="text-sm text-muted-foreground" data-testid="effective-time-zone">
        {t("effective", { zone: effectiveTimeZone })}
      </p>
      {editable ? (
        <div>
          <Button type="submit" disabled={action.pending || !isDirty}>
            <Save aria-hidden />
            {t("save")}
          </Button>
        </div>
      ) : null}
    </form>
  );
}
