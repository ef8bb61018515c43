/**
 * Where Consentry's CPU goes: a V8 CPU profile of the Worker taken through
 * wrangler's inspector (Chrome DevTools protocol) while the benchmark loads a
 * page, summed by function. Native work (HTMLRewriter's parser, the runtime's
 * HTTP) shows up as "(program)" and the like; JavaScript by function name.
 *
 * The profiler slows the Worker down: these are shares of the time, not timings.
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  functions: ProfileEntry[];
  /** Self time summed per source file (or package), native work in one line. */
  files: ProfileEntry[];
}

export interface ProfileEntry {
  name: string;
  /** The source line the function starts on, where the source map has it. */
  code?: string;
  /** Share of all samples with this function on top of the stack. */
  self: number;
  /** Share of all samples with this function anywhere on the stack. */
  total: number;
}

class Inspector {
  private next = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private readonly socket: WebSocket;
  private constructor(socket: WebSocket) {
    this.socket = socket;
    socket.addEventListener("message", (event) => {
      const message = JSON.parse(String(event.data)) as { id?: number; result?: unknown; error?: { message: string } };
      const waiter = message.id === undefined ? undefined : this.pending.get(message.id);
      if (waiter === undefined) return;
      this.pending.delete(message.id!);
      if (message.error) waiter.reject(new Error(message.error.message));
      else waiter.resolve(message.result);
    });
  }

  /**
   * Connects through wrangler's inspector proxy: it holds workerd's own inspector
   * session, and lets in DevTools from localhost (hence the Origin header).
   */
  static async connect(port: number): Promise<Inspector> {
    const targets = (await (await fetch(`http://127.0.0.1:${port}/json`)).json()) as { webSocketDebuggerUrl: string }[];
    const url = targets[0]?.webSocketDebuggerUrl;
    if (url === undefined) throw new Error("inspector: no Worker target");
    // Node's WebSocket (undici) takes headers in its second argument.
    const socket = new WebSocket(url, { headers: { origin: "http://localhost" } } as unknown as string[]);
    await new Promise((resolve, reject) => {
      socket.addEventListener("open", resolve, { once: true });
      socket.addEventListener("error", () => reject(new Error("inspector: cannot connect")), { once: true });
    });
    return new Inspector(socket);
  }

  send<T>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = this.next++;
    this.socket.send(JSON.stringify({ id, method, params }));
    return new Promise<T>((resolve, reject) => this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject }));
  }

  close(): void {
    this.socket.close();
  }
}

/**
 * Profiles the Worker behind wrangler's inspector on `inspectorPort` while `work`
 * runs; `bundle` is the file wrangler serves, to name the source of each function.
 */
export async function profile(inspectorPort: number, bundle: string | null, work: () => Promise<unknown>): Promise<ProfileSummary> {
  const inspector = await Inspector.connect(inspectorPort);
  try {
    await inspector.send("Profiler.enable");
    await inspector.send("Profiler.setSamplingInterval", { interval: 200 });
    await inspector.send("Profiler.start");
    await work();
    const { profile: p } = await inspector.send<{ profile: Profile }>("Profiler.stop");
    return summarise(p, bundle);
  } finally {
    inspector.close();
  }
}

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** Source map v3 "mappings", decoded to [generated column, source, original line] per generated line. */
function decodeMappings(mappings: string): [number, number, number][][] {
  const lines: [number, number, number][][] = [];
  let source = 0;
  let line = 0;
  let column = 0;
  for (const group of mappings.split(";")) {
    const segments: [number, number, number][] = [];
    let generated = 0;
    for (const segment of group.split(",")) {
      if (segment === "") continue;
      const values: number[] = [];
      let value = 0;
      let shift = 0;
      for (const ch of segment) {
        const digit = B64.indexOf(ch);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          values.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      generated += values[0]!;
      if (values.length >= 4) {
        source += values[1]!;
        line += values[2]!;
        column += values[3]!;
        segments.push([generated, source, line]);
      }
    }
    lines.push(segments);
  }
  return lines;
}

/** node_modules/hono/dist/… → hono; ../../src/html/x.ts → src/html/x.ts. */
function shortSource(path: string): string {
  const clean = path.replace(/^(?:\.\.\/)+/, "").replace(/^.*?\/(src|bench|node_modules)\//, "$1/");
  return clean.replace(/^node_modules\/(@[^/]+\/[^/]+|[^/]+)\/.*$/, "$1");
}

/** Where a position of the Worker's bundle comes from, read from the source map wrangler writes beside it. */
function sourceMapper(bundle: string | null): (url: string, line: number, column: number) => { file: string; line: number; code: string } | null {
  let map: { sources: string[]; contents: (string[] | null)[]; lines: [number, number, number][][] } | null | undefined;
  return (url, line, column) => {
    if (bundle === null || basename(bundle) !== basename(url)) return null;
    if (map === undefined) {
      try {
        const raw = JSON.parse(readFileSync(`${bundle}.map`, "utf8")) as { sources: string[]; sourcesContent?: (string | null)[]; mappings: string };
        map = {
          sources: raw.sources.map(shortSource),
          contents: raw.sources.map((_, i) => raw.sourcesContent?.[i]?.split("\n") ?? null),
          lines: decodeMappings(raw.mappings),
        };
      } catch {
        map = null;
      }
    }
    const segments = map?.lines[line];
    if (!map || !segments || segments.length === 0) return null;
    let found = segments[0]!;
    for (const seg of segments) {
      if (seg[0] > column) break;
      found = seg;
    }
    return { file: map.sources[found[1]] ?? "?", line: found[2] + 1, code: map.contents[found[1]]?.[found[2]]?.trim() ?? "" };
  };
}

/** A function's name and where it lives; native and runtime frames have no URL. */
function labeller(bundle: string | null): (n: ProfileNode) => { name: string; file: string; code?: string } {
  const source = sourceMapper(bundle);
  return (n) => {
    const { functionName, url, lineNumber, columnNumber } = n.callFrame;
    if (url === "") return { name: functionName || "(native)", file: "(runtime: HTML parsing, HTTP, GC)" };
    const at = source(url, lineNumber, columnNumber);
    if (at === null) return { name: `${functionName || "(anonymous)"} · ${url}:${lineNumber + 1}`, file: url };
    return { name: `${functionName || "(anonymous)"} · ${at.file}:${at.line}`, file: at.file, code: at.code };
  };
}

function summarise(p: Profile, bundle: string | null): ProfileSummary {
  const label = labeller(bundle);
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const labels = new Map(p.nodes.map((n) => [n.id, label(n)]));
  // A native function called from JavaScript (new URL, getAttribute, HTMLRewriter.on)
  // is charged to the caller's file; only work no JavaScript asked for stays native.
  const ownerFile = (id: number): string => {
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
      if (byId.get(n)!.callFrame.url !== "") return labels.get(n)!.file;
    }
    return labels.get(id)!.file;
  };
  const fileSelf = new Map<string, number>();
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let all = 0;
  p.samples.forEach((id, i) => {
    const dt = Math.max(0, p.timeDeltas[i] ?? 0);
    if (byId.get(id)?.callFrame.functionName === "(idle)") return;
    all += dt;
    const top = labels.get(id)!;
    self.set(top.name, (self.get(top.name) ?? 0) + dt);
    const file = ownerFile(id);
    fileSelf.set(file, (fileSelf.get(file) ?? 0) + dt);
    const seen = new Set<string>();
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
      const name = labels.get(n)!.name;
      if (seen.has(name)) continue;
      seen.add(name);
      total.set(name, (total.get(name) ?? 0) + dt);
    }
  });
  const codeOf = new Map([...labels.values()].map((l) => [l.name, l.code]));
  const functions = [...total.keys()]
    .map((name) => ({ name, code: codeOf.get(name), self: (self.get(name) ?? 0) / all, total: (total.get(name) ?? 0) / all }))
    .filter((e) => e.name !== "(root)")
    .sort((a, b) => b.self - a.self);
  const files = [...fileSelf].map(([name, t]) => ({ name, self: t / all, total: t / all })).sort((a, b) => b.self - a.self);
  return { functions, files };
}
