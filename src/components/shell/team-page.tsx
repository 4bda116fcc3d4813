"use client";
import { useState } from "react";
import { trpc, errorMessage, fieldErrors } from "@/lib/trpc/react";
import { PageHeader, EmptyState } from "@/components/ui/page";
import { Button } from "@/components/ui/button";
import { Dialog, ConfirmDialog } from "@/components/ui/dialog";
import { Alert, Field, Input, Select } from "@/components/ui/field";
import { ROLES, ROLE_LABELS, type Role } from "@/lib/permissions";
import { formatDate } from "@/lib/format";

type Member = { memberId: string; name: string; role: Role; disabled: boolean };
type Pending = { kind: "remove" | "disable" | "enable" | "reset"; member: Member } | null;

const CONFIRM: Record<NonNullable<Pending>["kind"], { title: string; label: string; text: (n: string) => string }> = {
  remove: { title: "¿Quitar del negocio?", label: "Quitar", text: (n) => `${n} dejará de tener acceso a este negocio. Su cuenta sigue existiendo.` },
  disable: { title: "¿Desactivar el acceso?", label: "Desactivar", text: (n) => `${n} no podrá entrar a este negocio hasta que lo reactives.` },
  enable: { title: "¿Reactivar el acceso?", label: "Reactivar", text: (n) => `${n} vuelve a entrar a este negocio con su rol.` },
  reset: {
    title: "¿Forzar cambio de contraseña?",
    label: "Forzar cambio",
    text: (n) => `Se cierran todas las sesiones de ${n} y le enviamos por e-mail un enlace para elegir una contraseña nueva.`,
  },
};

// eslint-disable-next-line max-lines-per-function -- one screen's markup (header, filters, table, empty and loading states) read top to bottom; JSX beyond its state
export function TeamPage() {
  const utils = trpc.useUtils();
  const members = trpc.tenancy.members.useQuery();
  const invitations = trpc.tenancy.invitations.useQuery();
  const me = trpc.tenancy.current.useQuery();
  const [inviteOpen, setInviteOpen] = useState(false);
  const [pending, setPending] = useState<Pending>(null);
  const done = { onSuccess: async () => (setPending(null), await utils.tenancy.members.invalidate()) };
  const remove = trpc.tenancy.removeMember.useMutation(done);
  const setDisabled = trpc.tenancy.setMemberDisabled.useMutation(done);
  const forceReset = trpc.tenancy.forcePasswordReset.useMutation(done);
  const changeRole = trpc.tenancy.changeMemberRole.useMutation({ onSuccess: () => utils.tenancy.members.invalidate() });
  const [revoking, setRevoking] = useState<{ id: string; email: string } | null>(null);
  const revoke = trpc.tenancy.revokeInvitation.useMutation({ onSuccess: async () => (setRevoking(null), await utils.tenancy.invitations.invalidate()) });
  const isOwner = me.data?.role === "OWNER";
  const busy = remove.isPending || setDisabled.isPending || forceReset.isPending;
  const actionError = remove.error ?? setDisabled.error ?? forceReset.error ?? changeRole.error ?? revoke.error;
  const confirm = () => {
    if (!pending) return;
    const ref = { memberId: pending.member.memberId };
    if (pending.kind === "remove") remove.mutate(ref);
    else if (pending.kind === "reset") forceReset.mutate(ref);
    else setDisabled.mutate({ ...ref, disabled: pending.kind === "disable" });
  };
  const pendingInvitations = invitations.data?.filter((i) => i.status === "PENDING") ?? [];
  return (
    <div>
      <PageHeader
        title="Equipo"
        description="Las personas que trabajan en este negocio y qué puede hacer cada una."
        actions={<Button onClick={() => setInviteOpen(true)}>Invitar persona</Button>}
      />
      {members.error ? <Alert>{errorMessage(members.error)}</Alert> : null}
      {actionError ? <Alert>{errorMessage(actionError)}</Alert> : null}
      {members.isLoading ? <div role="status" className="h-32 animate-pulse rounded-lg bg-slate-100" aria-label="Cargando equipo" /> : null}
      {members.data && members.data.length <= 1 ? (
        <EmptyState title="Todavía no hay nadie más">Invitá a tu equipo para que pueda vender o controlar el stock.</EmptyState>
      ) : null}
      <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" aria-label="Miembros">
        {members.data?.map((m) => {
          const locked = m.isMe || (m.role === "OWNER" && !isOwner);
          return (
            <li key={m.memberId} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3">
              <div className="min-w-0">
                <div className="font-medium">
                  {m.name} {m.disabled ? <span className="ml-1 rounded bg-amber-100 px-1.5 text-xs text-amber-800">Desactivado</span> : null}
                </div>
                <div className="break-all text-sm text-slate-600">
                  {m.email} · desde {formatDate(m.since)}
                </div>
              </div>
              <div className="flex flex-wrap items-center gap-2">
                {locked ? (
                  <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700">{ROLE_LABELS[m.role]}</span>
                ) : (
                  <Select
                    aria-label={`Rol de ${m.name}`}
                    value={m.role}
                    disabled={changeRole.isPending}
                    onChange={(e) => changeRole.mutate({ memberId: m.memberId, role: e.target.value as Role })}
                  >
                    {ROLES.filter((r) => r !== "OWNER" || isOwner).map((r) => (
                      <option key={r} value={r}>
                        {ROLE_LABELS[r]}
                      </option>
                    ))}
                  </Select>
                )}
                {!locked ? (
                  <>
                    <Button variant="ghost" onClick={() => setPending({ kind: m.disabled ? "enable" : "disable", member: m })}>
                      {m.disabled ? "Reactivar" : "Desactivar"}
                    </Button>
                    <Button variant="ghost" onClick={() => setPending({ kind: "reset", member: m })}>
                      Forzar cambio de contraseña
                    </Button>
                    <Button variant="ghost" onClick={() => setPending({ kind: "remove", member: m })}>
                      Quitar
                    </Button>
                  </>
                ) : null}
              </div>
            </li>
          );
        })}
      </ul>
      <h2 className="mb-2 mt-8 text-lg font-semibold">Invitaciones pendientes</h2>
      {pendingInvitations.length === 0 ? (
        <p className="text-sm text-slate-600">No hay invitaciones pendientes. Usá «Invitar persona» para sumar a alguien.</p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" aria-label="Invitaciones pendientes">
          {pendingInvitations.map((i) => (
            <li key={i.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3">
              <div className="min-w-0 break-all text-sm">
                {i.email} · {ROLE_LABELS[i.role]} · vence {formatDate(i.expiresAt)}
              </div>
              <Button variant="ghost" onClick={() => setRevoking({ id: i.id, email: i.email })}>
                Revocar
              </Button>
            </li>
          ))}
        </ul>
      )}
      <InviteDialog open={inviteOpen} onOpenChange={setInviteOpen} canAddOwner={isOwner} />
      <ConfirmDialog
        open={!!revoking}
        onOpenChange={(o) => !o && setRevoking(null)}
        title="Revocar la invitación"
        description={revoking ? `El enlace que le enviamos a ${revoking.email} deja de funcionar. Podés invitarla de nuevo cuando quieras.` : ""}
        confirmLabel="Revocar"
        busy={revoke.isPending}
        onConfirm={() => revoking && revoke.mutate({ invitationId: revoking.id })}
      />
      <ConfirmDialog
        open={!!pending}
        onOpenChange={(o) => !o && setPending(null)}
        title={pending ? CONFIRM[pending.kind].title : ""}
        description={pending ? CONFIRM[pending.kind].text(pending.member.name) : ""}
        confirmLabel={pending ? CONFIRM[pending.kind].label : ""}
        busy={busy}
        onConfirm={confirm}
      />
    </div>
  );
}

function InviteDialog({ open, onOpenChange, canAddOwner }: { open: boolean; onOpenChange: (o: boolean) => void; canAddOwner: boolean }) {
  const utils = trpc.useUtils();
  const [form, setForm] = useState({ email: "", role: "CASHIER" as Role });
  const [link, setLink] = useState<string | null>(null);
  const invite = trpc.tenancy.inviteMember.useMutation({
    onSuccess: async (r) => {
      await utils.tenancy.invitations.invalidate();
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
