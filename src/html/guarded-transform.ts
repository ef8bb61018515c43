/**
 * HTMLRewriter.transform with a guard in front: the origin's bytes go through the
 * ambiguity scanner first, and where the rewriter would stop with a parsing
 * ambiguity (`<select><style>`, a frameset page's `<script>`), it gets the page
 * up to that point and the rest streams to the visitor as the origin sent it.
 * The page is never cut short; what follows such a tag is not rewritten, and the
 * allowlist the browser enforces still refuses whatever it loads.
 *
 * Still streaming: each chunk goes on as soon as the scanner has read it (a tag
 * cut by a chunk boundary waits for the next chunk).
 */
import { AmbiguityScanner } from "./ambiguity-scanner.ts";

export function guardedTransform(rewriter: HTMLRewriter, response: Response, onBypass: () => void): Response {
  if (response.body === null) return rewriter.transform(response);
  const source = response.body.getReader();
  const toRewriter = new TransformStream<Uint8Array, Uint8Array>();
  const rewritten = rewriter.transform(new Response(toRewriter.readable, response));
  const out = new TransformStream<Uint8Array, Uint8Array>();

  const pump = async () => {
    const input = toRewriter.writable.getWriter();
    const output = out.writable.getWriter();
    const reader = rewritten.body!.getReader();
    const drained = (async () => {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        await output.write(value);
      }
    })();
    // A rewriter error must not go unobserved while the input is still being fed.
    drained.catch(() => undefined);
    const scanner = new AmbiguityScanner();
    try {
      for (;;) {
        const { done, value } = await source.read();
        if (done) break;
        const { feed, rest } = scanner.push(value);
        if (feed.length > 0) await input.write(feed);
        if (rest !== null) {
          onBypass();
          await input.close();
          await drained;
          if (rest.length > 0) await output.write(rest);
          for (;;) {
            const next = await source.read();
            if (next.done) break;
            await output.write(next.value);
          }
          await output.close();
          return;
        }
      }
      const tail = scanner.finish();
      if (tail.length > 0) await input.write(tail);
      await input.close();
      await drained;
      await output.close();
    } catch (error) {
      await input.abort(error).catch(() => undefined);
      await output.abort(error).catch(() => undefined);
      await source.cancel(error).catch(() => undefined);
    }
  };
  void pump();
  return new Response(out.readable, rewritten);
}
