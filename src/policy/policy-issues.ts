/**
 * Every problem in one policy file, in one pass: the schema's issues over the
 * whole file and the references (categories, vendors, routes) checked as well,
 * so a misspelt key does not hide the bad category behind it.
 *
 * When the schema fails, the file is repaired in a copy and parsed again: a key
 * that is a typo of a missing one is renamed (`catagory` → `category`, so its
 * value is checked too), any other unknown key and any invalid value is dropped
 * (an invalid choice among fixed values is replaced by an allowed one).
 * Once the copy parses, its references are checked; issues under a path already
 * reported are left out, so one mistake gives one line.
 */
import type { Catalog } from "../catalog/catalog.ts";
import { checkReferences } from "./check-references.ts";
import { formatPath, type PolicyIssue } from "./policy-error.ts";
import { policySchema, type Policy } from "./schema.ts";
import { closest, didYouMean } from "./suggest.ts";

const ROUNDS = 8;

interface ZodIssueLike {
  code: string;
  path: PropertyKey[];
  message: string;
  keys?: string[];
  values?: unknown[];
  input?: unknown;
}

export function policyIssues(data: unknown, catalog: Catalog): { policy: Policy | null; issues: PolicyIssue[] } {
  const issues: PolicyIssue[] = [];
  const seen = new Set<string>();
  const reported: string[] = [];
  /** `covers`: the part of the file the issue is about, so nothing under it is reported again. */
  const report = (path: string, message: string, covers = path) => {
    const key = `${path}\n${message}`;
    if (seen.has(key)) return;
    seen.add(key);
    issues.push({ path, message });
    reported.push(covers);
  };
  const covered = (path: string) => reported.some((p) => p === path || path.startsWith(p === "" ? "" : `${p}.`));

  let copy: unknown = structuredClone(data);
  for (let round = 0; round < ROUNDS; round++) {
    const parsed = policySchema.safeParse(copy, { reportInput: true });
    if (parsed.success) {
      for (const issue of checkReferences(parsed.data, catalog)) if (!covered(issue.path)) report(issue.path, issue.message);
      return { policy: issues.length === 0 ? parsed.data : null, issues };
    }
    const list = parsed.error.issues as unknown as ZodIssueLike[];
    // Unknown keys first: renaming a typo may answer the "missing" issue beside it.
    let renamed = false;
    for (const issue of list) {
      if (issue.code !== "unrecognized_keys") continue;
      const holder = valueAt(copy, issue.path);
      if (!isRecord(holder)) continue;
      const known = keysAt(issue.path);
      const absent = known.filter((k) => !(k in holder));
      for (const key of issue.keys ?? []) {
        // Renamed only into a key the object lacks; suggested from every key it allows.
        const match = closest(key, absent);
        const hint = match ?? closest(key, known);
        report(formatPath(issue.path), `unknown key "${key}"${hint === undefined ? known.length > 0 ? ` (known: ${known.join(", ")})` : "" : ` (did you mean "${hint}"?)`}`, formatPath([...issue.path, key]));
        if (match !== undefined) {
          holder[match] = holder[key];
          absent.splice(absent.indexOf(match), 1);
        }
        delete holder[key];
        renamed = true;
      }
    }
    if (renamed) continue;
    let dropped = false;
    for (const issue of list) {
      const path = formatPath(issue.path);
      if (covered(path)) continue;
      report(path, message(issue));
      // An enum value is replaced by an allowed one (a required field cannot simply go).
      const stand = issue.code === "invalid_value" && Array.isArray(issue.values) && issue.values.length > 0 ? { value: issue.values[0] } : undefined;
      dropped = (stand === undefined ? drop(copy, issue.path) : replace(copy, issue.path, stand.value)) || dropped;
    }
    if (!dropped) break;
  }
  // The copy could not be repaired (a required value is wrong): its references stay unchecked.
  return { policy: null, issues };
}

/** zod's message, said the way the rest of Consentry says it. */
function message(issue: ZodIssueLike): string {
  if (issue.code === "invalid_type" && issue.input === undefined && /received undefined/.test(issue.message)) return "missing (required)";
  if (issue.code === "invalid_value" && Array.isArray(issue.values)) {
    const got = (issue as { input?: unknown }).input;
    const options = issue.values.map(String);
    const hint = typeof got === "string" ? didYouMean(got, options) : "";
    return `${typeof got === "string" ? `"${got}" is not one of` : "must be one of"} ${options.map((v) => `"${v}"`).join(", ")}${hint}`;
  }
  return issue.message;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (typeof value !== "object" || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** Drops the value at `path` from an object (an array element cannot go: later indices would shift). */
function drop(root: unknown, path: readonly PropertyKey[]): boolean {
  if (path.length === 0) return false;
  const holder = valueAt(root, path.slice(0, -1));
  const key = path[path.length - 1]!;
  if (!isRecord(holder) || !(String(key) in holder)) return false;
  delete holder[String(key)];
  return true;
}

function replace(root: unknown, path: readonly PropertyKey[], value: unknown): boolean {
  if (path.length === 0) return false;
  const holder = valueAt(root, path.slice(0, -1));
  if (typeof holder !== "object" || holder === null) return false;
  (holder as Record<PropertyKey, unknown>)[path[path.length - 1]!] = value;
  return true;
}

interface SchemaLike {
  _zod: { def: { type: string; shape?: Record<string, SchemaLike>; innerType?: SchemaLike; element?: SchemaLike; in?: SchemaLike; valueType?: SchemaLike; options?: SchemaLike[] } };
}

/** The keys the schema allows for the object at `path`, walking wrappers (default, optional, pipe). */
export function keysAt(path: readonly PropertyKey[]): string[] {
  let schema: SchemaLike | undefined = policySchema as unknown as SchemaLike;
  const unwrap = (s: SchemaLike | undefined): SchemaLike | undefined => {
    let current = s;
    for (let i = 0; i < 10 && current !== undefined; i++) {
      const def: SchemaLike["_zod"]["def"] = current._zod.def;
      if (def.type === "default" || def.type === "optional" || def.type === "nullable" || def.type === "prefault" || def.type === "readonly") current = def.innerType;
      else if (def.type === "pipe") current = def.in;
      else break;
    }
    return current;
  };
  for (const key of path) {
    schema = unwrap(schema);
    if (schema === undefined) return [];
    const def: SchemaLike["_zod"]["def"] = schema._zod.def;
    if (def.type === "object") schema = def.shape?.[String(key)];
    else if (def.type === "array") schema = def.element;
    else if (def.type === "record") schema = def.valueType;
    else return [];
  }
  schema = unwrap(schema);
  const shape = schema?._zod.def.shape;
  return shape === undefined ? [] : Object.keys(shape);
}
