"use client";

import { Pencil } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { Controller, FormProvider, useForm } from "react-hook-form";
import { toast } from "sonner";
import { useActionError } from "@/components/common/action-error";
import { SimpleSelect } from "@/components/common/simple-select";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import type { ActionResult } from "@/lib/actions/result";
import { type UpdateDealData, updateDealSchema } from "@/lib/deals/schema";
import { applyServerErrors, errorAt, payloadResolver, useDealFieldError } from "./form-errors";
import { type CurrencyOption, TermsFields } from "./terms-fields";
import { type PresentedTerms, type TermsFormValues, termsFormFromDeal, toTermsPayload } from "./terms-form";

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
  const tActions = useTranslations("common.actions");
  const actionError = useActionError();
  const fieldError = useDealFieldError();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [formError, setFormError] = useState<string[] | null>(null);
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
  const { errors, isSubmitting } = form.formState;
  const err = (path: string) => fieldError(path, errorAt(errors, path));

  const onSubmit = form.handleSubmit(async (payload) => {
    setFormError(null);
    const result = await updateAction(dealId, payload).catch(() => null);
    if (!result) return setFormError([actionError(undefined)]);
    if (!result.ok) {
      if (result.reason === "STALE_UPDATE") {
        // Someone else saved first: show theirs rather than overwrite it.
        setFormError([t("stale")]);
        router.refresh();
        return;
      }
      const rest = applyServerErrors(form.setError, result.fieldErrors, DISPLAYED);
      setFormError(
        rest.length > 0 || !result.fieldErrors ? [result.reason === "DEAL_SETTLED" ? t("settled") : actionError(result), ...rest] : null,
      );
      return;
    }
    toast.success(t("saved"));
    setOpen(false);
    router.refresh();
  });

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (next) {
          form.reset(initial());
          setFormError(null);
        }
        setOpen(next);
      }}
    >
      <DialogTrigger asChild>
        <Button variant="outline" size="sm">
          <Pencil aria-hidden />
          {t("button")}
        </Button>
      </DialogTrigger>
      <DialogContent className="max-w-3xl">
        <FormProvider {...form}>
          <form onSubmit={onSubmit} noValidate className="grid gap-5">
            <DialogHeader>
              <DialogTitle>{t("title")}</DialogTitle>
              <DialogDescription>{proposed ? t("descriptionProposed") : t("description")}</DialogDescription>
            </DialogHeader>
            <div className="grid gap-4 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
              <FormField label={t("name")} error={err("name")}>
                <Input autoComplete="off" {...form.register("name")} />
              </FormField>
              <Controller
                control={form.control}
                name="currency"
                render={({ field }) => (
                  <FormField label={t("currency")} error={err("currency")}>
                    <SimpleSelect
                      ref={field.ref}
                      name={field.name}
                      value={field.value}
                      onValueChange={field.onChange}
                      onBlur={field.onBlur}
                      options={currencies.map((c) => ({ value: c.code, label: `${c.code} · ${c.name}` }))}
                    />
                  </FormField>
                )}
              />
            </div>
            <TermsFields currencies={currencies} />
            {formError ? (
              <Alert variant="destructive">
                <AlertDescription>
                  {formError.map((m) => (
                    <p key={m}>{m}</p>
                  ))}
                </AlertDescription>
              </Alert>
            ) : null}
            <DialogFooter>
              <Button type="button" variant="outline" onClick={() => setOpen(false)}>
                {tActions("cancel")}
              </Button>
              <Button type="submit" loading={isSubmitting}>
                {t("submit")}
              </Button>
            </DialogFooter>
          </form>
        </FormProvider>
      </DialogContent>
    </Dialog>
  );
}
