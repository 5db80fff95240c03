import { buildDeskBundle } from "../src/web/desk/bundle.ts";

/** `npm run build:desk` (also run by postinstall, prestart and pretest): the desk's browser bundle. */
const result = await buildDeskBundle();
process.stdout.write(`desk bundle: ${result.file} ${result.bytes} bytes, ${result.gzipBytes} gzipped\n`);
