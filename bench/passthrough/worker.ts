/**
 * The benchmark's baseline: a Worker that only forwards each request to the
 * origin and streams the answer back, in the same runtime as Consentry.
 *
 * With `FLOOR` set it is instead the floor any HTML-rewriting edge Worker stands
 * on (bench/run.ts, "Floors"): `rewriter` passes HTML through an HTMLRewriter that
 * inserts as many bytes as Consentry does at the start of <body>, and nothing else;
 * `pump` does the same with the body read by JavaScript in large pieces and written
 * into the rewriter, as Consentry must to keep the parser from stopping on
 * `<select>` and framesets (src/html/guarded-transform.ts), without scanning it.
 */
interface Env {
  ORIGIN_URL: string;
  FLOOR?: "rewriter" | "pump";
}

/** About what Consentry writes into a page (guard, banner, style), raw. */
const INSERT = `<div hidden>${"x".repeat(9 * 1024)}</div>`;

function pumped(response: Response): Response {
  const input = new IdentityTransformStream();
  const reader = response.body!.getReader({ mode: "byob" });
  void (async () => {
    const writer = input.writable.getWriter();
    let size = 32 * 1024;
    for (;;) {
      const { done, value } = await reader.read(new Uint8Array(size));
      if (done || value === undefined) break;
      if (value.byteLength === size) size = Math.min(128 * 1024, size * 2);
      void writer.write(value).catch(() => undefined);
      await writer.ready;
    }
    await writer.close();
  })();
  return new Response(input.readable, response);
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const url = new URL(request.url);
    const target = new URL(url.pathname + url.search, env.ORIGIN_URL);
    const response = await fetch(new Request(target, request));
    if (env.FLOOR === undefined || !(response.headers.get("content-type") ?? "").includes("text/html") || response.body === null) return response;
    const rewriter = new HTMLRewriter().on("body", { element: (el) => void el.prepend(INSERT, { html: true }) });
    return rewriter.transform(env.FLOOR === "pump" ? pumped(response) : response);
  },
};
