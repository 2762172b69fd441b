// Writes a photo-sized PNG (default 4000 × 3000) of smooth colour fields with fine grain, different for each seed:
// a large image for the media load run, made here rather than downloaded.
// Usage: node scripts/load/photo.mjs FILE SEED [WIDTH HEIGHT]
import { writeFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';

const [file, seedText, widthText = '4000', heightText = '3000'] = process.argv.slice(2);
const seed = Number(seedText);
const width = Number(widthText);
const height = Number(heightText);
const raw = Buffer.alloc((width * 3 + 1) * height);
let state = (seed * 2654435761) >>> 0 || 1;
let at = 0;
for (let y = 0; y < height; y++) {
  raw[at++] = 0; // filter: none
  for (let x = 0; x < width; x++) {
    state ^= state << 13; state >>>= 0; state ^= state >>> 17; state ^= state << 5; state >>>= 0;
    const grain = (state & 63) - 32;
    const a = Math.sin((x + seed * 211) / (310 + seed * 17)) + Math.cos((y - seed * 89) / 270);
    const b = Math.sin((x + y) / (520 + seed * 31));
    raw[at++] = clamp(128 + 60 * a + grain);
    raw[at++] = clamp(120 + 50 * b + 30 * a + grain);
    raw[at++] = clamp(110 - 45 * a + 40 * b + grain);
  }
}

const header = Buffer.alloc(13);
header.writeUInt32BE(width, 0);
header.writeUInt32BE(height, 4);
header[8] = 8; // bits per channel
header[9] = 2; // RGB
writeFileSync(file, Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(raw, { level: 6 })),
  chunk('IEND', Buffer.alloc(0)),
]));

function clamp(value) {
  return value < 0 ? 0 : value > 255 ? 255 : Math.round(value);
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
