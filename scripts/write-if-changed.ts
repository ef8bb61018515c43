/**
 * Writes a generated file only when its content changes: wrangler watches
 * policies/ and src/, and an unchanged rewrite would trigger an endless rebuild.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";

export function writeIfChanged(path: string, content: string): void {
  if (existsSync(path) && readFileSync(path, "utf8") === content) return;
  writeFileSync(path, content);
}
