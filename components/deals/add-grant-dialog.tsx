"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { Plus } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { Controller, useFieldArray, useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { fieldsMatching } from "@/components/forms/field-errors";
import { RowError } from "@/components/forms/form-alert";
import { FormDialog, useFormDialog } from "@/components/forms/form-dialog";
import { AddRowButton, RemoveRowButton } from "@/components/forms/row-buttons";
import { ListField, SelectField } from "@/components/forms/select-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { useFieldError } from "@/components/forms/use-field-error";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import type { ActionResult } from "@/lib/actions/result";
import { type GrantInput, grantInputSchema } from "@/lib/deals/schema";
import type { LanguageOption, MediaOption, TerritoryOption } from "./options";
import { CheckboxField, LanguagePicker, MediaRightsPicker, TerritoryPicker } from "./pickers";
import { dealFieldRules } from "./terms-form";

export type LicensableTitle = {
  id: string;
  originalTitle: string;
  titleEn: string | null;
  titleZh: string | null;
  versions: { id: string; name: string; kind: string }[];
  /** The season numbers of a series (empty for other titles). */
  seasons: { number: number }[];
};

type GrantFormValues = z.input<typeof grantInputSchema>;

const NO_VERSION = "__none__";
const DISPLAYED = [
  /^(titleId|versionId|territories|excludedTerritories|mediaRights|languages|start|end|exclusive|editsPermitted|seasons)$/,
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
  seasons: [],
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
  const locale = useLocale();
  const fieldError = useFieldError("deals.validation", dealFieldRules);
  const form = useForm<GrantFormValues, unknown, GrantInput>({ resolver: zodResolver(grantInputSchema), defaultValues: blank() });
  const action = useActionForm({
    fields: { form, at: fieldsMatching(DISPLAYED) },
    reasons: { STALE_UPDATE: t("stale"), DEAL_SETTLED: t("settled") },
    refreshOn: ["STALE_UPDATE"],
  });
  const dialog = useFormDialog(action, () => form.reset(blank()));
  const { errors } = form.formState;
  const err = (path: string) => fieldError.at(errors, path);
  const holdbacks = useFieldArray({ control: form.control, name: "holdbacks" });
  const titleId = useWatch({ control: form.control, name: "titleId" });
  const title = titles.find((x) => x.id === titleId);
  const titleLabel = (x: LicensableTitle) => {
    const local = (locale === "zh" ? x.titleZh : x.titleEn) ?? x.originalTitle;
    return local === x.originalTitle ? local : `${local} · ${x.originalTitle}`;
  };

  const onSubmit = form.handleSubmit((values) =>
    action.submit(() => addAction(dealId, version, values), { success: t("added"), onSuccess: dialog.close }),
  );

  return (
    <FormDialog
      trigger={
        <Button size="sm">
          <Plus aria-hidden />
          {t("button")}
        </Button>
      }
      {...dialog.props}
      title={t("title")}
      description={t("description")}
      className="max-w-3xl"
      formClassName="gap-5"
      onSubmit={onSubmit}
      submitLabel={t("submit")}
    >
      {titles.length === 0 ? (
        <Alert variant="warning">
          <AlertDescription>{t("noTitles")}</AlertDescription>
        </Alert>
      ) : null}

      <div className="grid gap-4 sm:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <SelectField
          control={form.control}
          name="titleId"
          label={t("titleField")}
          error={err("titleId")}
          placeholder={t("titlePlaceholder")}
          options={titles.map((x) => ({ value: x.id, label: titleLabel(x) }))}
          onChosen={() => {
            form.setValue("versionId", null);
            form.setValue("seasons", []);
          }}
        />
        <SelectField
          control={form.control}
          name="versionId"
          label={t("version")}
          hint={t("optional")}
          error={err("versionId")}
          disabled={!title}
          nullOption={NO_VERSION}
          options={[{ value: NO_VERSION, label: t("anyVersion") }, ...(title?.versions ?? []).map((v) => ({ value: v.id, label: v.name }))]}
        />
      </div>

      {title && title.seasons.length > 0 ? (
        <Controller
          control={form.control}
          name="seasons"
          render={({ field }) => {
            const chosen = new Set(field.value ?? []);
            return (
              <fieldset className="grid gap-2 rounded-lg border p-3" aria-invalid={err("seasons") ? true : undefined}>
                <legend className="px-1 text-sm font-medium">{t("seasons")}</legend>
                <p className="text-xs text-muted-foreground">{t("seasonsHint")}</p>
                <div className="flex flex-wrap gap-4">
                  {title.seasons.map(({ number }) => (
                    <CheckboxField
                      key={number}
                      name="seasons"
                      label={t("seasonN", { number })}
                      checked={chosen.has(number)}
                      onCheckedChange={(on) => {
                        const next = new Set(chosen);
                        if (on) next.add(number);
                        else next.delete(number);
                        field.onChange([...next].sort((a, b) => a - b));
                      }}
                    />
                  ))}
                </div>
                <RowError messages={[err("seasons")]} />
              </fieldset>
            );
          }}
        />
      ) : null}

      <div className="grid gap-4 sm:grid-cols-2">
        <ListField
          control={form.control}
          name="territories"
          label={t("territories")}
          description={t("territoriesHint")}
          error={err("territories")}
        >
          {(list) => <TerritoryPicker {...list} territories={territories} />}
        </ListField>
        <ListField
          control={form.control}
          name="excludedTerritories"
          label={t("excluded")}
          hint={t("optional")}
          description={t("excludedHint")}
          error={err("excludedTerritories")}
        >
          {(list) => <TerritoryPicker {...list} territories={territories} placeholder={t("excludedPlaceholder")} />}
        </ListField>
        <ListField control={form.control} name="mediaRights" label={t("media")} description={t("mediaHint")} error={err("mediaRights")}>
          {(list) => <MediaRightsPicker {...list} media={media} />}
        </ListField>
        <ListField
          control={form.control}
          name="languages"
          label={t("languages")}
          hint={t("optional")}
          description={t("languagesHint")}
          error={err("languages")}
        >
          {(list) => <LanguagePicker {...list} languages={languages} />}
        </ListField>
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
            <CheckboxField label={t("exclusive")} description={t("exclusiveHint")} checked={field.value} onCheckedChange={field.onChange} />
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
              <RemoveRowButton label={t("holdbacks.remove", { n: i + 1 })} size="icon-sm" onClick={() => holdbacks.remove(i)} />
            </div>
            <RowError messages={[err(`holdbacks.${i}.mediaRights`), err(`holdbacks.${i}.territories`), err(`holdbacks.${i}.until`)]} />
          </div>
        ))}
        <div>
          <AddRowButton onClick={() => holdbacks.append({ mediaRights: [], territories: [], until: "" })}>
            {t("holdbacks.add")}
          </AddRowButton>
        </div>
      </fieldset>
    </FormDialog>
  );
}
