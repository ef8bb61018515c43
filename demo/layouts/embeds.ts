/**
 * Embeds as real sites lay them out, for the placeholder tests
 * (test/browser/placeholders.test.ts): an iframe sized by its attributes, one
 * sized by the site's CSS, one in a responsive 16:9 wrapper (`padding-bottom:
 * 56.25%` and an absolutely positioned iframe), one by `aspect-ratio`, and an
 * `<embed>` sized by its attributes. A refused embed's placeholder must take
 * exactly the size the embed has without Consentry. Served under `/layouts/embeds`.
 */
import type { IncomingMessage, ServerResponse } from "node:http";

/** The frames of the page, by element id, with what sizes them. */
export const LAYOUT_FRAMES = {
  fixed: "width and height attributes",
  "css-sized": "the site's stylesheet",
  responsive: "a padding-bottom: 56.25% wrapper",
  "aspect-ratio": "CSS aspect-ratio",
} as const;

export function embedsLayoutPage(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Embeds in real layouts · Northwind Demo</title>
<style>
  body { margin: 0; font: 16px/1.5 system-ui, sans-serif; }
  main { width: 640px; margin: 0 auto; }
  .video iframe { width: 480px; height: 270px; border: 0; display: block; }
  .wrapper { position: relative; padding-bottom: 56.25%; height: 0; overflow: hidden; }
  .wrapper iframe { position: absolute; top: 0; left: 0; width: 100%; height: 100%; border: 0; }
  .ratio { width: 100%; aspect-ratio: 16 / 9; border: 0; display: block; }
</style>
</head>
<body>
<main>
<h1>Embeds in real layouts</h1>
<p id="intro">Each video below is laid out the way real sites do it.</p>
<h2>Sized by attributes</h2>
<iframe id="fixed" width="560" height="315" src="https://www.youtube.com/embed/fixed0001" title="Fixed video" frameborder="0" allowfullscreen></iframe>
<h2>Sized by the stylesheet</h2>
<div class="video"><iframe id="css-sized" src="https://www.youtube.com/embed/css000001" title="CSS-sized video"></iframe></div>
<h2>A responsive wrapper</h2>
<div class="wrapper"><iframe id="responsive" src="https://www.youtube-nocookie.com/embed/resp00001" title="Responsive video" allowfullscreen></iframe></div>
<h2>aspect-ratio</h2>
<iframe id="aspect-ratio" class="ratio" src="https://www.youtube.com/embed/ratio0001" title="Aspect-ratio video"></iframe>
<h2>An embed</h2>
<embed id="embed" width="400" height="300" src="https://www.youtube.com/v/embed00001" type="application/x-shockwave-flash">
<p id="outro">The end of the page.</p>
<script>document.getElementById("outro").textContent += " The site's own script ran.";</script>
</main>
</body>
</html>
`;
}

/** Answers `/layouts/…` requests; false for any other path. */
export function serveLayouts(req: IncomingMessage, res: ServerResponse): boolean {
  const url = new URL(req.url ?? "/", "http://origin.invalid");
  if (!url.pathname.startsWith("/layouts/")) return false;
  if (url.pathname === "/layouts/embeds") {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
    res.end(embedsLayoutPage());
  } else {
    res.writeHead(404, { "content-type": "text/plain" });
    res.end("not found");
  }
  return true;
}
