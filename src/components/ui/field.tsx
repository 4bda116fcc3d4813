"use client";
import { createContext, useContext, useId, type InputHTMLAttributes, type ReactNode, type Ref, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";

const control =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-teal-600 focus:outline-none focus:ring-1 focus:ring-teal-600 aria-[invalid=true]:border-red-500";

/** What a Field tells the control inside it: the id of its error (or hint) text, and whether it is in error. */
const FieldContext = createContext<{ describedBy?: string; invalid: boolean } | null>(null);

/**
 * The ARIA a control inside a Field needs: `aria-describedby` pointing at the field's error (or
 * hint) so screen readers read it with the control, and `aria-invalid` while there is an error.
 * Input, Select and Textarea use it; a custom control inside a Field can spread it too.
 */
export function useFieldAria(own: { invalid?: boolean; "aria-describedby"?: string } = {}) {
  const field = useContext(FieldContext);
  const describedBy = [own["aria-describedby"], field?.describedBy].filter(Boolean).join(" ") || undefined;
  return { "aria-describedby": describedBy, "aria-invalid": own.invalid || field?.invalid || undefined };
}

/** A labelled control with its error under it; errors come from zod field errors or AppError details. */
export function Field({ label, error, hint, children }: { label: string; error?: string[] | string; hint?: ReactNode; children: ReactNode }) {
  const id = useId();
  const message = Array.isArray(error) ? error[0] : error;
  const describedBy = message ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <label className="block space-y-1">
      <span className="text-sm font-medium text-slate-700">{label}</span>
      <FieldContext.Provider value={{ describedBy, invalid: !!message }}>{children}</FieldContext.Provider>
      {message ? (
        <span id={`${id}-error`} role="alert" className="block text-sm text-red-700">
          {message}
        </span>
      ) : hint ? (
        <span id={`${id}-hint`} className="block text-xs text-slate-600">
          {hint}
        </span>
      ) : null}
    </label>
  );
}

export function Input({ invalid, className = "", ...props }: InputHTMLAttributes<HTMLInputElement> & { invalid?: boolean; ref?: Ref<HTMLInputElement> }) {
  const aria = useFieldAria({ invalid, "aria-describedby": props["aria-describedby"] });
  return <input {...props} {...aria} className={`${control} ${className}`} />;
}

export function Select({ invalid, className = "", ...props }: SelectHTMLAttributes<HTMLSelectElement> & { invalid?: boolean }) {
  const aria = useFieldAria({ invalid, "aria-describedby": props["aria-describedby"] });
  return <select {...props} {...aria} className={`${control} ${className}`} />;
}

export function Textarea({ invalid, className = "", ...props }: TextareaHTMLAttributes<HTMLTextAreaElement> & { invalid?: boolean }) {
  const aria = useFieldAria({ invalid, "aria-describedby": props["aria-describedby"] });
  return <textarea {...props} {...aria} className={`${control} ${className}`} />;
}

export function Alert({ kind = "error", children }: { kind?: "error" | "info" | "success" | "warning"; children: ReactNode }) {
  const tone = {
    error: "border-red-200 bg-red-50 text-red-800",
    info: "border-sky-200 bg-sky-50 text-sky-800",
    success: "border-emerald-200 bg-emerald-50 text-emerald-800",
    warning: "border-amber-200 bg-amber-50 text-amber-900",
  }[kind];
  return (
    <div role={kind === "error" ? "alert" : "status"} className={`rounded-md border px-3 py-2 text-sm ${tone}`}>
      {children}
    </div>
  );
}
