/**
 * Opens an .xlsx (a zip archive) of unknown origin without trusting it: the
 * central directory is read first and the archive refused when it holds too many
 * entries or declares too much data; then only the XML parts are inflated, in
 * small slices, and refused as soon as one yields more than it declared. What
 * comes out is repacked uncompressed ("stored") for read-excel-file, which then
 * inflates nothing itself (and so never starts fflate's blob: worker, which a
 * strict Content-Security-Policy forbids).
 */
import { Inflate, zipSync } from 'fflate';
import type { ImportMessageKey, ImportParams } from './messages.js';
import { formatSize } from './messages.js';

export const ZIP_LIMITS = {
  /** Entries in the archive: a workbook of a dozen sheets has fewer than 60. */
  entries: 2000,
  /** All XML parts together, unpacked. A 20,000-row sheet is about 10 MB of XML. */
  unpackedBytes: 200 * 1024 * 1024,
};

export class ZipRefused extends Error {
  constructor(
    readonly key: ImportMessageKey,
    readonly params: ImportParams = {},
  ) {
    super(key);
  }
}

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  flags: number;
}

function centralDirectory(bytes: Uint8Array): Entry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new ZipRefused('read.zipCorrupt', { detail: 'no end of central directory' });
  const count = view.getUint16(end + 10, true);
  const offset = view.getUint32(end + 16, true);
  if (count === 0xffff || offset === 0xffffffff)
    throw new ZipRefused('read.zipTooBig', { size: '> 4 GB', limit: formatSize(ZIP_LIMITS.unpackedBytes) });
  if (count > ZIP_LIMITS.entries) throw new ZipRefused('read.zipEntries', { count, limit: ZIP_LIMITS.entries });
  const decoder = new TextDecoder();
  const entries: Entry[] = [];
  let at = offset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50)
      throw new ZipRefused('read.zipCorrupt', { detail: 'central directory' });
    const nameLength = view.getUint16(at + 28, true);
    entries.push({
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
    });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return entries;
}

/** The parts read-excel-file reads (as its own filter does): XML and relationships. */
const wanted = (name: string) => name.endsWith('.xml') || name.endsWith('.rels');

/** Checks, inflates within limits and repacks an .xlsx; returns the repacked archive and its XML parts. Throws ZipRefused. */
export function safeRepack(bytes: Uint8Array): { packed: Uint8Array; files: Record<string, Uint8Array> } {
  const entries = centralDirectory(bytes).filter((entry) => wanted(entry.name));
  let declared = 0;
  for (const entry of entries) {
    if (entry.flags & 1) throw new ZipRefused('read.zipEncrypted');
    declared += entry.size;
  }
  if (declared > ZIP_LIMITS.unpackedBytes)
    throw new ZipRefused('read.zipTooBig', { size: formatSize(declared), limit: formatSize(ZIP_LIMITS.unpackedBytes) });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const files: Record<string, Uint8Array> = {};
  for (const entry of entries) {
    const local = entry.localOffset;
    if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50)
      throw new ZipRefused('read.zipCorrupt', { detail: entry.name });
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const data = bytes.subarray(start, start + entry.compressedSize);
    if (data.length !== entry.compressedSize) throw new ZipRefused('read.zipCorrupt', { detail: entry.name });
    if (entry.method === 0) {
      if (entry.compressedSize !== entry.size) throw new ZipRefused('read.zipLied', { entry: entry.name });
      files[entry.name] = data;
    } else if (entry.method === 8) {
      files[entry.name] = inflateAtMost(data, entry);
    } else {
      throw new ZipRefused('read.zipCorrupt', { detail: `${entry.name}: method ${entry.method}` });
    }
  }
  return { packed: zipSync(files, { level: 0 }), files };
}

/** Inflates in 16 KB slices (at most ~16 MB out per slice), stopping once past the declared size. */
function inflateAtMost(data: Uint8Array, entry: Entry): Uint8Array {
  const out = new Uint8Array(entry.size);
  let written = 0;
  const inflate = new Inflate((chunk) => {
    if (written + chunk.length > out.length) throw new ZipRefused('read.zipLied', { entry: entry.name });
    out.set(chunk, written);
    written += chunk.length;
  });
  const SLICE = 16 * 1024;
  try {
    for (let i = 0; i < data.length; i += SLICE) inflate.push(data.subarray(i, i + SLICE), i + SLICE >= data.length);
  } catch (error) {
    if (error instanceof ZipRefused) throw error;
    throw new ZipRefused('read.zipCorrupt', { detail: `${entry.name}: ${(error as Error).message}` });
  }
  if (written !== entry.size) throw new ZipRefused('read.zipCorrupt', { detail: `${entry.name}: size` });
  return out;
}
