"use client";
import { useState } from "react";
import { trpc, errorMessage, fieldErrors } from "@/lib/trpc/react";
import { PageHeader, EmptyState } from "@/components/ui/page";
import { Button } from "@/components/ui/button";
import { Dialog, ConfirmDialog } from "@/components/ui/dialog";
import { Alert, Field, Input, Select } from "@/components/ui/field";
import { ROLES, ROLE_LABELS, type Role } from "@/server/auth/permissions";
import { formatDate } from "@/lib/format";

export function TeamPage() {
  const utils = trpc.useUtils();
  const members = trpc.tenancy.members.useQuery();
  const me = trpc.tenancy.current.useQuery();
  const [inviteOpen, setInviteOpen] = useState(false);
  const [removing, setRemoving] = useState<{ userId: string; name: string } | null>(null);
  const remove = trpc.tenancy.removeMember.useMutation({
    onSuccess: async () => {
      setRemoving(null);
      await utils.tenancy.members.invalidate();
    },
  });
  return (
    <div>
      <PageHeader
        title="Equipo"
        description="Las personas que trabajan en este negocio y qué puede hacer cada una."
        actions={<Button onClick={() => setInviteOpen(true)}>Invitar persona</Button>}
      />
      {members.error ? <Alert>{errorMessage(members.error)}</Alert> : null}
      {members.data && members.data.length === 0 ? (
        <EmptyState title="Todavía no hay nadie más">Invitá a tu equipo para que pueda vender o controlar el stock.</EmptyState>
      ) : null}
      <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
        {members.data?.map((m) => (
          <li key={m.userId} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3">
            <div>
              <div className="font-medium">{m.name}</div>
              <div className="text-sm text-slate-600">
                {m.email} · desde {formatDate(m.since)}
              </div>
            </div>
            <div className="flex items-center gap-3">
              <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700">{ROLE_LABELS[m.role]}</span>
              {me.data?.user.id !== m.userId ? (
                <Button variant="ghost" onClick={() => setRemoving({ userId: m.userId, name: m.name })}>
                  Quitar
                </Button>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
      <InviteDialog open={inviteOpen} onOpenChange={setInviteOpen} canAddOwner={me.data?.role === "OWNER"} />
      <ConfirmDialog
        open={!!removing}
        onOpenChange={(o) => !o && setRemoving(null)}
        title="¿Quitar del negocio?"
        description={`${removing?.name ?? ""} dejará de tener acceso a este negocio. Su cuenta sigue existiendo.`}
        confirmLabel="Quitar"
        busy={remove.isPending}
        onConfirm={() => removing && remove.mutate({ userId: removing.userId })}
      />
      {remove.error ? <Alert>{errorMessage(remove.error)}</Alert> : null}
    </div>
  );
}

function InviteDialog({ open, onOpenChange, canAddOwner }: { open: boolean; onOpenChange: (o: boolean) => void; canAddOwner: boolean }) {
  const utils = trpc.useUtils();
  const [form, setForm] = useState({ email: "", role: "CASHIER" as Role });
  const [link, setLink] = useState<string | null>(null);
  const invite = trpc.tenancy.inviteMember.useMutation({
    onSuccess: async (r) => {
      await utils.tenancy.members.invalidate();
      setForm({ email: "", role: "CASHIER" });
      setLink(r.link);
    },
  });
  const errs = invite.error ? fieldErrors(invite.error) : {};
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title="Invitar persona" description="Le enviamos un enlace por e-mail; la persona acepta la invitación ingresando o creando su cuenta.">
      {link ? (
        <div className="mb-4 space-y-2" role="status">
          <p className="text-sm">Invitación enviada. También podés compartir este enlace (vence en 7 días):</p>
          <Input readOnly value={link} aria-label="Enlace de invitación" onFocus={(e) => e.currentTarget.select()} />
        </div>
      ) : null}
      <form
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          setLink(null);
          invite.mutate(form);
        }}
      >
        <Field label="E-mail" error={errs.email}>
          <Input type="email" required value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} invalid={!!errs.email} />
        </Field>
        <Field label="Rol" error={errs.role}>
          <Select value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as Role })}>
            {ROLES.filter((r) => r !== "OWNER" || canAddOwner).map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </Select>
        </Field>
        {invite.error && !Object.keys(errs).length ? <Alert>{errorMessage(invite.error)}</Alert> : null}
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={() => onOpenChange(false)}>
            Cancelar
          </Button>
          <Button type="submit" busy={invite.isPending}>
            Invitar
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
