"use client";

import { TriangleAlert } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { Button } from "@/components/ui/button";
import { Link } from "@/components/ui/link";

export type ErrorViewProps = { error: Error & { digest?: string }; reset: () => void };

/**
 * What an error boundary shows for an unexpected failure: a generic message (the details stay in
 * the server log) and the digest, which support can look up there.
 */
export function ErrorView({ error, reset }: ErrorViewProps) {
  const t = useTranslations("pages.error");
  const tActions = useTranslations("common.actions");

  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <div className="flex min-h-[60dvh] items-center justify-center px-4 py-16">
      <div className="flex max-w-md flex-col items-center gap-4 text-center">
        <span className="flex size-12 items-center justify-center rounded-full bg-destructive/10 text-destructive">
          <TriangleAlert className="size-6" aria-hidden />
        </span>
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="text-sm text-muted-foreground">{t("description")}</p>
        {error.digest ? (
          <p className="font-mono text-xs text-muted-foreground" data-testid="error-digest">
            {t("reference", { digest: error.digest })}
          </p>
        ) : null}
        <div className="mt-2 flex gap-2">
          <Button onClick={reset}>{tActions("retry")}</Button>
          <Button asChild variant="outline">
            <Link href="/dashboard">{tActions("goToDashboard")}</Link>
          </Button>
        </div>
      </div>
    </div>
  );
}
