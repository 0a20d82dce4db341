"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { Plus, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useFieldArray, useForm } from "react-hook-form";
import { toast } from "sonner";
import { z } from "zod";
import { useHydrated } from "@/components/catalogue/use-hydrated";
import { useActionError } from "@/components/common/action-error";
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
  action,
}: {
  today: string;
  action: (input: { date: string; base: string; rates: Record<string, string> }) => Promise<ActionResult<{ saved: number }>>;
}) {
  const t = useTranslations("outcomes.fxPage.form");
  const actionError = useActionError();
  const router = useRouter();
  const hydrated = useHydrated();
  const form = useForm<Values>({
    resolver: zodResolver(formSchema),
    mode: "onChange",
    defaultValues: { date: today, base: "USD", rows: [{ quote: "CNY", rate: "" }] },
  });
  const rows = useFieldArray({ control: form.control, name: "rows" });
  const message = (m: string | undefined) =>
    m === undefined
      ? undefined
      : (["date", "code", "rate", "duplicate", "sameAsBase"] as const).includes(m as ErrorKey)
        ? t(`errors.${m as ErrorKey}`)
        : m;

  const submit = form.handleSubmit(async (v) => {
    const result = await action({ date: v.date, base: v.base, rates: Object.fromEntries(v.rows.map((r) => [r.quote, r.rate])) }).catch(
      () => null,
    );
    if (!result?.ok) {
      // Server field errors come back as date, base or rates.<CODE>: put them on that field.
      for (const [path, messages] of Object.entries(result && !result.ok ? (result.fieldErrors ?? {}) : {})) {
        const code = path.startsWith("rates.") ? path.slice(6) : null;
        const index = code ? v.rows.findIndex((r) => r.quote === code) : -1;
        const text = messages[0] ?? "";
        if (path === "date" || path === "base") form.setError(path, { message: text });
        else if (index >= 0) form.setError(`rows.${index}.rate`, { message: text });
      }
      toast.error(actionError(result ?? undefined));
      return;
    }
    toast.success(t("saved", { count: result.data.saved }));
    form.reset({ date: v.date, base: v.base, rows: [{ quote: "", rate: "" }] });
    router.refresh();
  });

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
            <Button
              type="button"
              variant="ghost"
              size="icon"
              className="mt-6"
              aria-label={t("removeRow")}
              disabled={!hydrated || rows.fields.length === 1}
              onClick={() => rows.remove(i)}
            >
              <Trash2 aria-hidden />
            </Button>
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
