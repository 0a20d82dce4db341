"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { Plus, Save, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { Controller, useFieldArray, useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { fieldsMatching } from "@/components/forms/field-errors";
import { FormAlert } from "@/components/forms/form-alert";
import { ListField } from "@/components/forms/select-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { useFieldError } from "@/components/forms/use-field-error";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import type { ActionResult } from "@/lib/actions/result";
import { type RightsHeldInput, rightsHeldSchema } from "@/lib/deals/schema";
import type { MediaOption, TerritoryOption } from "./options";
import { CheckboxField, MediaRightsPicker, TerritoryPicker } from "./pickers";
import { dealFieldRules } from "./terms-form";

type Values = z.input<typeof rightsHeldSchema>;
type Item = Values["items"][number];

const DISPLAYED = [/^items\.\d+\.(territories|excludedTerritories|mediaRights|start|end|exclusive)$/];

/**
 * The chain of title of one title: the scopes the studio holds (territories with exclusions,
 * media, window, exclusivity). Saving replaces the whole list, as PUT /titles/{id}/rights-held
 * does; an empty list means the default (worldwide, all media, perpetual, exclusive).
 */
export function RightsHeldEditor({
  titleId,
  items,
  territories,
  media,
  today,
  saveAction,
}: {
  titleId: string;
  items: Item[];
  territories: TerritoryOption[];
  media: MediaOption[];
  today: string;
  saveAction: (titleId: string, input: RightsHeldInput) => Promise<ActionResult>;
}) {
  const t = useTranslations("deals.rightsHeld");
  const fieldError = useFieldError("deals.validation", dealFieldRules);
  const form = useForm<Values, unknown, RightsHeldInput>({ resolver: zodResolver(rightsHeldSchema), defaultValues: { items } });
  const { errors, isSubmitting, isDirty } = form.formState;
  const err = (path: string) => fieldError.at(errors, path);
  const action = useActionForm({ fields: { form, at: fieldsMatching(DISPLAYED) } });
  const scopes = useFieldArray({ control: form.control, name: "items" });
  const watched = useWatch({ control: form.control, name: "items" });

  const onSubmit = form.handleSubmit((values) =>
    action.submit(() => saveAction(titleId, values), {
      success: values.items.length === 0 ? t("savedDefault") : t("saved"),
      onSuccess: () => form.reset(values),
    }),
  );

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4">
      {scopes.fields.length === 0 ? (
        <Alert variant="info">
          <AlertDescription className="text-accent-foreground">{t("defaultEditable")}</AlertDescription>
        </Alert>
      ) : null}
      {scopes.fields.map((field, i) => {
        const perpetual = watched?.[i]?.end === null;
        return (
          <Card key={field.id} data-testid="rights-scope">
            <CardHeader className="flex-row items-center justify-between gap-2">
              <CardTitle className="text-sm">{t("scope", { n: i + 1 })}</CardTitle>
              <Button type="button" variant="ghost" size="sm" onClick={() => scopes.remove(i)}>
                <Trash2 aria-hidden />
                {t("remove")}
              </Button>
            </CardHeader>
            <CardContent className="grid gap-4">
              <div className="grid gap-4 md:grid-cols-3">
                <ListField
                  control={form.control}
                  name={`items.${i}.territories`}
                  label={t("territories")}
                  error={err(`items.${i}.territories`)}
                >
                  {(list) => <TerritoryPicker {...list} territories={territories} />}
                </ListField>
                <ListField
                  control={form.control}
                  name={`items.${i}.excludedTerritories`}
                  label={t("excluded")}
                  hint={t("optional")}
                  error={err(`items.${i}.excludedTerritories`)}
                >
                  {(list) => <TerritoryPicker {...list} territories={territories} placeholder={t("excludedPlaceholder")} />}
                </ListField>
                <ListField control={form.control} name={`items.${i}.mediaRights`} label={t("media")} error={err(`items.${i}.mediaRights`)}>
                  {(list) => <MediaRightsPicker {...list} media={media} />}
                </ListField>
              </div>
              <div className="flex flex-wrap items-end gap-4">
                <FormField label={t("start")} error={err(`items.${i}.start`)}>
                  <Input type="date" className="w-44" {...form.register(`items.${i}.start`)} />
                </FormField>
                <Controller
                  control={form.control}
                  name={`items.${i}.end`}
                  render={({ field: f }) => (
                    <FormField label={t("end")} error={err(`items.${i}.end`)}>
                      <Input
                        type="date"
                        className="w-44"
                        ref={f.ref}
                        name={f.name}
                        value={f.value ?? ""}
                        disabled={perpetual}
                        onChange={(e) => f.onChange(e.target.value)}
                        onBlur={f.onBlur}
                      />
                    </FormField>
                  )}
                />
                <div className="flex h-9 items-center">
                  <CheckboxField
                    label={t("perpetual")}
                    checked={perpetual}
                    onCheckedChange={(on) => form.setValue(`items.${i}.end`, on ? null : "", { shouldDirty: true })}
                  />
                </div>
                <div className="flex h-9 items-center">
                  <Controller
                    control={form.control}
                    name={`items.${i}.exclusive`}
                    render={({ field: f }) => <CheckboxField label={t("exclusive")} checked={f.value} onCheckedChange={f.onChange} />}
                  />
                </div>
              </div>
            </CardContent>
          </Card>
        );
      })}
      <FormAlert messages={action.formError} />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <Button
          type="button"
          variant="outline"
          onClick={() =>
            scopes.append({
              territories: ["WORLDWIDE"],
              excludedTerritories: [],
              mediaRights: media.map((m) => m.code),
              start: today,
              end: null,
              exclusive: true,
            })
          }
        >
          <Plus aria-hidden />
          {t("add")}
        </Button>
        <div className="flex items-center gap-3">
          {scopes.fields.length === 0 && isDirty ? <span className="text-xs text-muted-foreground">{t("emptySaves")}</span> : null}
          <Button type="submit" loading={isSubmitting} disabled={!isDirty}>
            {isSubmitting ? null : <Save aria-hidden />}
            {t("save")}
          </Button>
        </div>
      </div>
    </form>
  );
}
