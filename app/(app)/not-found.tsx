import { SearchX } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/common/empty-state";
import { Button } from "@/components/ui/button";
import { Link } from "@/components/ui/link";

/** Inside the shell: a page the active organisation may not see, or a record of another tenant. */
export default async function AppNotFound() {
  const t = await getTranslations("pages.notFound");
  const tActions = await getTranslations("common.actions");
  return (
    <div className="py-10">
      <h1 className="sr-only">{t("title")}</h1>
      <EmptyState
        icon={SearchX}
        title={t("title")}
        description={t("description")}
        action={
          <Button asChild>
            <Link href="/dashboard">{tActions("goToDashboard")}</Link>
          </Button>
        }
      />
    </div>
  );
}
