// A small RFC 4180 parser: quoted fields, "" escapes, CRLF/LF/CR line ends, line breaks
// inside quotes. Pure, no dependencies; used by the price-list import on the server.

export type CsvRecord = { /** 1-based line where the record starts. */ line: number; fields: string[] };

/** Guesses the delimiter from the first line: ";" (Excel in es-AR), tab or ",". */
export function detectDelimiter(text: string): string {
  const end = text.search(/\r|\n/);
  const first = end === -1 ? text : text.slice(0, end);
  const count = (d: string) => first.split(d).length - 1;
  const candidates = [";", ",", "\t"].map((d) => [d, count(d)] as const).sort((a, b) => b[1] - a[1]);
  return candidates[0]![1] > 0 ? candidates[0]![0] : ",";
}

export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = "CsvSyntaxError";
  }
}

export function parseCsv(input: string, delimiter = detectDelimiter(input)): CsvRecord[] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input; // BOM
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let line = 1;
  let recordLine = 1;
  let i = 0;
  let quoted = false; // inside a quoted field
  let wasQuoted = false; // the current field was quoted (text after the closing quote is an error)
  const n = text.length;

  const endField = () => {
    fields.push(field);
    field = "";
    wasQuoted = false;
  };
  const endRecord = () => {
    endField();
    // A completely empty line is skipped (common at the end of files).
    if (!(fields.length === 1 && fields[0] === "")) records.push({ line: recordLine, fields });
    fields = [];
  };

  while (i < n) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        wasQuoted = true;
        i++;
        continue;
      }
      if (c === "\n" || (c === "\r" && text[i + 1] !== "\n")) line++;
      field += c;
      i++;
      continue;
    }
    if (c === '"') {
      if (field.length > 0 || wasQuoted) throw new CsvSyntaxError(`Comillas inesperadas en la línea ${line}`, line);
      quoted = true;
      i++;
      continue;
    }
    if (c === delimiter) {
      endField();
      i++;
      continue;
    }
    if (c === "\r" || c === "\n") {
      endRecord();
      i += c === "\r" && text[i + 1] === "\n" ? 2 : 1;
      line++;
      recordLine = line;
      continue;
    }
    if (wasQuoted) throw new CsvSyntaxError(`Texto después de cerrar comillas en la línea ${line}`, line);
    field += c;
    i++;
  }
  if (quoted) throw new CsvSyntaxError(`Comillas sin cerrar desde la línea ${recordLine}`, recordLine);
  if (field.length > 0 || fields.length > 0 || wasQuoted) endRecord();
  return records;
}
