import { describe, expect, it } from "vitest";
import { cookieLabels } from "../../src/banner/cookie-label.ts";

describe("cookie labels", () => {
  it.each([
    [{ name: "_ga" }, ["_ga"]],
    [{ pattern: "^_ga_[A-Za-z0-9]+$" }, ["_ga_*"]],
    [{ pattern: "^_hj.*$" }, ["_hj*"]],
    [{ pattern: "^(?:__Host-|__Secure-)?(?:csrf|csrftoken|_csrf)$" }, ["csrf", "csrftoken", "_csrf"]],
    [{ pattern: "^mp_.+_mixpanel$" }, ["mp_*_mixpanel"]],
    [{ pattern: "^_pk_id\\..+$" }, ["_pk_id.*"]],
    [{ pattern: "^intercom-(?:id|session)-.+$" }, ["intercom-id-*", "intercom-session-*"]],
  ])("should show %j as %j", (match, labels) => {
    expect(cookieLabels(match)).toEqual(labels);
  });
});
