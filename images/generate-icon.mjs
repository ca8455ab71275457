#!/usr/bin/env node
// Draws images/icon.png (128×128), the extension's icon: a natural killer cell (a round cell with
// its nucleus and cytotoxic granules) carrying Y-shaped chimeric antigen receptors on its surface,
// on a deep-teal rounded square. Pure Node: shapes are signed-distance functions sampled 4×4 per
// pixel for anti-aliasing, and the PNG is assembled with zlib. Run: node images/generate-icon.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const SAMPLES = 4;

/** Distance from point p to segment a–b. */
function segmentDistance(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}

/** Signed distance to a rounded square filling the canvas (negative inside). */
function roundedSquare(x, y) {
  const half = SIZE / 2 - 2;
  const radius = 24;
  const qx = Math.abs(x - SIZE / 2) - (half - radius);
  const qy = Math.abs(y - SIZE / 2) - (half - radius);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
}

const centre = { x: 64, y: 68 };
const cellRadius = 34;
// Receptors point outwards at these angles (degrees, 0 = up, clockwise).
const receptorAngles = [-60, -20, 20, 60, 115, 245];
const receptors = receptorAngles.map((degrees) => {
  const a = (degrees * Math.PI) / 180;
  const ux = Math.sin(a);
  const uy = -Math.cos(a);
  const base = { x: centre.x + ux * (cellRadius - 1), y: centre.y + uy * (cellRadius - 1) };
  const fork = { x: base.x + ux * 11, y: base.y + uy * 11 };
  const spread = 0.55;
  const arm = (sign) => {
    const ax = Math.sin(a + sign * spread);
    const ay = -Math.cos(a + sign * spread);
    return { x: fork.x + ax * 9, y: fork.y + ay * 9 };
  };
  return { base, fork, left: arm(-1), right: arm(1) };
});
const granules = [
  { x: 50, y: 84, r: 4 },
  { x: 80, y: 86, r: 3.5 },
  { x: 84, y: 56, r: 3 },
];

const palette = {
  background: [15, 76, 92],
  cell: [236, 244, 240],
  nucleus: [126, 87, 194],
  granule: [229, 57, 53],
  receptor: [255, 202, 40],
};

/** Colour (RGBA, 0–255) at a sample point, painting from back to front. */
function colourAt(x, y) {
  if (roundedSquare(x, y) > 0) return [0, 0, 0, 0];
  let colour = palette.background;
  for (const r of receptors) {
    const d = Math.min(
      segmentDistance(x, y, r.base.x, r.base.y, r.fork.x, r.fork.y),
      segmentDistance(x, y, r.fork.x, r.fork.y, r.left.x, r.left.y),
      segmentDistance(x, y, r.fork.x, r.fork.y, r.right.x, r.right.y),
    );
    if (d < 3.2) colour = palette.receptor;
  }
  const fromCentre = Math.hypot(x - centre.x, y - centre.y);
  if (fromCentre < cellRadius) colour = palette.cell;
  if (Math.hypot(x - 62, y - 64) < 15) colour = palette.nucleus;
  for (const g of granules) if (Math.hypot(x - g.x, y - g.y) < g.r) colour = palette.granule;
  return [...colour, 255];
}

const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let py = 0; py < SIZE; py++) {
  raw[py * (SIZE * 4 + 1)] = 0; // filter: none
  for (let px = 0; px < SIZE; px++) {
    const sum = [0, 0, 0, 0];
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const c = colourAt(px + (sx + 0.5) / SAMPLES, py + (sy + 0.5) / SAMPLES);
        // Premultiply so transparent samples do not darken the edges.
        sum[0] += c[0] * c[3];
        sum[1] += c[1] * c[3];
        sum[2] += c[2] * c[3];
        sum[3] += c[3];
      }
    }
    const offset = py * (SIZE * 4 + 1) + 1 + px * 4;
    const alpha = sum[3] / (SAMPLES * SAMPLES);
    for (let i = 0; i < 3; i++) raw[offset + i] = sum[3] > 0 ? Math.round(sum[i] / sum[3]) : 0;
    raw[offset + 3] = Math.round(alpha);
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // colour type: RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
const out = new URL('./icon.png', import.meta.url);
writeFileSync(out, png);
console.log(`wrote ${out.pathname} (${png.length} bytes)`);
