import { describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { Field, Input, Select } from "./field";

// Screen readers read a field's error with its control only when the control points at it.
const attr = (html: string, tag: string, name: string) => new RegExp(`<${tag}[^>]*\\s${name}="([^"]*)"`).exec(html)?.[1];

describe("Field", () => {
  it("links the control to its error with aria-describedby and marks it invalid", () => {
    const html = renderToStaticMarkup(
      <Field label="Precio" error={["Ingresá un precio"]}>
        <Input name="price" />
      </Field>,
    );
    const describedBy = attr(html, "input", "aria-describedby");
    expect(describedBy).toBeTruthy();
    expect(html).toContain(`id="${describedBy}" role="alert"`);
    expect(attr(html, "input", "aria-invalid")).toBe("true");
  });

  it("points at the hint when there is no error, and keeps the control's own description", () => {
    const html = renderToStaticMarkup(
      <Field label="Depósito" hint="El de la caja">
        <Select aria-describedby="otra-ayuda">
          <option>Central</option>
        </Select>
      </Field>,
    );
    const ids = attr(html, "select", "aria-describedby")!.split(" ");
    expect(ids[0]).toBe("otra-ayuda");
    expect(html).toContain(`id="${ids[1]}"`);
    expect(html).toContain("El de la caja");
    expect(attr(html, "select", "aria-invalid")).toBeUndefined();
  });

  it("says nothing extra for a plain field", () => {
    const html = renderToStaticMarkup(
      <Field label="Nombre">
        <Input />
      </Field>,
    );
    expect(attr(html, "input", "aria-describedby")).toBeUndefined();
  });
});
