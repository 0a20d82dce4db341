"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { Plus, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { Controller, useFieldArray, useForm, useWatch } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { useActionError } from "@/components/common/action-error";
import { SimpleSelect } from "@/components/common/simple-select";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import type { ActionResult } from "@/lib/actions/result";
import { type GrantInput, grantInputSchema } from "@/lib/deals/schema";
import { applyServerErrors, errorAt, useDealFieldError } from "./form-errors";
import type { LanguageOption, MediaOption, TerritoryOption } from "./options";
import { CheckboxField, LanguagePicker, MediaRightsPicker, TerritoryPicker } from "./pickers";

export type LicensableTitle = {
  id: string;
  originalTitle: string;
  titleEn: string | null;
  titleZh: string | null;
  versions: { id: string; name: string; kind: string }[];
};

type GrantFormValues = z.input<typeof grantInputSchema>;

const NO_VERSION = "__none__";
const DISPLAYED = [
  /^(titleId|versionId|territories|excludedTerritories|mediaRights|languages|start|end|exclusive|editsPermitted)$/,
  /^holdbacks\./,
];

const blank = (): GrantFormValues => ({
  titleId: "",
  versionId: null,
  territories: [],
  excludedTerritories: [],
  mediaRights: [],
  languages: [],
  start: "",
  end: "",
  exclusive: true,
  holdbacks: [],
  editsPermitted: false,
});

/**
 * "Add grant": a rights line of the deal. The titles offered are the licensor's that this
 * organisation may license (its own, or the licensor's listed titles); territories, media and
 * languages come from the reference lists.
 */
export function AddGrantDialog({
  dealId,
  version,
  titles,
  territories,
  media,
  languages,
  addAction,
}: {
  dealId: string;
  version: number;
  titles: LicensableTitle[];
  territories: TerritoryOption[];
  media: MediaOption[];
  languages: LanguageOption[];
  addAction: (dealId: string, version: number, input: GrantInput) => Promise<ActionResult<{ id: string }>>;
}) {
  const t = useTranslations("deals.grantForm");
  const tActions = useTranslations("common.actions");
  const locale = useLocale();
  const actionError = useActionError();
  const fieldError = useDealFieldError();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [formError, setFormError] = useState<string[] | null>(null);
  const form = useForm<GrantFormValues, unknown, GrantInput>({ resolver: zodResolver(grantInputSchema), defaultValues: blank() });
  const { errors, isSubmitting } = form.formState;
  const err = (path: string) => fieldError(path, errorAt(errors, path));
  const holdbacks = useFieldArray({ control: form.control, name: "holdbacks" });
  const titleId = useWatch({ control: form.control, name: "titleId" });
  const title = titles.find((x) => x.id === titleId);
  const titleLabel = (x: LicensableTitle) => {
    const local = (locale === "zh" ? x.titleZh : x.titleEn) ?? x.originalTitle;
    return local === x.originalTitle ? local : `${local} · ${x.originalTitle}`;
  };

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const result = await addAction(dealId, version, values).catch(() => null);
    if (!result) return setFormError([actionError(undefined)]);
    if (!result.ok) {
      if (result.reason === "STALE_UPDATE") {
        setFormError([t("stale")]);
        router.refresh();
        return;
      }
      const rest = applyServerErrors(form.setError, result.fieldErrors, DISPLAYED, (p) => p);
      setFormError(
        rest.length > 0 || !result.fieldErrors ? [result.reason === "DEAL_SETTLED" ? t("settled") : actionError(result), ...rest] : null,
      );
      return;
    }
    toast.success(t("added"));
    setOpen(false);
    router.refresh();
  });

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (next) {
          form.reset(blank());
          setFormError(null);
        }
        setOpen(next);
      }}
    >
      <DialogTrigger asChild>
        <Button size="sm">
          <Plus aria-hidden />
          {t("button")}
        </Button>
      </DialogTrigger>
      <DialogContent className="max-w-3xl">
        <form onSubmit={onSubmit} noValidate className="grid gap-5">
          <DialogHeader>
            <DialogTitle>{t("title")}</DialogTitle>
            <DialogDescription>{t("description")}</DialogDescription>
          </DialogHeader>

          {titles.length === 0 ? (
            <Alert variant="warning">
              <AlertDescription>{t("noTitles")}</AlertDescription>
            </Alert>
          ) : null}

          <div className="grid gap-4 sm:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
            <Controller
              control={form.control}
              name="titleId"
              render={({ field }) => (
                <FormField label={t("titleField")} error={err("titleId")}>
                  <SimpleSelect
                    ref={field.ref}
                    name={field.name}
                    value={field.value || undefined}
                    onValueChange={(v) => {
                      field.onChange(v);
                      form.setValue("versionId", null);
                    }}
                    onBlur={field.onBlur}
                    placeholder={t("titlePlaceholder")}
                    options={titles.map((x) => ({ value: x.id, label: titleLabel(x) }))}
                  />
                </FormField>
              )}
            />
            <Controller
              control={form.control}
              name="versionId"
              render={({ field }) => (
                <FormField label={t("version")} hint={t("optional")} error={err("versionId")}>
                  <SimpleSelect
                    ref={field.ref}
                    name={field.name}
                    value={field.value ?? NO_VERSION}
                    onValueChange={(v) => field.onChange(v === NO_VERSION ? null : v)}
                    onBlur={field.onBlur}
                    disabled={!title}
                    options={[
                      { value: NO_VERSION, label: t("anyVersion") },
                      ...(title?.versions ?? []).map((v) => ({ value: v.id, label: v.name })),
                    ]}
                  />
                </FormField>
              )}
            />
          </div>

          <div className="grid gap-4 sm:grid-cols-2">
            <Controller
              control={form.control}
              name="territories"
              render={({ field }) => (
                <FormField label={t("territories")} description={t("territoriesHint")} error={err("territories")}>
                  <TerritoryPicker
                    ref={field.ref}
                    territories={territories}
                    value={field.value}
                    onValueChange={field.onChange}
                    onBlur={field.onBlur}
                  />
                </FormField>
              )}
            />
            <Controller
              control={form.control}
              name="excludedTerritories"
              render={({ field }) => (
                <FormField label={t("excluded")} hint={t("optional")} description={t("excludedHint")} error={err("excludedTerritories")}>
                  <TerritoryPicker
                    ref={field.ref}
                    territories={territories}
                    value={field.value ?? []}
                    onValueChange={field.onChange}
                    onBlur={field.onBlur}
                    placeholder={t("excludedPlaceholder")}
                  />
                </FormField>
              )}
            />
            <Controller
              control={form.control}
              name="mediaRights"
              render={({ field }) => (
                <FormField label={t("media")} description={t("mediaHint")} error={err("mediaRights")}>
                  <MediaRightsPicker
                    ref={field.ref}
                    media={media}
                    value={field.value}
                    onValueChange={field.onChange}
                    onBlur={field.onBlur}
                  />
                </FormField>
              )}
            />
            <Controller
              control={form.control}
              name="languages"
              render={({ field }) => (
                <FormField label={t("languages")} hint={t("optional")} description={t("languagesHint")} error={err("languages")}>
                  <LanguagePicker
                    ref={field.ref}
                    languages={languages}
                    value={field.value ?? []}
                    onValueChange={field.onChange}
                    onBlur={field.onBlur}
                  />
                </FormField>
              )}
            />
            <FormField label={t("start")} error={err("start")}>
              <Input type="date" {...form.register("start")} />
            </FormField>
            <FormField label={t("end")} description={t("endHint")} error={err("end")}>
              <Input type="date" {...form.register("end")} />
            </FormField>
          </div>

          <div className="grid gap-3 sm:grid-cols-2">
            <Controller
              control={form.control}
              name="exclusive"
              render={({ field }) => (
                <CheckboxField
                  label={t("exclusive")}
                  description={t("exclusiveHint")}
                  checked={field.value}
                  onCheckedChange={field.onChange}
                />
              )}
            />
            <Controller
              control={form.control}
              name="editsPermitted"
              render={({ field }) => (
                <CheckboxField
                  label={t("edits")}
                  description={t("editsHint")}
                  checked={field.value ?? false}
                  onCheckedChange={field.onChange}
                />
              )}
            />
          </div>

          <fieldset className="grid gap-2 rounded-lg border p-3">
            <legend className="px-1 text-sm font-medium">{t("holdbacks.title")}</legend>
            <p className="text-xs text-muted-foreground">{t("holdbacks.description")}</p>
            {holdbacks.fields.map((h, i) => (
              <div key={h.id} className="grid gap-2 rounded-md bg-muted/40 p-2">
                <div className="grid items-start gap-2 sm:grid-cols-[minmax(0,1fr)_minmax(0,1fr)_10rem_auto]">
                  <Controller
                    control={form.control}
                    name={`holdbacks.${i}.mediaRights`}
                    render={({ field }) => (
                      <MediaRightsPicker
                        ref={field.ref}
                        media={media}
                        value={field.value ?? []}
                        onValueChange={field.onChange}
                        onBlur={field.onBlur}
                        aria-label={t("holdbacks.media", { n: i + 1 })}
                        aria-invalid={err(`holdbacks.${i}.mediaRights`) ? true : undefined}
                      />
                    )}
                  />
                  <Controller
                    control={form.control}
                    name={`holdbacks.${i}.territories`}
                    render={({ field }) => (
                      <TerritoryPicker
                        ref={field.ref}
                        territories={territories}
                        value={field.value ?? []}
                        onValueChange={field.onChange}
                        onBlur={field.onBlur}
                        aria-label={t("holdbacks.territories", { n: i + 1 })}
                        aria-invalid={err(`holdbacks.${i}.territories`) ? true : undefined}
                      />
                    )}
                  />
                  <Input
                    type="date"
                    aria-label={t("holdbacks.until", { n: i + 1 })}
                    aria-invalid={err(`holdbacks.${i}.until`) ? true : undefined}
                    {...form.register(`holdbacks.${i}.until`)}
                  />
                  <Button
                    type="button"
                    variant="ghost"
                    size="icon-sm"
                    onClick={() => holdbacks.remove(i)}
                    aria-label={t("holdbacks.remove", { n: i + 1 })}
                  >
                    <Trash2 aria-hidden />
                  </Button>
                </div>
                {[err(`holdbacks.${i}.mediaRights`), err(`holdbacks.${i}.territories`), err(`holdbacks.${i}.until`)].filter(Boolean)
                  .length > 0 ? (
                  <p className="text-xs font-medium text-destructive" role="alert">
                    {[err(`holdbacks.${i}.mediaRights`), err(`holdbacks.${i}.territories`), err(`holdbacks.${i}.until`)]
                      .filter(Boolean)
                      .join(" ")}
                  </p>
                ) : null}
              </div>
            ))}
            <div>
              <Button
                type="button"
                variant="outline"
                size="sm"
                onClick={() => holdbacks.append({ mediaRights: [], territories: [], until: "" })}
              >
                <Plus aria-hidden />
                {t("holdbacks.add")}
              </Button>
            </div>
          </fieldset>

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
      </DialogContent>
    </Dialog>
  );
}
