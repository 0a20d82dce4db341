import { Download } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";

/** A download link to one table's CSV (the export route answers with content-disposition: attachment). */
export async function ExportLink({ href }: { href: string }) {
  const t = await getTranslations("outcomes");
  return (
    <Button variant="outline" size="sm" asChild>
      <a href={href} download>
        <Download aria-hidden />
        {t("exportCsv")}
      </a>
    </Button>
  );
}
