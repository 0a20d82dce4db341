"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { Plus } from "lucide-react";
import { useTranslations } from "next-intl";
import { useFieldArray, useForm } from "react-hook-form";
import { z } from "zod";
import { useActionError } from "@/components/forms/action-error";
import { RemoveRowButton } from "@/components/forms/row-buttons";
import { useActionForm } from "@/components/forms/use-action-form";
import { useHydrated } from "@/components/forms/use-hydrated";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import type { ActionResult } from "@/lib/actions/result";
import { RATE_PATTERN } from "@/lib/fx/schema";

const CODE = /^[A-Z]{3}$/;

/** The form's shape (rows of quote + rate); it becomes the API's `{date, base, rates: {CODE: rate}}`. */
const formSchema = z
  .object({
    date: z.iso.date({ error: "date" }),
    base: z.string().regex(CODE, { error: "code" }),
    rows: z.array(
      z.object({
        quote: z.string().regex(CODE, { error: "code" }),
        rate: z
          .string()
          .regex(RATE_PATTERN, { error: "rate" })
          .refine((v) => /[1-9]/.test(v), { error: "rate" }),
      }),
    ),
  })
  .superRefine((v, ctx) => {
    const seen = new Set<string>();
    v.rows.forEach((row, i) => {
      if (row.quote === v.base) ctx.addIssue({ code: "custom", path: ["rows", i, "quote"], message: "sameAsBase" });
      else if (seen.has(row.quote)) ctx.addIssue({ code: "custom", path: ["rows", i, "quote"], message: "duplicate" });
      seen.add(row.quote);
    });
  });
type Values = z.infer<typeof formSchema>;
type ErrorKey = "date" | "code" | "rate" | "duplicate" | "sameAsBase";

export function FxRateForm({
  today,
  action: save,
}: {
  today: string;
  action: (input: { date: string; base: string; rates: Record<string, string> }) => Promise<ActionResult<{ saved: number }>>;
}) {
  const t = useTranslations("outcomes.fxPage.form");
  const actionError = useActionError();
  const hydrated = useHydrated();
  const form = useForm<Values>({
    resolver: zodResolver(formSchema),
    mode: "onChange",
    defaultValues: { date: today, base: "USD", rows: [{ quote: "CNY", rate: "" }] },
  });
  const rows = useFieldArray({ control: form.control, name: "rows" });
  const action = useActionForm({
    fields: {
      form,
      // Server field errors come back as date, base or rates.<CODE>: put them on that field.
      at: (path) => {
        if (path === "date" || path === "base") return path;
        const index = path.startsWith("rates.") ? form.getValues("rows").findIndex((r) => r.quote === path.slice(6)) : -1;
        return index >= 0 ? `rows.${index}.rate` : null;
      },
      text: (_path, messages) => messages[0] ?? "",
    },
    refusalIn: "toast",
  });
  const message = (m: string | undefined) =>
    m === undefined
      ? undefined
      : (["date", "code", "rate", "duplicate", "sameAsBase"] as const).includes(m as ErrorKey)
        ? t(`errors.${m as ErrorKey}`)
        : m;

  const submit = form.handleSubmit((v) =>
    action.submit(() => save({ date: v.date, base: v.base, rates: Object.fromEntries(v.rows.map((r) => [r.quote, r.rate])) }), {
      // The toast says the save was refused even when every error found its field.
      messages: (refusal) => [actionError(refusal)],
      success: (data) => t("saved", { count: data.saved }),
      onSuccess: () => form.reset({ date: v.date, base: v.base, rows: [{ quote: "", rate: "" }] }),
    }),
  );

  const errors = form.formState.errors;
  return (
    <form onSubmit={submit} className="flex flex-col gap-4" aria-label={t("title")} data-testid="fx-rate-form">
      <div className="grid gap-3 sm:grid-cols-2">
        <FormField label={t("date")} error={message(errors.date?.message)}>
          <Input type="date" disabled={!hydrated} {...form.register("date")} />
        </FormField>
        <FormField label={t("base")} error={message(errors.base?.message)}>
          <Input
            disabled={!hydrated}
            maxLength={3}
            className="font-mono uppercase"
            {...form.register("base", { setValueAs: (v: string) => v.trim().toUpperCase() })}
          />
        </FormField>
      </div>
      <div className="flex flex-col gap-2">
        {rows.fields.map((field, i) => (
          <div key={field.id} className="grid grid-cols-[minmax(0,7rem)_minmax(0,1fr)_auto] items-start gap-2">
            <FormField label={t("quote")} error={message(errors.rows?.[i]?.quote?.message)}>
              <Input
                disabled={!hydrated}
                maxLength={3}
                className="font-mono uppercase"
                {...form.register(`rows.${i}.quote`, { setValueAs: (v: string) => v.trim().toUpperCase() })}
              />
            </FormField>
            <FormField label={t("rate")} error={message(errors.rows?.[i]?.rate?.message)}>
              <Input
                disabled={!hydrated}
                inputMode="decimal"
                className="font-mono"
                {...form.register(`rows.${i}.rate`, { setValueAs: (v: string) => v.trim() })}
              />
            </FormField>
            <RemoveRowButton
              label={t("removeRow")}
              className="mt-6"
              onClick={() => rows.remove(i)}
              disabled={!hydrated || rows.fields.length === 1}
            />
          </div>
        ))}
      </div>
      <div className="flex flex-wrap gap-2">
        <Button type="button" variant="outline" disabled={!hydrated} onClick={() => rows.append({ quote: "", rate: "" })}>
          <Plus aria-hidden />
          {t("addRow")}
        </Button>
        <Button type="submit" disabled={!hydrated} loading={form.formState.isSubmitting}>
          {t("submit")}
        </Button>
      </div>
    </form>
  );
}
