/**
 * The domains and paths the origin was seen to give its cookies, by name, so a
 * withdrawal can expire copies that no policy declares (a cookie the origin sets
 * with `Path=/billing`). Per isolate and bounded: it learns from the Set-Cookie
 * lines passing through this isolate, forgets everything when full, and is a
 * best effort on top of the policy's declared domains and paths, which stay the
 * reliable source.
 */
import { parseSetCookie } from "cookie";
import { setCookieName } from "./cookie-plan.ts";

export interface SeenScopes {
  /** Learns from the origin's Set-Cookie lines. */
  remember(lines: readonly string[]): void;
  /** What was seen for a cookie name; empty lists when nothing was. */
  scopesOf(name: string): { domains: readonly string[]; paths: readonly string[] };
}

const NONE = Object.freeze({ domains: Object.freeze([]) as readonly string[], paths: Object.freeze([]) as readonly string[] });

export function createSeenScopes(limits = { names: 512, perName: 8 }): SeenScopes {
  const seen = new Map<string, { domains: string[]; paths: string[] }>();
  const add = (list: string[], value: string | undefined) => {
    if (value !== undefined && value !== "" && value.length <= 256 && !list.includes(value) && list.length < limits.perName) list.push(value);
  };
  return {
    remember(lines) {
      for (const line of lines) {
        const name = setCookieName(line);
        if (name === "") continue;
        let parsed: ReturnType<typeof parseSetCookie>;
        try {
          parsed = parseSetCookie(line);
        } catch {
          continue;
        }
        // A plain `Path=/` host-only cookie teaches nothing new.
        const path = parsed.path?.startsWith("/") && parsed.path !== "/" ? parsed.path : undefined;
        const domain = parsed.domain?.toLowerCase().replace(/^\./, "");
        if (path === undefined && domain === undefined) continue;
        let entry = seen.get(name);
        if (entry === undefined) {
          if (seen.size >= limits.names) seen.clear();
          entry = { domains: [], paths: [] };
          seen.set(name, entry);
        }
        add(entry.paths, path);
        add(entry.domains, domain);
      }
    },
    scopesOf(name) {
      return seen.get(name) ?? NONE;
    },
  };
}
