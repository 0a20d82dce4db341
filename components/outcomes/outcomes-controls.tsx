"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { usePathname, useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { Controller, useForm } from "react-hook-form";
import { z } from "zod";
import { SimpleSelect } from "@/components/forms/select-field";
import { useHydrated } from "@/components/forms/use-hydrated";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";

/** Reporting currencies offered first; any ISO code still works through the URL and the API. */
export const REPORTING_CURRENCIES = ["USD", "CNY", "EUR", "JPY", "KRW", "HKD", "SGD", "THB", "BRL", "GBP"] as const;

const formSchema = z
  .object({
    from: z.iso.date(),
    to: z.iso.date(),
    currency: z.string().regex(/^[A-Z]{3}$/),
    granularity: z.enum(["month", "quarter"]),
  })
  .refine((v) => v.from <= v.to, { path: ["to"], message: "to-before-from" });
type Values = z.infer<typeof formSchema>;

/** From / to / currency / granularity: the choice lives in the URL, so a view can be bookmarked and shared. */
export function OutcomesControls({ value }: { value: Values }) {
  const t = useTranslations("outcomes.controls");
  const router = useRouter();
  const pathname = usePathname();
  const hydrated = useHydrated();
  const [pending, startTransition] = useTransition();
  const form = useForm<Values>({ resolver: zodResolver(formSchema), defaultValues: value, mode: "onChange" });
  const currencies = REPORTING_CURRENCIES.includes(value.currency as (typeof REPORTING_CURRENCIES)[number])
    ? REPORTING_CURRENCIES
    : [value.currency, ...REPORTING_CURRENCIES];
  const submit = form.handleSubmit((v) => {
    const qs = new URLSearchParams(v).toString();
    startTransition(() => router.push(`${pathname}?${qs}`));
  });
  const err = (name: keyof Values) => (form.formState.errors[name] ? t(`errors.${name}`) : undefined);
  return (
    <form
      onSubmit={submit}
      className="grid gap-3 rounded-xl border bg-card p-4 shadow-xs sm:grid-cols-2 lg:grid-cols-[1fr_1fr_1fr_1fr_auto] lg:items-end"
      aria-label={t("label")}
    >
      <FormField label={t("from")} error={err("from")}>
        <Input type="date" disabled={!hydrated} {...form.register("from")} />
      </FormField>
      <FormField label={t("to")} error={err("to")}>
        <Input type="date" disabled={!hydrated} {...form.register("to")} />
      </FormField>
      <Controller
        control={form.control}
        name="currency"
        render={({ field }) => (
          <FormField label={t("currency")}>
            <SimpleSelect
              value={field.value}
              onValueChange={field.onChange}
              disabled={!hydrated}
              options={currencies.map((c) => ({ value: c, label: c }))}
            />
          </FormField>
        )}
      />
      <Controller
        control={form.control}
        name="granularity"
        render={({ field }) => (
          <FormField label={t("granularity")}>
            <SimpleSelect
              value={field.value}
              onValueChange={field.onChange}
              disabled={!hydrated}
              options={[
                { value: "month", label: t("month") },
                { value: "quarter", label: t("quarter") },
              ]}
            />
          </FormField>
        )}
      />
      <Button type="submit" disabled={!hydrated} loading={pending}>
        {t("apply")}
      </Button>
    </form>
  );
}
