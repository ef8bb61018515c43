/**
 * Consentry's own log lines, out of whatever carried them:
 * - `wrangler tail --format json`: one event per request, pretty-printed and
 *   concatenated (not one per line); each `logs[].message[]` entry is one
 *   `console.log` argument, our JSON line as a string;
 * - one JSON line per log line (Workers Logs exports, `jq -c` output);
 * - `wrangler dev`'s terminal, where each line is printed as it was logged.
 * Anything else (wrangler's banners, request lines) is skipped. Pure: text in,
 * lines out, so it runs in the CLI and in the Worker tests that pin the fixture.
 */

/** One line the Worker logged: `{"consentry": "<event>", …}`. */
export type LogLine = Record<string, unknown> & { consentry: string };

export function readLogLines(text: string): LogLine[] {
  const lines: LogLine[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === " " || c === "\n" || c === "\r" || c === "\t") {
      i += 1;
      continue;
    }
    if (c === "{" || c === "[") {
      const end = valueEnd(text, i);
      if (end !== -1) {
        const value = tryParse(text.slice(i, end));
        if (value !== undefined) {
          collect(value, lines);
          i = end;
          continue;
        }
      }
    }
    // Not a JSON value at this point: a plain line that may carry one of ours after a prefix.
    const eol = text.indexOf("\n", i);
    const line = text.slice(i, eol === -1 ? text.length : eol);
    const at = line.indexOf('{"consentry"');
    if (at !== -1) collect(tryParse(line.slice(at).trimEnd()), lines);
    i = eol === -1 ? text.length : eol + 1;
  }
  return lines;
}

/** A tail event, one of our lines, or an array of either. */
function collect(value: unknown, into: LogLine[]): void {
  if (Array.isArray(value)) {
    for (const item of value) collect(item, into);
    return;
  }
  if (!isRecord(value)) return;
  if (typeof value.consentry === "string") {
    into.push(value as LogLine);
    return;
  }
  if (Array.isArray(value.logs)) {
    for (const log of value.logs) {
      if (!isRecord(log) || !Array.isArray(log.message)) continue;
      for (const message of log.message) collect(typeof message === "string" && message.startsWith("{") ? tryParse(message) : message, into);
    }
  }
}

/** The index just past the JSON object or array starting at `start`, or -1 if the text ends first. */
function valueEnd(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i += 1) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i += 1;
      else if (c === '"') inString = false;
      else if (c === "\n") return -1; // JSON strings hold no raw newline: this was not JSON
    } else if (c === '"') inString = true;
    else if (c === "{" || c === "[") depth += 1;
    else if (c === "}" || c === "]") {
      depth -= 1;
      if (depth === 0) return i + 1;
    } else if (c === "\n" && depth === 0) return -1;
  }
  return -1;
}

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
