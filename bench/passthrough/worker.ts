/**
 * The benchmark's baseline: a Worker that only forwards each request to the
 * origin and streams the answer back, in the same runtime as Consentry.
 */
interface Env {
  ORIGIN_URL: string;
}

export default {
  fetch(request: Request, env: Env): Promise<Response> {
    const url = new URL(request.url);
    const target = new URL(url.pathname + url.search, env.ORIGIN_URL);
    return fetch(new Request(target, request));
  },
};
