/**
 * HTMLRewriter.transform with the ambiguity scanner in front
 * (src/html/ambiguity-scanner.ts): markup the streaming parser cannot take
 * (`<select><style>`, a frameset page's `<script>`) no longer stops it and cuts
 * the page short.
 *
 * Cheap, and still streaming: the origin's body is read in large pieces (a BYOB
 * reader takes what has arrived at once, instead of the network's ~4 KiB chunks:
 * each chunk through JavaScript costs ~65 µs here; the buffer grows while reads
 * fill it and shrinks when they do not, so little is allocated for nothing) and
 * written into a native IdentityTransformStream the rewriter reads; the
 * rewriter's output goes to the visitor natively, never through JavaScript.
 */
import { AmbiguityScanner } from "./ambiguity-scanner.ts";

const MIN_PIECE = 8 * 1024;
const MAX_PIECE = 128 * 1024;

type Read = () => Promise<Uint8Array | null>;

/** Reads large pieces where the stream allows it (byte streams), else its own chunks. */
function reader(body: ReadableStream<Uint8Array>): { read: Read; cancel: (reason: unknown) => Promise<void> } {
  try {
    const byob = body.getReader({ mode: "byob" });
    let size = 32 * 1024;
    return {
      read: async () => {
        const { done, value } = await byob.read(new Uint8Array(size));
        if (done || value === undefined) return null;
        if (value.byteLength === size) size = Math.min(MAX_PIECE, size * 2);
        else if (value.byteLength < size / 4) size = Math.max(MIN_PIECE, size / 2);
        return value;
      },
      cancel: (reason) => byob.cancel(reason),
    };
  } catch {
    const plain = body.getReader();
    return {
      read: async () => {
        const { done, value } = await plain.read();
        return done ? null : value;
      },
      cancel: (reason) => plain.cancel(reason),
    };
  }
}

export function guardedTransform(rewriter: HTMLRewriter, response: Response, onInjection: () => void): Response {
  if (response.body === null) return rewriter.transform(response);
  const source = reader(response.body);
  const input = new IdentityTransformStream();
  const pump = async () => {
    const writer = input.writable.getWriter();
    const scanner = new AmbiguityScanner();
    try {
      for (let chunk = await source.read(); chunk !== null; chunk = await source.read()) {
        const before = scanner.injections;
        const feed = scanner.push(chunk);
        if (scanner.injections > before) onInjection();
        // Awaited: the next piece is read only once the rewriter took this one, so a slow
        // visitor holds the origin back instead of the page piling up in memory (measured:
        // writes left to `writer.ready` let a 50 MB page raise peak memory by 52 MiB).
        if (feed.length > 0) await writer.write(feed);
      }
      const tail = scanner.finish();
      if (tail.length > 0) await writer.write(tail);
      await writer.close();
    } catch (error) {
      await writer.abort(error).catch(() => undefined);
      await source.cancel(error).catch(() => undefined);
    }
  };
  void pump();
  return rewriter.transform(new Response(input.readable, response));
}
