import { notFound } from "next/navigation";
import { listOutbox } from "@/server/account/list-outbox";
import { formatDateTime } from "@/lib/format";

export const metadata = { title: "Correo (desarrollo)", robots: { index: false } };
export const dynamic = "force-dynamic";

/** Development only: the e-mails the app "sent" (the outbox), so reset and invitation links work without a mail server. */
export default async function Page() {
  if (process.env.NODE_ENV === "production") notFound();
  const rows = await listOutbox();
  return (
    <main className="mx-auto max-w-3xl space-y-4 p-6">
      <h1 className="text-2xl font-semibold">Correo enviado (solo desarrollo)</h1>
      {rows.length === 0 ? <p className="text-slate-600">Todavía no se envió ningún e-mail. Pedí una recuperación de contraseña o invitá a alguien.</p> : null}
      <ul className="space-y-3">
        {rows.map((m) => (
          <li key={m.id} className="rounded-lg border border-slate-200 bg-white p-4">
            <div className="text-sm text-slate-500">
              {formatDateTime(m.createdAt)} · para <span className="break-all">{m.toEmail}</span>
            </div>
            <div className="font-medium">{m.subject}</div>
            <pre className="mt-2 whitespace-pre-wrap break-all font-sans text-sm">{m.body}</pre>
          </li>
        ))}
      </ul>
    </main>
  );
}
