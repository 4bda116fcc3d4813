import "server-only";
import { crc32, createDeflateRaw } from "node:zlib";
import { compactRowXml, rowXml, SHEET_END, SHEET_START, workbookParts, type XlsxCell } from "@/lib/xlsx";

// The streaming container for the workbook lib/xlsx.ts describes: rows written as they come
// (memory stays flat however many rows), each part deflated, the ZIP written with data
// descriptors so no part has to be buffered to know its size. Node only (zlib).

export type { XlsxCell };

type Entry = { name: Buffer; crc: number; compressed: number; size: number; offset: number };

/** Where the zip goes: bytes written so far (the next entry's offset) and the entries for the directory. */
type ZipSink = { offset: number; entries: Entry[]; emit: (b: Buffer) => Promise<void> };

/** One deflated part: local header, data as it streams (CRC and sizes counted), data descriptor. */
async function writePart(zip: ZipSink, name: string, body: AsyncIterable<string> | Iterable<string>, level = 6) {
  const nameBuf = Buffer.from(name, "utf8");
  const entry: Entry = { name: nameBuf, crc: 0, compressed: 0, size: 0, offset: zip.offset };
  const head = Buffer.alloc(30);
  head.writeUInt32LE(0x04034b50, 0);
  head.writeUInt16LE(20, 4); // version needed
  head.writeUInt16LE(0x0808, 6); // data descriptor + UTF-8 names
  head.writeUInt16LE(8, 8); // deflate
  head.writeUInt32LE(0x00210000, 10); // 1980-01-01 00:00 (reproducible files)
  head.writeUInt16LE(nameBuf.length, 26);
  await zip.emit(Buffer.concat([head, nameBuf]));

  const deflate = createDeflateRaw({ level });
  const out: Buffer[] = [];
  deflate.on("data", (c: Buffer) => out.push(c));
  const flushOut = async () => {
    while (out.length) {
      const c = out.shift()!;
      entry.compressed += c.length;
      await zip.emit(c);
    }
  };
  let pending = "";
  const push = async (text: string, force = false) => {
    pending += text;
    if (!force && pending.length < 64 * 1024) return;
    const buf = Buffer.from(pending, "utf8");
    pending = "";
    entry.crc = crc32(buf, entry.crc);
    entry.size += buf.length;
    await new Promise<void>((resolve, reject) => deflate.write(buf, (e) => (e ? reject(e) : resolve())));
    await flushOut();
  };
  for await (const text of body) await push(text);
  await push("", true);
  await new Promise<void>((resolve) => deflate.end(resolve));
  await new Promise<void>((resolve) => (deflate.readableEnded ? resolve() : deflate.once("end", () => resolve())));
  await flushOut();

  const desc = Buffer.alloc(16);
  desc.writeUInt32LE(0x08074b50, 0);
  desc.writeUInt32LE(entry.crc >>> 0, 4);
  desc.writeUInt32LE(entry.compressed, 8);
  desc.writeUInt32LE(entry.size, 12);
  await zip.emit(desc);
  zip.entries.push(entry);
}

/**
 * Writes a workbook with one sheet named `sheetName` to `write` (which may await backpressure).
 * `rows` is any (async) iterable of rows; the first is usually the header.
 */
export async function writeXlsx(
  sheetName: string,
  rows: AsyncIterable<XlsxCell[]> | Iterable<XlsxCell[]>,
  write: (chunk: Uint8Array) => Promise<void> | void,
): Promise<void> {
  async function* single(): AsyncIterable<XlsxCell[][]> {
    for await (const row of rows) yield [row];
  }
  await writeXlsxBatches(sheetName, single(), write);
}

/**
 * The same workbook from rows in batches: one await per batch instead of one per row (a
 * month's journal is ~700,000 rows). `large`: rows without cell references (compactRowXml)
 * and the sheet deflated at level 1 — a few percent bigger, several times less CPU.
 */
export async function writeXlsxBatches(
  sheetName: string,
  batches: AsyncIterable<XlsxCell[][]> | Iterable<XlsxCell[][]>,
  write: (chunk: Uint8Array) => Promise<void> | void,
  opts: { large?: boolean } = {},
): Promise<void> {
  const zip: ZipSink = {
    offset: 0,
    entries: [],
    emit: async (b) => {
      zip.offset += b.length;
      await write(b);
    },
  };
  const part = (name: string, body: AsyncIterable<string> | Iterable<string>) => writePart(zip, name, body);

  for (const [name, xml] of workbookParts(sheetName, { styles: false })) await part(name, [xml]);
  async function* sheet(): AsyncIterable<string> {
    yield `${SHEET_START}<sheetData>`;
    let i = 0;
    for await (const batch of batches) {
      let xml = "";
      for (const row of batch) xml += opts.large ? compactRowXml(i++, row) : rowXml(i++, row);
      yield xml;
    }
    yield SHEET_END;
  }
  await writePart(zip, "xl/worksheets/sheet1.xml", sheet(), opts.large ? 1 : 6);

  const centralStart = zip.offset;
  for (const e of zip.entries) {
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(0x0808, 8);
    c.writeUInt16LE(8, 10);
    c.writeUInt32LE(0x00210000, 12);
    c.writeUInt32LE(e.crc >>> 0, 16);
    c.writeUInt32LE(e.compressed, 20);
    c.writeUInt32LE(e.size, 24);
    c.writeUInt16LE(e.name.length, 28);
    c.writeUInt32LE(e.offset, 42);
    await zip.emit(Buffer.concat([c, e.name]));
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(zip.entries.length, 8);
  end.writeUInt16LE(zip.entries.length, 10);
  end.writeUInt32LE(zip.offset - centralStart, 12);
  end.writeUInt32LE(centralStart, 16);
  await zip.emit(end);
}
