"use client";
import { useId, useState } from "react";
import { Input } from "@/components/ui/field";
import { toInputText, toWire, type NumberReading } from "@/lib/number";

/**
 * A number typed in a table cell, read es-AR style when the person leaves it: readable text is
 * rewritten as es-AR shows it ("1500" → "1.500", so what is on screen is what will be stored);
 * unreadable text stays as typed, marked invalid, with the reading under it.
 */
export function NumberCell({
  label,
  value,
  onChange,
  read,
  maxDecimals = 4,
  onCommit,
  className = "w-28",
  disabled,
}: {
  label: string;
  value: string;
  onChange: (text: string) => void;
  read: (text: string) => NumberReading;
  maxDecimals?: number;
  /** Called with the wire decimal once the person leaves a readable, changed cell. */
  onCommit?: (wire: string) => void;
  className?: string;
  disabled?: boolean;
}) {
  const id = useId();
  const [touched, setTouched] = useState(false);
  const reading = value.trim() === "" ? null : read(value);
  const message = touched && reading && !reading.ok ? reading.message : null;
  return (
    <div className="space-y-1">
      <Input
        aria-label={label}
        className={className}
        inputMode="decimal"
        value={value}
        disabled={disabled}
        invalid={!!message}
        aria-describedby={message ? id : undefined}
        onChange={(e) => onChange(e.target.value)}
        onBlur={() => {
          setTouched(true);
          if (reading?.ok) {
            const shown = toInputText(reading.value, maxDecimals);
            if (shown !== value) onChange(shown);
            onCommit?.(toWire(reading.value));
          }
        }}
      />
      {message ? (
        <p id={id} className="max-w-56 whitespace-normal text-xs text-red-700">
          {message}
        </p>
      ) : null}
    </div>
  );
}
