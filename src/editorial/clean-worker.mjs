// Worker threads do not inherit the tsx loader bin/newsdesk.js registers; register it here.
import { register } from "tsx/esm/api";

register();
await import("./clean-worker.ts");
