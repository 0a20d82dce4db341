"use client";

import { CalendarPlus, RefreshCw } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { RevokeButton } from "@/components/common/confirm-dialog";
import { CopyButton } from "@/components/common/copy-button";
import { useActionError } from "@/components/forms/action-error";
import { callAction } from "@/components/forms/call-action";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import type { ActionResult } from "@/lib/actions/result";

/**
 * Subscribe to the organisation's obligations in a calendar app: create (or replace) the person's
 * private feed address, shown once, and revoke it (the address then answers 404).
 */
export function CalendarFeedBox({
  activeSince,
  createAction,
  revokeAction,
}: {
  /** The active feed's creation, already formatted; null without one. */
  activeSince: string | null;
  createAction: () => Promise<ActionResult<{ url: string; createdAt: string }>>;
  revokeAction: () => Promise<ActionResult>;
}) {
  const t = useTranslations("obligations.feed");
  const actionError = useActionError();
  const router = useRouter();
  const [url, setUrl] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const create = () =>
    startTransition(async () => {
      const result = await callAction(createAction);
      if (!result.ok) {
        toast.error(actionError(result));
        return;
      }
      setUrl(result.data.url);
      toast.success(t("created"));
      router.refresh();
    });

  const revoke = async () => {
    const result = await callAction(revokeAction);
    if (!result.ok) {
      toast.error(actionError(result));
      router.refresh();
      return;
    }
    setUrl(null);
    toast.success(t("revoked"));
    router.refresh();
  };

  return (
    <Card data-testid="calendar-feed">
      <CardHeader>
        <CardTitle>{t("heading")}</CardTitle>
        <CardDescription>{t("intro")}</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-3 text-sm">
        {url ? (
          <div className="flex flex-col gap-2">
            <p className="font-medium">{t("shown")}</p>
            <div className="flex gap-2">
              <Input
                readOnly
                value={url}
                aria-label={t("heading")}
                onFocus={(e) => e.currentTarget.select()}
                className="font-mono text-xs"
              />
              <CopyButton value={url} />
            </div>
          </div>
        ) : null}
        <p className="text-muted-foreground">{activeSince ? t("active", { date: activeSince }) : t("none")}</p>
        <div className="flex flex-wrap items-center gap-2">
          <Button variant={activeSince ? "outline" : "default"} size="sm" onClick={create} disabled={pending}>
            {activeSince ? <RefreshCw aria-hidden /> : <CalendarPlus aria-hidden />}
            {activeSince ? t("replace") : t("create")}
          </Button>
          {activeSince ? (
            <RevokeButton label={t("revoke")} title={t("revoke")} description={t("intro")} confirmLabel={t("revoke")} onConfirm={revoke} />
          ) : null}
        </div>
      </CardContent>
    </Card>
  );
}
