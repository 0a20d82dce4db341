"use client";

import { useTranslations } from "next-intl";
import type * as React from "react";
import { Controller, useFieldArray, useFormContext, useWatch } from "react-hook-form";
import { RowError } from "@/components/forms/form-alert";
import { GroupedInput } from "@/components/forms/grouped-input";
import { AddRowButton, RemoveRowButton } from "@/components/forms/row-buttons";
import { SimpleSelect } from "@/components/forms/select-field";
import { useFieldError } from "@/components/forms/use-field-error";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { INSTALMENT_TRIGGERS, REPORTING_FREQUENCIES } from "@/lib/deals/schema";
import { useFormat } from "@/lib/i18n/use-format";
import { formatAmount, parseAmount } from "@/lib/money/money";
import { cn } from "@/lib/utils";
import { cleanAmount, dealFieldRules, type TermsFormValues } from "./terms-form";

export type TermsHost = { currency: string; terms: TermsFormValues };
export type CurrencyOption = { code: string; name: string; minorUnits: number };

/** A text input for an amount with the currency shown beside it; thousands group as you type (cleanAmount strips them). */
function AmountInput({ currency, className, ...props }: React.ComponentProps<"input"> & { currency: string }) {
  return (
    <div className={cn("relative", className)}>
      <GroupedInput className="pr-14 tabular-nums" {...props} />
      <span className="pointer-events-none absolute inset-y-0 right-3 flex items-center font-mono text-xs text-muted-foreground">
        {currency}
      </span>
    </div>
  );
}

function PercentInput({ className, ...props }: React.ComponentProps<"input">) {
  return (
    <div className={cn("relative", className)}>
      <Input inputMode="decimal" autoComplete="off" className="pr-8 tabular-nums" {...props} />
      <span className="pointer-events-none absolute inset-y-0 right-3 flex items-center text-xs text-muted-foreground">%</span>
    </div>
  );
}

function Section({ title, description, children }: { title: string; description?: string; children: React.ReactNode }) {
  return (
    <fieldset className="grid gap-4 border-t pt-5 first:border-t-0 first:pt-0">
      <legend className="contents">
        <span className="block text-sm font-semibold">{title}</span>
      </legend>
      {description ? <p className="-mt-3 text-xs text-muted-foreground">{description}</p> : null}
      {children}
    </fieldset>
  );
}

/**
 * The financial terms of PRODUCT.md §4, shared by "New deal" and "Edit terms": MG and its
 * instalments, distribution fee, expense cap, licensor share tiers, creators' pool.
 */
export function TermsFields({ currencies }: { currencies: CurrencyOption[] }) {
  const t = useTranslations("deals.terms");
  const tTrigger = useTranslations("deals.trigger");
  const fieldError = useFieldError("deals.validation", dealFieldRules);
  const format = useFormat();
  const { control, register, formState } = useFormContext<TermsHost>();
  const errors = formState.errors;
  const err = (path: string) => fieldError.at(errors, path);
  const currency = useWatch({ control, name: "currency" });
  const exponent = currencies.find((c) => c.code === currency)?.minorUnits ?? 2;

  const instalments = useFieldArray({ control, name: "terms.instalments" });
  const tiers = useFieldArray({ control, name: "terms.shareTiers" });
  const participants = useFieldArray({ control, name: "terms.participants" });
  const watched = useWatch({ control, name: "terms" });

  // Exact sums in minor units (never floats), for the "adds up to the MG" hint.
  const mgMinor = parseAmount(cleanAmount(watched?.minimumGuarantee?.amount ?? ""), exponent);
  const instalmentMinor = (watched?.instalments ?? []).map((i) => parseAmount(cleanAmount(i.amount?.amount ?? ""), exponent));
  const sum = instalmentMinor.every((m) => m !== null) ? instalmentMinor.reduce((a, m) => a + (m ?? 0n), 0n) : null;
  const money = (minor: bigint) => format.money({ amount: formatAmount(minor, exponent), currency });
  const tierCount = watched?.shareTiers?.length ?? 0;

  return (
    <div className="grid gap-6">
      <Section title={t("mg.title")} description={t("mg.description")}>
        <FormField label={t("mg.amount")} hint={t("optional")} error={err("terms.minimumGuarantee.amount")} className="max-w-sm">
          <AmountInput currency={currency} placeholder="1000000.00" {...register("terms.minimumGuarantee.amount")} />
        </FormField>
        <div className="grid gap-2">
          <div className="flex items-center justify-between gap-2">
            <span className="text-sm font-medium">{t("instalments.title")}</span>
            {instalments.fields.length > 0 && mgMinor !== null && sum !== null ? (
              <span className={cn("text-xs tabular-nums", sum === mgMinor ? "text-success" : "text-warning-foreground")}>
                {t("instalments.total", { total: money(sum), mg: money(mgMinor) })}
              </span>
            ) : null}
          </div>
          {instalments.fields.length === 0 ? <p className="text-xs text-muted-foreground">{t("instalments.none")}</p> : null}
          <ol className="grid gap-2">
            {instalments.fields.map((field, i) => (
              <li key={field.id} className="grid gap-1">
                <div className="grid grid-cols-[minmax(0,1.4fr)_minmax(0,1fr)_minmax(0,1fr)_auto] items-center gap-2">
                  <AmountInput
                    currency={currency}
                    aria-label={t("instalments.amount", { n: i + 1 })}
                    aria-invalid={err(`terms.instalments.${i}.amount.amount`) ? true : undefined}
                    {...register(`terms.instalments.${i}.amount.amount`)}
                  />
                  <Input
                    type="date"
                    aria-label={t("instalments.dueDate", { n: i + 1 })}
                    aria-invalid={err(`terms.instalments.${i}.dueDate`) ? true : undefined}
                    {...register(`terms.instalments.${i}.dueDate`)}
                  />
                  <Controller
                    control={control}
                    name={`terms.instalments.${i}.trigger`}
                    render={({ field: f }) => (
                      <SimpleSelect
                        ref={f.ref}
                        name={f.name}
                        value={f.value}
                        onValueChange={f.onChange}
                        onBlur={f.onBlur}
                        aria-label={t("instalments.trigger", { n: i + 1 })}
                        options={INSTALMENT_TRIGGERS.map((tr) => ({ value: tr, label: tTrigger(tr) }))}
                      />
                    )}
                  />
                  <RemoveRowButton label={t("instalments.remove", { n: i + 1 })} size="icon-sm" onClick={() => instalments.remove(i)} />
                </div>
                <RowError
                  messages={[
                    err(`terms.instalments.${i}.amount.amount`),
                    err(`terms.instalments.${i}.dueDate`),
                    err(`terms.instalments.${i}.trigger`),
                  ]}
                />
              </li>
            ))}
          </ol>
          <RowError messages={[err("terms.instalments.root")]} />
          <div>
            <AddRowButton onClick={() => instalments.append({ amount: { amount: "" }, dueDate: "", trigger: "SIGNATURE" })}>
              {t("instalments.add")}
            </AddRowButton>
          </div>
        </div>
      </Section>

      <Section title={t("distribution.title")} description={t("distribution.description")}>
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField
            label={t("distribution.fee")}
            hint={t("optional")}
            description={t("distribution.feeHint")}
            error={err("terms.distributionFeePct")}
          >
            <PercentInput placeholder="25" {...register("terms.distributionFeePct")} />
          </FormField>
          <FormField
            label={t("distribution.expenseCap")}
            hint={t("optional")}
            description={t("distribution.expenseCapHint")}
            error={err("terms.expenseCap.amount")}
          >
            <AmountInput currency={currency} placeholder="150000.00" {...register("terms.expenseCap.amount")} />
          </FormField>
        </div>
        <div className="grid gap-2">
          <span className="text-sm font-medium">{t("tiers.title")}</span>
          <p className="text-xs text-muted-foreground">{t("tiers.description")}</p>
          <ol className="grid gap-2">
            {tiers.fields.map((field, i) => {
              const last = i === tierCount - 1;
              return (
                <li key={field.id} className="grid gap-1">
                  <div className="grid grid-cols-[minmax(0,1.4fr)_minmax(0,1fr)_auto] items-center gap-2">
                    {last ? (
                      <span className="flex h-9 items-center rounded-md border border-dashed px-3 text-sm text-muted-foreground">
                        {i === 0 ? t("tiers.all") : t("tiers.above")}
                      </span>
                    ) : (
                      <AmountInput
                        currency={currency}
                        placeholder="1000000.00"
                        aria-label={t("tiers.upTo", { n: i + 1 })}
                        aria-invalid={err(`terms.shareTiers.${i}.upTo`) ? true : undefined}
                        {...register(`terms.shareTiers.${i}.upTo`)}
                      />
                    )}
                    <PercentInput
                      placeholder="50"
                      aria-label={t("tiers.pct", { n: i + 1 })}
                      aria-invalid={err(`terms.shareTiers.${i}.pct`) ? true : undefined}
                      {...register(`terms.shareTiers.${i}.pct`)}
                    />
                    <RemoveRowButton label={t("tiers.remove", { n: i + 1 })} size="icon-sm" onClick={() => tiers.remove(i)} />
                  </div>
                  <RowError messages={[err(`terms.shareTiers.${i}.upTo`), err(`terms.shareTiers.${i}.pct`)]} />
                </li>
              );
            })}
          </ol>
          <RowError messages={[err("terms.shareTiers.root")]} />
          <div>
            <AddRowButton onClick={() => tiers.append({ upTo: "", pct: "" })}>{t("tiers.add")}</AddRowButton>
          </div>
        </div>
      </Section>

      <Section title={t("creators.title")} description={t("creators.description")}>
        <FormField label={t("creators.pct")} hint={t("optional")} error={err("terms.creatorParticipationPct")} className="max-w-sm">
          <PercentInput placeholder="5" {...register("terms.creatorParticipationPct")} />
        </FormField>
        <div className="grid gap-2">
          <span className="text-sm font-medium">{t("creators.participants")}</span>
          {participants.fields.length === 0 ? <p className="text-xs text-muted-foreground">{t("creators.none")}</p> : null}
          <ol className="grid gap-2">
            {participants.fields.map((field, i) => (
              <li key={field.id} className="grid gap-1">
                <div className="grid grid-cols-[minmax(0,1.3fr)_minmax(0,1.3fr)_minmax(0,0.7fr)_auto] items-center gap-2">
                  <Input
                    placeholder={t("creators.namePlaceholder")}
                    aria-label={t("creators.name", { n: i + 1 })}
                    aria-invalid={err(`terms.participants.${i}.name`) ? true : undefined}
                    {...register(`terms.participants.${i}.name`)}
                  />
                  <Input
                    placeholder={t("creators.rolePlaceholder")}
                    aria-label={t("creators.role", { n: i + 1 })}
                    aria-invalid={err(`terms.participants.${i}.role`) ? true : undefined}
                    {...register(`terms.participants.${i}.role`)}
                  />
                  <Input
                    inputMode="decimal"
                    placeholder="50"
                    aria-label={t("creators.share", { n: i + 1 })}
                    aria-invalid={err(`terms.participants.${i}.share`) ? true : undefined}
                    {...register(`terms.participants.${i}.share`)}
                  />
                  <RemoveRowButton label={t("creators.remove", { n: i + 1 })} size="icon-sm" onClick={() => participants.remove(i)} />
                </div>
                <RowError
                  messages={[
                    err(`terms.participants.${i}.name`),
                    err(`terms.participants.${i}.role`),
                    err(`terms.participants.${i}.share`),
                  ]}
                />
              </li>
            ))}
          </ol>
          <RowError messages={[err("terms.participants.root")]} />
          <div>
            <AddRowButton onClick={() => participants.append({ name: "", role: "", share: "" })}>{t("creators.add")}</AddRowButton>
          </div>
          <p className="text-xs text-muted-foreground">{t("creators.shareHint")}</p>
        </div>
      </Section>

      <Section title={t("reporting.title")} description={t("reporting.description")}>
        <div className="grid gap-4 sm:grid-cols-3">
          <FormField label={t("reporting.frequency")} error={err("terms.reportingFrequency")}>
            <Controller
              control={control}
              name="terms.reportingFrequency"
              render={({ field: f }) => (
                <SimpleSelect
                  ref={f.ref}
                  name={f.name}
                  value={f.value}
                  onValueChange={f.onChange}
                  onBlur={f.onBlur}
                  aria-label={t("reporting.frequency")}
                  options={REPORTING_FREQUENCIES.map((fr) => ({ value: fr, label: t(`reporting.frequencies.${fr}`) }))}
                />
              )}
            />
          </FormField>
          <FormField label={t("reporting.dueDays")} hint={t("reporting.dueDaysHint")} error={err("terms.reportingDueDays")}>
            <Input inputMode="numeric" autoComplete="off" className="tabular-nums" {...register("terms.reportingDueDays")} />
          </FormField>
          <FormField label={t("reporting.paymentDays")} hint={t("reporting.paymentDaysHint")} error={err("terms.paymentDueDays")}>
            <Input inputMode="numeric" autoComplete="off" className="tabular-nums" {...register("terms.paymentDueDays")} />
          </FormField>
        </div>
      </Section>
    </div>
  );
}
