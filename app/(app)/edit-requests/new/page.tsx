import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/common/page-header";
import { requestFormOptions } from "@/components/edits/form-options";
import { RequestForm } from "@/components/edits/request-form";
import { emptyItem } from "@/components/edits/request-form-model";
import { Link } from "@/components/ui/link";
import { requirePermission } from "@/lib/auth/gate";
import { createEditRequestAction, loadEditPolicyAction, submitEditRequestAction, updateEditRequestAction } from "@/lib/edits/actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("edits.form");
  return { title: t("newTitle") };
}

type Search = Promise<{ title?: string | string[] }>;

export default async function NewEditRequestPage({ searchParams }: { searchParams: Search }) {
  const { actor } = await requirePermission("edits.request.write");
  const [t, tList, tKind, locale, search] = await Promise.all([
    getTranslations("edits.form"),
    getTranslations("edits.list"),
    getTranslations("catalogue.versionKinds"),
    getLocale(),
    searchParams,
  ]);
  const options = await requestFormOptions(actor, locale, tKind("ORIGINAL"));
  const preset = options.titles.find((x) => x.id === search.title);
  const base = preset?.versions.find((v) => v.original) ?? preset?.versions[0];
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/edit-requests" className="hover:text-foreground hover:underline">
            {tList("title")}
          </Link>
        }
        title={t("newTitle")}
        description={t("newDescription")}
      />
      <RequestForm
        key={preset?.id ?? "new"}
        {...options}
        initialValues={
          preset
            ? { titleId: preset.id, baseVersionId: base?.id ?? "", territories: [], dealId: "", name: "", items: [emptyItem()] }
            : undefined
        }
        loadPolicyAction={loadEditPolicyAction}
        createAction={createEditRequestAction}
        updateAction={updateEditRequestAction}
        submitAction={submitEditRequestAction}
      />
    </>
  );
}
