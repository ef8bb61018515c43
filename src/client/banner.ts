/**
 * The banner's script: submits the choice in place through the guard
 * (`window.consentry.choose`), which revives what is now allowed without a
 * reload (or reloads when consent narrowed, so revoked cookies are gone), then
 * hides the banner and shows the "Cookie settings" control. Without the guard on
 * the page, or if the request fails, the form simply posts as it would without
 * JavaScript. Escape closes the banner as "Continue without accepting" does: a
 * refusal. While the banner shows, the page's bottom padding grows by its height,
 * so the end of a short page (its footer links) can still be scrolled into view.
 * Minified by scripts/build-client.ts.
 */
interface Consentry {
  choose(action: string, categories?: string[], vendors?: string[]): Promise<void>;
}

((d: Document, w: Window & { consentry?: Consentry }) => {
  const root = d.getElementById("consentry");
  if (root === null) return;
  let native = false;
  const body = d.body;
  const padding = body.style.paddingBottom;
  const fit = () => {
    body.style.paddingBottom = root.isConnected ? `${root.offsetHeight}px` : padding;
  };
  fit();
  // The second layer opening or closing changes the banner's height.
  root.addEventListener("toggle", fit, true);
  d.addEventListener("keydown", (event) => {
    const at = d.activeElement;
    if (event.key === "Escape" && root.isConnected && (at === body || root.contains(at))) {
      root.querySelector<HTMLButtonElement>(".cy-d")?.click();
    }
  });
  root.addEventListener("submit", (event) => {
    const guard = w.consentry;
    if (native || guard === undefined) return;
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const button = (event as SubmitEvent).submitter as HTMLButtonElement | null;
    const hadFocus = root.contains(d.activeElement);
    const data = new FormData(form);
    guard.choose(button?.value ?? "custom", data.getAll("category") as string[], data.getAll("vendor") as string[]).then(
      () => {
        root.remove();
        fit();
        const settings = d.getElementById("consentry-settings");
        settings?.removeAttribute("hidden");
        if (hadFocus) settings?.focus();
      },
      () => {
        native = true;
        form.requestSubmit(button);
      },
    );
  });
})(document, window);
