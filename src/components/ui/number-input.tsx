"use client";
import { useId, useState, type InputHTMLAttributes, type KeyboardEvent, type Ref } from "react";
import { readNumberField, type NumberKind } from "@/lib/number-field";
import { Input } from "./field";

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, "value" | "onChange" | "type" | "inputMode"> & {
  /** money, quantity, cost, price, percent or integer: decides the decimals and size accepted. */
  kind: NumberKind;
  /** The text as the person typed it (edit forms start it with `toInputText(stored)`). */
  value: string;
  onValueChange: (text: string) => void;
  /** A field name for messages ("Cantidad"). */
  label?: string;
  allowNegative?: boolean;
  invalid?: boolean;
  ref?: Ref<HTMLInputElement>;
};

/**
 * The one input for money, quantities, costs, prices and percentages. It never converts while
 * the person types (a half-typed "1.5" is not a number yet): on commit — leaving the field or
 * pressing Enter — it reads the text es-AR style, shows it back formatted ("1500" → "1.500") or,
 * when it cannot be read unambiguously, says how it was read in an error linked to the input.
 * An unreadable value also blocks the form's submit (constraint validation), so the form never
 * sends a number nobody meant.
 */
export function NumberInput({ kind, value, onValueChange, label, allowNegative, invalid, onBlur, onKeyDown, className = "", ...rest }: Props) {
  const errorId = useId();
  const [error, setError] = useState<string | null>(null);

  const commit = (input: HTMLInputElement) => {
    const r = readNumberField(input.value, kind, { label, allowNegative });
    if (!r.ok) {
      input.setCustomValidity(r.message);
      setError(r.message);
      return;
    }
    input.setCustomValidity("");
    setError(null);
    if (r.text !== input.value) onValueChange(r.text);
  };

  const describedBy = [rest["aria-describedby"], error ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <>
      <Input
        {...rest}
        type="text"
        inputMode={kind === "integer" ? "numeric" : "decimal"}
        autoComplete="off"
        value={value}
        invalid={invalid || !!error}
        aria-describedby={describedBy}
        className={`tabular-nums ${className}`}
        onChange={(e) => {
          // Typing clears the previous verdict; the new text is read when committed.
          if (error) {
            e.currentTarget.setCustomValidity("");
            setError(null);
          }
          onValueChange(e.target.value);
        }}
        onBlur={(e) => {
          commit(e.currentTarget);
          onBlur?.(e);
        }}
        onKeyDown={(e: KeyboardEvent<HTMLInputElement>) => {
          if (e.key === "Enter") commit(e.currentTarget);
          onKeyDown?.(e);
        }}
      />
      {error ? (
        <span id={errorId} role="alert" className="block text-sm text-red-600">
          {error}
        </span>
      ) : null}
    </>
  );
}
