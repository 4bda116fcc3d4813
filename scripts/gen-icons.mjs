// Generates the PWA icons (no dependencies: raw RGBA → PNG with zlib). Run: node scripts/gen-icons.mjs
import { deflateSync } from "node:zlib";
import { writeFileSync } from "node:fs";

const crcTable = new Int32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});
const crc32 = (buf) => {
  let c = -1;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};

function png(size, pixel) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) raw.set(pixel(x / size, y / size), y * (size * 4 + 1) + 1 + x * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk("IHDR", ihdr), chunk("IDAT", deflateSync(raw)), chunk("IEND", Buffer.alloc(0))]);
}

const TEAL = [15, 118, 110, 255];
const WHITE = [255, 255, 255, 255];
const DARK = [19, 78, 74, 255];

// A ticket (white slip with printed lines) on teal; `pad` shrinks it into the maskable safe zone.
const ticket = (pad) => (x, y) => {
  const l = 0.3 + pad, r = 0.7 - pad, t = 0.18 + pad, b = 0.82 - pad;
  if (x < l || x > r || y < t || y > b) return TEAL;
  // zig-zag tear at the bottom
  const tooth = ((x - l) / ((r - l) / 6)) % 1;
  if (y > b - 0.04 * (1 - 2 * pad) * (tooth < 0.5 ? tooth * 2 : 2 - tooth * 2)) return TEAL;
  const h = b - t;
  for (const [ly, lw] of [[0.18, 0.8], [0.32, 0.6], [0.46, 0.7], [0.62, 0.45]]) {
    if (y > t + ly * h && y < t + (ly + 0.06) * h && x > l + 0.1 * (r - l) && x < l + (0.1 + lw * 0.8) * (r - l)) return DARK;
  }
  return WHITE;
};

writeFileSync("public/icons/icon-192.png", png(192, ticket(0)));
writeFileSync("public/icons/icon-512.png", png(512, ticket(0)));
writeFileSync("public/icons/maskable-512.png", png(512, ticket(0.06)));
writeFileSync("public/icons/apple-touch-icon.png", png(180, ticket(0)));
console.log("icons written to public/icons/");
