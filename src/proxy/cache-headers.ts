/**
 * A response shaped by one visitor's consent must never be served to another by a
 * shared cache (RFC 9111 §5.2.2.7 private, §4.1 Vary).
 */
const VARY_ON = ["Cookie", "Sec-GPC"];

export function markPersonalised(headers: Headers): void {
  const vary = (headers.get("vary") ?? "").split(",").map((v) => v.trim()).filter((v) => v !== "");
  if (!vary.includes("*")) {
    for (const name of VARY_ON) if (!vary.some((v) => v.toLowerCase() === name.toLowerCase())) vary.push(name);
    headers.set("vary", vary.join(", "));
  }
  const directives = (headers.get("cache-control") ?? "")
    .split(",")
    .map((d) => d.trim())
    .filter((d) => d !== "" && !/^(?:public|s-maxage=.*|private)$/i.test(d));
  headers.set("cache-control", ["private", ...directives].join(", "));
}
