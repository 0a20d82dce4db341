import { SearchX } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { Logo } from "@/components/common/logo";
import { Button } from "@/components/ui/button";
import { Link } from "@/components/ui/link";
import { getSession } from "@/lib/auth/gate";

/** Any URL nothing matches (signed-in pages have their own, inside the shell). */
export default async function NotFound() {
  const [t, tActions, session] = await Promise.all([getTranslations("pages.notFound"), getTranslations("common.actions"), getSession()]);
  return (
    <div className="flex min-h-dvh flex-col bg-canvas">
      <header className="px-6 py-4">
        <Link href="/" aria-label="Rightsbridge">
          <Logo />
        </Link>
      </header>
      <main className="flex flex-1 items-center justify-center px-4 pb-24">
        <div className="flex max-w-md flex-col items-center gap-4 text-center">
          <span className="flex size-12 items-center justify-center rounded-full bg-accent text-primary">
            <SearchX className="size-6" aria-hidden />
          </span>
          <p className="font-mono text-sm text-muted-foreground">404</p>
          <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
          <p className="text-sm text-muted-foreground">{t("description")}</p>
          <Button asChild className="mt-2">
            <Link href={session ? "/dashboard" : "/"}>{session ? tActions("goToDashboard") : t("home")}</Link>
          </Button>
        </div>
      </main>
    </div>
  );
}
