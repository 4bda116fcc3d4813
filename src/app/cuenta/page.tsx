import { redirect } from "next/navigation";
import Link from "next/link";
import { currentUser } from "@/server/auth/session";
import { AccountPanel } from "@/components/auth/account-forms";

export const metadata = { title: "Mi cuenta" };
export const dynamic = "force-dynamic";

export default async function Page() {
  const user = await currentUser();
  if (!user) redirect("/ingresar?callbackUrl=/cuenta");
  return (
    <main className="mx-auto max-w-2xl space-y-6 p-6">
      <div>
        <Link href="/negocios" className="text-sm text-teal-700 hover:underline">
          ← Mis negocios
        </Link>
        <h1 className="mt-2 text-2xl font-semibold">Mi cuenta</h1>
        <p className="break-all text-slate-600">
          {user.name} · {user.email}
        </p>
      </div>
      <AccountPanel email={user.email} />
    </main>
  );
}
