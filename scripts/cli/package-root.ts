/** Where Consentry itself is installed: its catalog lives there, whatever the working directory. */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const packageRoot = join(dirname(fileURLToPath(import.meta.url)), "../..");
