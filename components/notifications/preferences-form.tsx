"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { callAction } from "@/components/forms/call-action";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { ActionResult } from "@/lib/actions/result";
import { PREFERENCE_GROUPS } from "@/lib/notifications/rules";
import { EMAIL_DELIVERIES, type NotificationPreference, type PreferenceKind } from "@/lib/notifications/schema";

export type NotificationPreferencesFormProps = {
  items: NotificationPreference[];
  saveAction: (input: { items: NotificationPreference[] }) => Promise<ActionResult<{ items: NotificationPreference[] }>>;
};

/**
 * Every notification kind by section, each with its e-mail choice (at once, daily digest, off)
 * and whether it shows in the app; one save sends the whole list.
 */
export function NotificationPreferencesForm({ items, saveAction }: NotificationPreferencesFormProps) {
  const t = useTranslations("notifications.preferences");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [values, setValues] = useState(() => new Map(items.map((i) => [i.kind, i])));

  const change = (kind: PreferenceKind, patch: Partial<NotificationPreference>) =>
    setValues((current) => {
      const next = new Map(current);
      const was = next.get(kind);
      if (was) next.set(kind, { ...was, ...patch });
      return next;
    });

  function save() {
    startTransition(async () => {
      const result = await callAction(() => saveAction({ items: [...values.values()] }));
      if (!result.ok) {
        toast.error(t("failed"));
        return;
      }
      setValues(new Map(result.data.items.map((i) => [i.kind, i])));
      toast.success(t("saved"));
      router.refresh();
    });
  }

  return (
    <form
      className="grid gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      {PREFERENCE_GROUPS.map((group) => (
        <Card key={group.id}>
          <CardHeader>
            <CardTitle>{t(`groups.${group.id}`)}</CardTitle>
          </CardHeader>
          <CardContent>
            <table className="w-full text-sm">
              <thead>
                <tr className="text-left text-muted-foreground">
                  <th className="py-2 font-medium">{t("kind")}</th>
                  <th className="w-44 py-2 font-medium">{t("email")}</th>
                  <th className="w-24 py-2 text-center font-medium">{t("inApp")}</th>
                </tr>
              </thead>
              <tbody className="divide-y">
                {group.kinds.map((kind) => {
                  const value = values.get(kind);
                  if (!value) return null;
                  const label = t(`labels.${kind}`);
                  return (
                    <tr key={kind} data-testid={`preference-${kind}`}>
                      <td className="py-2 pr-3">{label}</td>
                      <td className="py-2 pr-3">
                        <select
                          aria-label={t("emailLabel", { kind: label })}
                          className="h-9 w-full rounded-md border border-input bg-background px-2 text-sm shadow-xs outline-none focus-visible:border-ring focus-visible:ring-3 focus-visible:ring-ring/20"
                          value={value.email}
                          disabled={pending}
                          onChange={(event) => {
                            const email = EMAIL_DELIVERIES.find((d) => d === event.target.value);
                            if (email) change(kind, { email });
                          }}
                        >
                          {EMAIL_DELIVERIES.map((d) => (
                            <option key={d} value={d}>
                              {t(`delivery.${d}`)}
                            </option>
                          ))}
                        </select>
                      </td>
                      <td className="py-2 text-center">
                        <input
                          type="checkbox"
                          aria-label={t("inAppLabel", { kind: label })}
                          className="size-4 accent-primary"
                          checked={value.inApp}
                          disabled={pending}
                          onChange={(event) => change(kind, { inApp: event.target.checked })}
                        />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </CardContent>
        </Card>
      ))}
      <div className="flex justify-end">
        <Button type="submit" loading={pending}>
          {t("save")}
        </Button>
      </div>
    </form>
  );
}
