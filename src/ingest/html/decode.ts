import iconv from "iconv-lite";
import { ImportError } from "../importer.ts";

const SNIFF_BYTES = 4096;

/** True when the bytes look like a binary file (NUL bytes or many control characters), not text. */
export function looksBinary(bytes: Buffer): boolean {
  const head = bytes.subarray(0, SNIFF_BYTES);
  if (head.length === 0) return false;
  // UTF-16 text has NULs but a BOM; treat it as text.
  if (head[0] === 0xff && head[1] === 0xfe) return false;
  if (head[0] === 0xfe && head[1] === 0xff) return false;
  let control = 0;
  for (const b of head) {
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return control / head.length > 0.05;
}

/** The charset a page declares: BOM first, then <meta charset> or http-equiv in its first bytes. */
export function declaredCharset(bytes: Buffer): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  const head = bytes.subarray(0, SNIFF_BYTES).toString("latin1");
  const m =
    head.match(/<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i) ??
    head.match(/<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i);
  return m?.[1].toLowerCase();
}

/** Decodes page bytes to text by the declared charset; UTF-8 when none is declared or it is unknown. */
export function decodeHtml(bytes: Buffer): string {
  if (looksBinary(bytes)) throw new ImportError("binary content, not an HTML page");
  const charset = declaredCharset(bytes);
  // Saved pages are often re-encoded as UTF-8 while still declaring their original charset; bytes
  // that are valid UTF-8 are almost never meant as anything else.
  if (!charset?.startsWith("utf-16") && isValidUtf8(bytes)) {
    const utf8 = bytes.toString("utf8");
    return utf8.charCodeAt(0) === 0xfeff ? utf8.slice(1) : utf8;
  }
  const text =
    charset && charset !== "utf-8" && charset !== "utf8" && iconv.encodingExists(charset)
      ? iconv.decode(bytes, charset)
      : bytes.toString("utf8");
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function isValidUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
