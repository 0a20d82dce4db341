import { redirect } from "next/navigation";
import { Landing } from "@/components/marketing/landing";
import { getSignedInUser } from "@/lib/auth/gate";

export default async function HomePage() {
  if (await getSignedInUser()) redirect("/dashboard");
  return <Landing />;
}
