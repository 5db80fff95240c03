import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { ImportError } from "./importer.ts";

/** Files over this size are refused before reading: no news article is anywhere near it. */
export const MAX_INPUT_BYTES = 50 * 1024 * 1024;

/** One file to import, as found from the command line's FILE | DIR | - arguments. */
export interface InputFile {
  /** The path as the user would recognise it (the argument joined with the path inside a DIR), or "-". */
  name: string;
  /** Section implied by where the file was found: the folder name, for files found in a DIR. */
  folderSection?: string;
}

/** How an input is named in reports and in an article's origin: its path, or "stdin" for "-". */
export function displayName(name: string): string {
  return name === "-" ? "stdin" : name;
}

/** "business" → "Business", "uk-politics" → "Uk Politics". */
export function sectionFromFolder(folder: string): string | undefined {
  const words = folder.replace(/[-_]+/g, " ").trim();
  if (!words || words === "." || words === "..") return undefined;
  return words.replace(/(^|\s)(\p{L})/gu, (_, s: string, c: string) => s + c.toUpperCase());
}

/**
 * The section a file's folder implies, the same whether the file was named on the command line or found
 * in a folder run (`extract politics/011.txt` and `import politics/` agree); none for the working folder.
 */
function folderSectionOf(path: string): string | undefined {
  return sectionFromFolder(basename(dirname(path)));
}

function walk(dir: string, out: InputFile[]): void {
  // Sorted so runs are repeatable (and "duplicate of" always names the same first file); hidden files skipped.
  const entries = readdirSync(dir, { withFileTypes: true })
    .filter((e) => !e.name.startsWith("."))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const path = join(dir, e.name);
    const isDir = e.isDirectory() || (e.isSymbolicLink() && statSync(path, { throwIfNoEntry: false })?.isDirectory());
    if (isDir) walk(path, out);
    else out.push({ name: path, folderSection: folderSectionOf(path) });
  }
}

/** Expands the arguments: a FILE as is, a DIR recursively in sorted order, "-" for standard input. */
export function listInputs(args: string[]): { files: InputFile[]; missing: { file: string; reason: string }[] } {
  const files: InputFile[] = [];
  const missing: { file: string; reason: string }[] = [];
  for (const arg of args) {
    if (arg === "-") {
      files.push({ name: "-" });
      continue;
    }
    const st = statSync(arg, { throwIfNoEntry: false });
    if (!st) missing.push({ file: arg, reason: "no such file or folder" });
    else if (st.isDirectory()) {
      const before = files.length;
      walk(arg, files);
      if (files.length === before)
        missing.push({ file: arg, reason: "no files in this folder (hidden files are skipped)" });
    } else files.push({ name: arg, folderSection: folderSectionOf(arg) });
  }
  return { files, missing };
}

/** Reads standard input, refusing more than the size limit. */
async function readStdin(): Promise<Buffer> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    size += (chunk as Buffer).length;
    if (size > MAX_INPUT_BYTES) throw new ImportError(`larger than the 50 MB limit`);
    parts.push(chunk as Buffer);
  }
  return Buffer.concat(parts);
}

/** The bytes of one input; the size is checked before anything is read. */
export async function readInput(file: InputFile): Promise<Buffer> {
  if (file.name === "-") return readStdin();
  let st: ReturnType<typeof statSync>;
  try {
    st = statSync(file.name);
  } catch (error) {
    throw new ImportError(`cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  if (!st.isFile()) throw new ImportError("not a regular file");
  if (st.size > MAX_INPUT_BYTES) throw new ImportError(`${st.size} bytes, over the 50 MB limit`);
  if (st.size === 0) throw new ImportError("empty file");
  try {
    return readFileSync(file.name);
  } catch (error) {
    throw new ImportError(`cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}
