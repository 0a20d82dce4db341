import { BookOpen, ExternalLink } from "lucide-react";
import { useTranslations } from "next-intl";
import { CopyButton } from "@/components/common/copy-button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

/** How to call the API with a key: the header, a first request, and the OpenAPI document. */
export function ApiUsagePanel({ origin, organizationName }: { origin: string; organizationName: string }) {
  const t = useTranslations("apiKeys.usage");
  const example = `curl -H "Authorization: Bearer <key>" ${origin}/api/v1/me`;
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
        <CardDescription>{t("description", { organization: organizationName })}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <div className="grid gap-1.5">
          <div className="flex items-center justify-between gap-2">
            <p className="text-sm font-medium">{t("example")}</p>
            <CopyButton value={example} iconOnly variant="ghost" />
          </div>
          <pre
            className="rounded-md bg-foreground p-3 font-mono text-xs leading-relaxed break-all whitespace-pre-wrap text-background"
            data-testid="api-usage-example"
          >
            {example}
          </pre>
        </div>
        <a
          href="/api/v1/openapi.json"
          target="_blank"
          rel="noreferrer"
          className="group flex items-start gap-3 rounded-lg border p-3 transition-colors hover:border-primary/30 hover:bg-accent/30"
        >
          <BookOpen className="mt-0.5 size-4 shrink-0 text-primary" aria-hidden />
          <span className="flex flex-col gap-0.5">
            <span className="flex items-center gap-1.5 text-sm font-medium">
              {t("docs")}
              <ExternalLink className="size-3 text-muted-foreground" aria-hidden />
            </span>
            <span className="text-xs text-muted-foreground">{t("docsDescription")}</span>
          </span>
        </a>
      </CardContent>
    </Card>
  );
}
