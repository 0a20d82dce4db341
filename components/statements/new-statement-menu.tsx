"use client";

import { ChevronDown, FilePlus2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { Link } from "@/components/ui/link";

/** "New statement" on the statements list: the licensee chooses the deal it reports on. */
export function NewStatementMenu({ deals }: { deals: { id: string; name: string }[] }) {
  const t = useTranslations("statements.list");
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button>
          <FilePlus2 aria-hidden />
          {t("newStatement")}
          <ChevronDown aria-hidden />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="max-h-80 max-w-[min(24rem,calc(100vw-2rem))] overflow-y-auto">
        <DropdownMenuLabel>{t("chooseDeal")}</DropdownMenuLabel>
        {deals.map((d) => (
          <DropdownMenuItem key={d.id} asChild>
            <Link href={`/deals/${d.id}/statements/new`}>{d.name}</Link>
          </DropdownMenuItem>
        ))}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
