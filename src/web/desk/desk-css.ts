import { readFileSync } from "node:fs";

/** The desk stylesheet, read once. */
export const DESK_CSS = readFileSync(new URL("./desk.css", import.meta.url), "utf8");
