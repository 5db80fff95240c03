import iconv from "iconv-lite";
import { ImportError } from "./importer.ts";

export interface DecodedText {
  text: string;
  /** "utf-8", or the fallback that was used; callers report a fallback to the user. */
  encoding: "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";
}

// Bytes windows-1252 leaves undefined: their presence means the text is in some other encoding.
const UNDEFINED_IN_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);
const utf8 = new TextDecoder("utf-8", { fatal: true });
const decoded = new WeakMap<Buffer, DecodedText>();

/** Offset of the first byte that breaks UTF-8, and whether any valid multi-byte sequence came before it. */
function utf8Scan(bytes: Buffer): { invalidAt: number; sawMultibyte: boolean } {
  let sawMultibyte = false;
  let invalidAt = -1;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    let ok = need > 0;
    for (let k = 1; ok && k <= need; k++) ok = i + k < bytes.length && (bytes[i + k] & 0xc0) === 0x80;
    if (ok) {
      sawMultibyte = true;
      i += need + 1;
    } else {
      if (invalidAt < 0) invalidAt = i;
      i++;
    }
  }
  return { invalidAt, sawMultibyte };
}

/** Share of bytes that are control characters no text file contains (not tab, newline, form feed, CR). */
function controlShare(bytes: Buffer): number {
  let n = 0;
  for (const b of bytes) if ((b < 0x20 && b !== 9 && b !== 10 && b !== 12 && b !== 13) || b === 0x7f) n++;
  return bytes.length ? n / bytes.length : 0;
}

/**
 * Decodes a text source: UTF-8 (BOM stripped), UTF-16 with a BOM, and — when the bytes are not valid
 * UTF-8 but read as plausible windows-1252 text (a few accented letters or £ signs among ASCII, as in
 * one file of the BBC corpus) — windows-1252. Anything else is rejected with the reason.
 */
export function decodeText(bytes: Buffer): DecodedText {
  const cached = decoded.get(bytes);
  if (cached) return cached;
  const result = decodeUncached(bytes);
  decoded.set(bytes, result);
  return result;
}

function decodeUncached(bytes: Buffer): DecodedText {
  if (bytes.length === 0) throw new ImportError("empty file");
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: iconv.decode(bytes.subarray(2), "utf-16le"), encoding: "utf-16le" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: iconv.decode(bytes.subarray(2), "utf-16be"), encoding: "utf-16be" };
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw new ImportError(`binary data, not text (NUL byte at offset ${nul})`);
  if (controlShare(bytes) > 0.01) throw new ImportError("binary data, not text (mostly control characters)");
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return { text: utf8.decode(body), encoding: "utf-8" };
  } catch {
    // fall through to the windows-1252 check below
  }
  const { invalidAt, sawMultibyte } = utf8Scan(body);
  const where = `invalid UTF-8 at byte ${invalidAt + (body === bytes ? 0 : 3)}`;
  // Valid UTF-8 sequences next to broken ones mean damaged UTF-8, not another encoding.
  if (sawMultibyte) throw new ImportError(`${where} (the rest is UTF-8, so the file is damaged)`);
  let high = 0;
  let letters = 0;
  for (const b of body) {
    if (UNDEFINED_IN_1252.has(b)) throw new ImportError(`${where}, and not windows-1252 text either`);
    if (b >= 0x80) high++;
    else if ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7a) letters++;
  }
  // Western text in windows-1252 is overwhelmingly ASCII letters; mostly high bytes is another encoding or garbage.
  if (high > letters / 4) throw new ImportError(`${where}, and not plausible windows-1252 text either`);
  return { text: iconv.decode(body, "windows-1252"), encoding: "windows-1252" };
}

/** The decoded text, or null when the bytes are not text at all; for importers' `detect`. */
export function decodedTextOrNull(bytes: Buffer): string | null {
  try {
    return decodeText(bytes).text;
  } catch {
    return null;
  }
}
