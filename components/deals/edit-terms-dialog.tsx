"use client";

import { Pencil } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRef } from "react";
import { FormProvider, useForm } from "react-hook-form";
import { fieldsMatching } from "@/components/forms/field-errors";
import { FormDialog, useFormDialog } from "@/components/forms/form-dialog";
import { SelectField } from "@/components/forms/select-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { useFieldError } from "@/components/forms/use-field-error";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import type { ActionResult } from "@/lib/actions/result";
import { type UpdateDealData, updateDealSchema } from "@/lib/deals/schema";
import { payloadResolver } from "./payload-resolver";
import { type CurrencyOption, TermsFields } from "./terms-fields";
import { dealFieldRules, formPath, type PresentedTerms, type TermsFormValues, termsFormFromDeal, toTermsPayload } from "./terms-form";

type EditValues = { name: string; currency: string; terms: TermsFormValues };

const DISPLAYED = [/^(name|currency)$/, /^terms\./];

/**
 * Changes the name, currency and terms of a draft or proposed deal. It sends the version the page
 * was loaded with: if someone changed the deal meanwhile, the server refuses (409) and the page
 * reloads with their change, so nobody overwrites what they have not seen.
 */
export function EditTermsDialog({
  dealId,
  version,
  name,
  currency,
  terms,
  proposed,
  currencies,
  updateAction,
}: {
  dealId: string;
  version: number;
  name: string;
  currency: string;
  terms: PresentedTerms;
  /** After a proposal, a change voids signatures and goes back to the other party. */
  proposed: boolean;
  currencies: CurrencyOption[];
  updateAction: (dealId: string, input: UpdateDealData) => Promise<ActionResult<{ id: string }>>;
}) {
  const t = useTranslations("deals.editTerms");
  const fieldError = useFieldError("deals.validation", dealFieldRules);
  // The resolver is created once; the version it sends follows the page (a refresh after a 409).
  const versionRef = useRef(version);
  versionRef.current = version;
  const initial = (): EditValues => ({ name, currency, terms: termsFormFromDeal(terms) });
  const form = useForm<EditValues, unknown, UpdateDealData>({
    resolver: payloadResolver(updateDealSchema, (v: EditValues) => ({
      version: versionRef.current,
      name: v.name.trim() === "" ? undefined : v.name.trim(),
      currency: v.currency,
      terms: toTermsPayload(v.terms, v.currency),
    })),
    defaultValues: initial(),
  });
  const action = useActionForm({
    fields: { form, at: fieldsMatching(DISPLAYED, formPath) },
    // Someone else saved first: show theirs rather than overwrite it.
    reasons: { STALE_UPDATE: t("stale"), DEAL_SETTLED: t("settled") },
    refreshOn: ["STALE_UPDATE"],
  });
  const dialog = useFormDialog(action, () => form.reset(initial()));
  const err = (path: string) => fieldError.at(form.formState.errors, path);

  const onSubmit = form.handleSubmit((payload) =>
    action.submit(() => updateAction(dealId, payload), { success: t("saved"), onSuccess: dialog.close }),
  );

  return (
    <FormProvider {...form}>
      <FormDialog
        trigger={
          <Button variant="outline" size="sm">
            <Pencil aria-hidden />
            {t("button")}
          </Button>
        }
        {...dialog.props}
        title={t("title")}
        description={proposed ? t("descriptionProposed") : t("description")}
        className="max-w-3xl"
        formClassName="gap-5"
        onSubmit={onSubmit}
        submitLabel={t("submit")}
      >
        <div className="grid gap-4 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
          <FormField label={t("name")} error={err("name")}>
            <Input autoComplete="off" {...form.register("name")} />
          </FormField>
          <SelectField
            control={form.control}
            name="currency"
            label={t("currency")}
            error={err("currency")}
            options={currencies.map((c) => ({ value: c.code, label: `${c.code} · ${c.name}` }))}
          />
        </div>
        <TermsFields currencies={currencies} />
      </FormDialog>
    </FormProvider>
  );
}
