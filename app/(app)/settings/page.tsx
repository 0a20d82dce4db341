import { redirect } from "next/navigation";

/** /settings has no page of its own; everyone may see their profile. */
export default function SettingsIndex() {
  redirect("/settings/profile");
}
