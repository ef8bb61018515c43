/**
 * The page a visitor gets when the origin cannot be reached. Says what happened,
 * in plain words, with nothing from the request echoed into it.
 */
export function badGateway(): Response {
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Site unreachable</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:32rem;margin:15vh auto;padding:0 1rem;color:#1a1a1a}</style>
</head><body><h1>This site cannot be reached right now</h1>
<p>The server behind this page did not answer. Please try again in a moment.</p>
<p><small>Error 502, reported by Consentry</small></p></body></html>`;
  return new Response(html, {
    status: 502,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", "retry-after": "10" },
  });
}
