import enCatalogue from "./en/catalogue.json";
import enDeals from "./en/deals.json";
import enBase from "./en.json";
import zhCatalogue from "./zh/catalogue.json";
import zhDeals from "./zh/deals.json";
import zhBase from "./zh.json";

/**
 * All UI messages by locale. The shell and foundation live in `<locale>.json`; each larger
 * feature keeps its namespace in `<locale>/<feature>.json`, so teams working on different
 * features never edit the same file.
 */
export const messages = {
  en: { ...enBase, catalogue: enCatalogue, deals: enDeals },
  zh: { ...zhBase, catalogue: zhCatalogue, deals: zhDeals },
};

export type Messages = typeof messages.en;
