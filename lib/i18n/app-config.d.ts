import type { Messages } from "@/messages";
import type { AppLocale } from "./config";

// Types every `t("...")` call against the English messages (all namespaces), so a missing or misspelt key is a
// compile error rather than a raw key on screen. zh.json is held to the same keys by messages.test.ts.
declare module "next-intl" {
  interface AppConfig {
    Locale: AppLocale;
    Messages: Messages;
  }
}
