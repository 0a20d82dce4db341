"use client";

import { FileSpreadsheet, ListPlus } from "lucide-react";
import { useTranslations } from "next-intl";
import type * as React from "react";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";

/** The two ways to send a statement: enter the lines, or upload them as a spreadsheet. */
export function NewStatementTabs({ form, upload }: { form: React.ReactNode; upload: React.ReactNode }) {
  const t = useTranslations("statements.new");
  return (
    <Tabs defaultValue="form">
      <TabsList>
        <TabsTrigger value="form">
          <ListPlus aria-hidden />
          {t("tabForm")}
        </TabsTrigger>
        <TabsTrigger value="upload">
          <FileSpreadsheet aria-hidden />
          {t("tabUpload")}
        </TabsTrigger>
      </TabsList>
      <TabsContent value="form">{form}</TabsContent>
      <TabsContent value="upload">{upload}</TabsContent>
    </Tabs>
  );
}
