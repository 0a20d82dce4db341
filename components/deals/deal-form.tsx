"use client";

import { ArrowDownLeft, ArrowUpRight, FilePlus2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Controller, FormProvider, useForm, useWatch } from "react-hook-form";
import { fieldsMatching } from "@/components/forms/field-errors";
import { FormAlert } from "@/components/forms/form-alert";
import { SelectField } from "@/components/forms/select-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { useFieldError } from "@/components/forms/use-field-error";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { RadioCard, RadioGroup } from "@/components/ui/radio-group";
import type { ActionResult } from "@/lib/actions/result";
import { type CreateDealData, createDealSchema } from "@/lib/deals/schema";
import { payloadResolver } from "./payload-resolver";
import { type CurrencyOption, TermsFields } from "./terms-fields";
import { dealFieldRules, emptyTerms, formPath, type TermsFormValues, toTermsPayload } from "./terms-form";

export type CounterpartyOption = { id: string; name: string; kind: "STUDIO" | "PARTNER"; countryName: string };

type DealFormValues = {
  direction: "OUT" | "IN";
  counterpartyId: string;
  name: string;
  currency: string;
  terms: TermsFormValues;
};

function toPayload(v: DealFormValues) {
  return {
    name: v.name.trim() === "" ? undefined : v.name.trim(),
    ...(v.direction === "OUT" ? { licenseeId: v.counterpartyId || undefined } : { licensorId: v.counterpartyId || undefined }),
    currency: v.currency,
    terms: toTermsPayload(v.terms, v.currency),
  };
}

const DISPLAYED = [/^(counterpartyId|name|currency)$/, /^terms\./];

export type DealFormProps = {
  organizationName: string;
  counterparties: CounterpartyOption[];
  currencies: CurrencyOption[];
  defaultCurrency: string;
  defaultDirection: "OUT" | "IN";
  /** Prefilled from a title page's "Propose a deal": the title's studio and a name after the title. */
  defaultCounterpartyId?: string;
  defaultName?: string;
  createAction: (input: CreateDealData) => Promise<ActionResult<{ id: string }>>;
};

/** "New deal": the parties, the currency and the financial terms; grants are added on the deal page. */
export function DealForm({
  organizationName,
  counterparties,
  currencies,
  defaultCurrency,
  defaultDirection,
  defaultCounterpartyId,
  defaultName,
  createAction,
}: DealFormProps) {
  const t = useTranslations("deals.new");
  const tKind = useTranslations("orgKind");
  const fieldError = useFieldError("deals.validation", dealFieldRules);
  const router = useRouter();
  const form = useForm<DealFormValues, unknown, CreateDealData>({
    resolver: payloadResolver(createDealSchema, toPayload, { licenseeId: "counterpartyId", licensorId: "counterpartyId" }),
    defaultValues: {
      direction: defaultDirection,
      counterpartyId: defaultCounterpartyId ?? "",
      name: defaultName ?? "",
      currency: defaultCurrency,
      terms: emptyTerms(),
    },
  });
  const { errors, isSubmitting } = form.formState;
  const err = (path: string) => fieldError.at(errors, path);
  const action = useActionForm({ fields: { form, at: fieldsMatching(DISPLAYED, formPath) } });
  const [direction, counterpartyId] = useWatch({ control: form.control, name: ["direction", "counterpartyId"] });
  const other = counterparties.find((c) => c.id === counterpartyId);

  const onSubmit = form.handleSubmit((payload) =>
    action.submit(() => createAction(payload), {
      success: t("created"),
      onSuccess: (data) => router.push(`/deals/${data.id}`),
      refresh: false,
    }),
  );

  return (
    <FormProvider {...form}>
      <form onSubmit={onSubmit} noValidate className="grid gap-6">
        <Card>
          <CardHeader>
            <CardTitle>{t("parties.title")}</CardTitle>
            <CardDescription>{t("parties.description")}</CardDescription>
          </CardHeader>
          <CardContent className="grid gap-5">
            <Controller
              control={form.control}
              name="direction"
              render={({ field }) => (
                <FormField label={t("parties.direction")}>
                  <RadioGroup value={field.value} onValueChange={field.onChange} className="grid gap-3 sm:grid-cols-2">
                    <RadioCard
                      value="OUT"
                      icon={<ArrowUpRight />}
                      title={t("parties.out")}
                      description={t("parties.outDescription", { organization: organizationName })}
                    />
                    <RadioCard
                      value="IN"
                      icon={<ArrowDownLeft />}
                      title={t("parties.in")}
                      description={t("parties.inDescription", { organization: organizationName })}
                    />
                  </RadioGroup>
                </FormField>
              )}
            />
            <SelectField
              control={form.control}
              name="counterpartyId"
              label={direction === "OUT" ? t("parties.licensee") : t("parties.licensor")}
              description={direction === "OUT" ? t("parties.licenseeHint") : t("parties.licensorHint")}
              error={err("counterpartyId")}
              className="max-w-xl"
              placeholder={t("parties.choose")}
              options={counterparties.map((c) => ({ value: c.id, label: `${c.name} · ${tKind(c.kind)} · ${c.countryName}` }))}
            />
            <div className="grid gap-4 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
              <FormField label={t("name")} hint={t("optional")} description={t("nameHint")} error={err("name")}>
                <Input
                  autoComplete="off"
                  placeholder={other ? `${organizationName} × ${other.name}` : t("namePlaceholder")}
                  {...form.register("name")}
                />
              </FormField>
              <SelectField
                control={form.control}
                name="currency"
                label={t("currency")}
                description={t("currencyHint")}
                error={err("currency")}
                options={currencies.map((c) => ({ value: c.code, label: `${c.code} · ${c.name}` }))}
              />
            </div>
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>{t("termsTitle")}</CardTitle>
            <CardDescription>{t("termsDescription")}</CardDescription>
          </CardHeader>
          <CardContent>
            <TermsFields currencies={currencies} />
          </CardContent>
          <CardFooter className="flex-col items-stretch gap-3 sm:flex-row sm:items-center sm:justify-between">
            <p className="text-xs text-muted-foreground">{t("nextStep")}</p>
            <Button type="submit" loading={isSubmitting}>
              {isSubmitting ? null : <FilePlus2 aria-hidden />}
              {t("submit")}
            </Button>
          </CardFooter>
        </Card>
        <FormAlert messages={action.formError} />
      </form>
    </FormProvider>
  );
}
