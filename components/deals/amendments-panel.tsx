"use client";

import { FilePenLine, PenLine, RefreshCw, Send, Undo2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { toast } from "sonner";
import { ConfirmDialog } from "@/components/common/confirm-dialog";
import { useActionError } from "@/components/forms/action-error";
import { callAction } from "@/components/forms/call-action";
import { FormDialog, useFormDialog } from "@/components/forms/form-dialog";
import { GroupedInput } from "@/components/forms/grouped-input";
import { useActionForm } from "@/components/forms/use-action-form";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import type { ActionResult } from "@/lib/actions/result";
import type { AmendmentStep, AmendmentStepResult } from "@/lib/deals/actions";
import type { AmendmentView } from "@/lib/deals/present";
import { type AmendmentInput, amendmentInputSchema, type RenewalOption } from "@/lib/deals/schema";
import { type AmendValues, amendmentPayload, type GrantChoice } from "./amendment-payload";
import { payloadResolver } from "./payload-resolver";
import { CheckboxField } from "./pickers";

export type AmendmentsPanelProps = {
  dealId: string;
  ourOrgId: string;
  side: "licensor" | "licensee";
  currency: string;
  minimumGuarantee: string | null;
  amendments: AmendmentView[];
  grants: GrantChoice[];
  titleNames: Record<string, string>;
  renewalOption: RenewalOption | null;
  renewalOpen: boolean;
  mayWrite: boolean;
  maySign: boolean;
  createAction: (dealId: string, input: AmendmentInput) => Promise<ActionResult<{ id: string }>>;
  stepAction: (dealId: string, amendmentId: string, step: AmendmentStep, version: number) => Promise<AmendmentStepResult>;
  renewAction: (dealId: string) => Promise<ActionResult<{ id: string }>>;
};

/** The amendments of a signed deal: each with a readable diff and the next step for this organisation. */
export function AmendmentsPanel(props: AmendmentsPanelProps) {
  const t = useTranslations("deals.amendments");
  const { amendments, mayWrite } = props;
  return (
    <Card data-testid="amendments">
      <CardHeader className="flex flex-row items-start justify-between gap-4">
        <div className="grid gap-1">
          <CardTitle>{t("title")}</CardTitle>
          <CardDescription>{t("description")}</CardDescription>
        </div>
        <div className="flex flex-wrap gap-2">
          {props.renewalOption && props.side === "licensee" && props.renewalOpen && mayWrite ? <RenewButton {...props} /> : null}
          {mayWrite ? <AmendDialog {...props} /> : null}
        </div>
      </CardHeader>
      <CardContent className="grid gap-4">
        {props.renewalOption ? (
          <p className="text-sm text-muted-foreground">
            {t("renewalOption", {
              noticeBy: props.renewalOption.noticeBy,
              extendsTo: props.renewalOption.extendsTo,
              pct: props.renewalOption.mgIncreasePct,
            })}
          </p>
        ) : null}
        {amendments.length === 0 ? <p className="text-sm text-muted-foreground">{t("none")}</p> : null}
        {amendments
          .slice()
          .reverse()
          .map((a) => (
            <AmendmentItem key={a.id} amendment={a} {...props} />
          ))}
      </CardContent>
    </Card>
  );
}

function show(value: unknown, t: ReturnType<typeof useTranslations<"deals.amendments">>): string {
  if (value === null || value === undefined) return t("nothing");
  if (typeof value === "boolean") return value ? t("exclusive") : t("nonExclusive");
  if (Array.isArray(value)) {
    if (value.length === 0) return t("nothing");
    return value.map((v) => show(v, t)).join(value.every((v) => typeof v === "string") ? ", " : "; ");
  }
  if (typeof value === "object") {
    const o = value as Record<string, unknown>;
    if (typeof o.amount === "string" && typeof o.currency === "string" && Object.keys(o).length === 2) return `${o.amount} ${o.currency}`;
    if (o.amount && typeof o.amount === "object") {
      const m = o.amount as { amount: string; currency: string };
      return `${m.amount} ${m.currency}${o.dueDate ? ` · ${o.dueDate}` : ""}`;
    }
    if (typeof o.name === "string") return `${o.name} (${String(o.role)}, ${String(o.share)})`;
  }
  return String(value);
}

function AmendmentItem({ amendment: a, ...props }: AmendmentsPanelProps & { amendment: AmendmentView }) {
  const t = useTranslations("deals.amendments");
  const router = useRouter();
  const actionError = useActionError();
  const [busy, setBusy] = useState(false);
  const mine = a.createdByOrganizationId === props.ourOrgId;
  const signedByUs = a.signatures[props.side] !== null;
  const title = (id: string, fallback?: string) => props.titleNames[id] ?? fallback ?? id;

  async function step(s: AmendmentStep) {
    setBusy(true);
    const result = await callAction(() => props.stepAction(props.dealId, a.id, s, a.version));
    setBusy(false);
    if (!result.ok) {
      if ("conflicts" in result && result.reason === "RIGHTS_CONFLICT") toast.error(t("refusedConflict"));
      else toast.error(actionError(result));
      router.refresh();
      return;
    }
    toast.success(
      s === "sign" ? (result.data.status === "SIGNED" ? t("applied") : t("signedFirst")) : t(s === "propose" ? "proposed" : "withdrawn"),
    );
    router.refresh();
  }

  const diff = a.diff;
  return (
    <section className="grid gap-2 rounded-md border p-3" data-testid={`amendment-${a.number}`}>
      <div className="flex flex-wrap items-center gap-2">
        <h3 className="font-medium">{t("number", { number: a.number })}</h3>
        <Badge variant={a.status === "SIGNED" ? "default" : "secondary"}>{t(`status.${a.status}`)}</Badge>
        {a.renewal ? <Badge variant="outline">{t("renewal")}</Badge> : null}
        <span className="text-xs text-muted-foreground">{t("effectiveOn", { date: a.effectiveOn })}</span>
      </div>
      {a.note ? <p className="text-sm">{a.note}</p> : null}
      {diff ? (
        <ul className="grid gap-1 text-sm" aria-label={t("diff")}>
          {diff.grants.added.map((g) => (
            <li key={`add-${g.id}`}>
              <span className="font-medium text-emerald-700 dark:text-emerald-400">{t("grantAdded")}</span> {title(g.titleId, g.titleName)}{" "}
              · {g.territories.join(", ")} · {g.mediaRights.join(", ")} · {g.start} – {g.end}
            </li>
          ))}
          {diff.grants.removed.map((g) => (
            <li key={`rm-${g.id}`}>
              <span className="font-medium text-destructive">{t("grantRemoved")}</span> {title(g.titleId, g.titleName)} ·{" "}
              {g.territories.join(", ")} · {g.mediaRights.join(", ")} · {g.start} – {g.end}
            </li>
          ))}
          {diff.grants.changed.map((c) =>
            c.fields.map((f) => (
              <li key={`ch-${c.grantId}-${f.field}`}>
                <span className="font-medium">{t("grantChanged", { title: title(c.titleId, c.titleName) })}</span> {t(`field.${f.field}`)}:{" "}
                {show(f.before, t)} → {show(f.after, t)}
              </li>
            )),
          )}
          {diff.terms.map((f) => (
            <li key={`term-${f.field}`}>
              <span className="font-medium">{t(`term.${f.field}`)}</span>: {show(f.before, t)} → {show(f.after, t)}
            </li>
          ))}
          {diff.grants.added.length + diff.grants.removed.length + diff.grants.changed.length + diff.terms.length === 0 ? (
            <li className="text-muted-foreground">{t("noChange")}</li>
          ) : null}
        </ul>
      ) : null}
      <div className="flex flex-wrap gap-2">
        {a.status === "DRAFT" && mine && props.mayWrite ? (
          <Button size="sm" disabled={busy} onClick={() => step("propose")}>
            <Send aria-hidden />
            {t("propose")}
          </Button>
        ) : null}
        {a.status === "PROPOSED" && !signedByUs && props.maySign ? (
          <ConfirmDialog
            trigger={
              <Button size="sm" disabled={busy}>
                <PenLine aria-hidden />
                {t("sign")}
              </Button>
            }
            title={t("signTitle", { number: a.number })}
            description={t("signDescription")}
            confirmLabel={t("signConfirm")}
            onConfirm={() => step("sign")}
          />
        ) : null}
        {a.status === "PROPOSED" && signedByUs ? <span className="text-xs text-muted-foreground">{t("awaitingOther")}</span> : null}
        {(a.status === "DRAFT" && mine) || a.status === "PROPOSED" ? (
          props.mayWrite ? (
            <Button size="sm" variant="outline" disabled={busy} onClick={() => step("withdraw")}>
              <Undo2 aria-hidden />
              {t("withdraw")}
            </Button>
          ) : null
        ) : null}
      </div>
    </section>
  );
}

function AmendDialog(props: AmendmentsPanelProps) {
  const t = useTranslations("deals.amendments");
  const today = new Date().toISOString().slice(0, 10);
  const initial = (): AmendValues => ({
    grantId: props.grants[0]?.id ?? "",
    start: "",
    end: "",
    addTerritories: "",
    seasons: props.grants[0]?.seasons ?? [],
    minimumGuarantee: "",
    effectiveOn: today,
    note: "",
  });
  const toPayload = (v: AmendValues): AmendmentInput => amendmentPayload(v, props.grants, props.currency);
  const form = useForm<AmendValues, unknown, AmendmentInput>({
    resolver: payloadResolver(amendmentInputSchema, toPayload),
    defaultValues: initial(),
  });
  const action = useActionForm<AmendValues, ActionResult<{ id: string }>>({});
  const dialog = useFormDialog(action, () => form.reset(initial()));
  const onSubmit = form.handleSubmit((payload) =>
    action.submit(() => props.createAction(props.dealId, payload), { success: t("drafted"), onSuccess: dialog.close }),
  );
  const errorOf = (name: keyof AmendValues) => form.formState.errors[name]?.message;
  const grantId = form.watch("grantId");
  const chosenGrant = props.grants.find((g) => g.id === grantId);
  return (
    <FormDialog
      trigger={
        <Button size="sm">
          <FilePenLine aria-hidden />
          {t("amend")}
        </Button>
      }
      {...dialog.props}
      title={t("amendTitle")}
      description={t("amendDescription")}
      onSubmit={onSubmit}
      submitLabel={t("amendSubmit")}
    >
      <FormField label={t("grant")}>
        <select
          className="h-9 rounded-md border bg-background px-2 text-sm"
          {...form.register("grantId", {
            // Another grant: its own seasons are the starting point.
            onChange: (e: { target: { value: string } }) =>
              form.setValue("seasons", props.grants.find((g) => g.id === e.target.value)?.seasons ?? []),
          })}
        >
          {props.grants.map((g) => (
            <option key={g.id} value={g.id}>
              {g.label}
            </option>
          ))}
        </select>
      </FormField>
      <div className="grid grid-cols-2 gap-3">
        <FormField label={t("newStart")}>
          <Input type="date" {...form.register("start")} />
        </FormField>
        <FormField label={t("newEnd")}>
          <Input type="date" {...form.register("end")} />
        </FormField>
      </div>
      <FormField label={t("addTerritories")} description={t("addTerritoriesHint")}>
        <Input placeholder="LA, KH" {...form.register("addTerritories")} />
      </FormField>
      {chosenGrant && chosenGrant.seriesSeasons.length > 0 ? (
        <Controller
          control={form.control}
          name="seasons"
          render={({ field }) => {
            const chosen = new Set(field.value ?? []);
            return (
              <fieldset className="grid gap-2 rounded-lg border p-3" aria-invalid={errorOf("seasons") ? true : undefined}>
                <legend className="px-1 text-sm font-medium">{t("seasons")}</legend>
                <p className="text-xs text-muted-foreground">{t("seasonsHint")}</p>
                <div className="flex flex-wrap gap-4">
                  {chosenGrant.seriesSeasons.map((number) => (
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
                {errorOf("seasons") ? <p className="text-sm text-destructive">{errorOf("seasons")}</p> : null}
              </fieldset>
            );
          }}
        />
      ) : null}
      <FormField
        label={t("newMinimumGuarantee", { currency: props.currency })}
        description={props.minimumGuarantee ? t("currentMg", { amount: props.minimumGuarantee }) : undefined}
      >
        <GroupedInput {...form.register("minimumGuarantee")} />
      </FormField>
      <FormField label={t("effectiveOnLabel")} error={errorOf("effectiveOn")}>
        <Input type="date" {...form.register("effectiveOn")} />
      </FormField>
      <FormField label={t("note")}>
        <Textarea rows={2} {...form.register("note")} />
      </FormField>
    </FormDialog>
  );
}

function RenewButton(props: AmendmentsPanelProps) {
  const t = useTranslations("deals.amendments");
  const router = useRouter();
  const actionError = useActionError();
  return (
    <ConfirmDialog
      trigger={
        <Button size="sm" variant="outline">
          <RefreshCw aria-hidden />
          {t("renew")}
        </Button>
      }
      title={t("renewTitle")}
      description={t("renewDescription", {
        extendsTo: props.renewalOption?.extendsTo ?? "",
        pct: props.renewalOption?.mgIncreasePct ?? "",
      })}
      confirmLabel={t("renewConfirm")}
      onConfirm={async () => {
        const result = await callAction(() => props.renewAction(props.dealId));
        if (!result.ok) toast.error(actionError(result));
        else toast.success(t("renewed"));
        router.refresh();
      }}
    />
  );
}
