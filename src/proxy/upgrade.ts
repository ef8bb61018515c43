/**
 * A WebSocket upgrade passes through with its socket untouched, but the 101's
 * own headers are an HTTP response like any other: a tracker's Set-Cookie on the
 * handshake reaches the browser as surely as on a page (issue: it passed
 * untouched). Its lines are judged like the page's; report-only mode only logs.
 */
import { planSetCookies } from "../enforce/cookie-plan.ts";
import type { JudgeContext } from "../enforce/judge-cookie.ts";
import { logActions, type Logger } from "../enforce/report.ts";
import { withHeaders } from "./own-cookies.ts";

export function shapeUpgrade(response: Response, context: JudgeContext, log: Logger, path: string): Response {
  const lines = response.headers.getSetCookie();
  if (lines.length === 0) return response;
  const plan = planSetCookies(lines, context);
  if (plan.actions.length === 0) return response;
  if (context.decision.mode !== "enforce") {
    logActions(plan.actions, { decision: context.decision, route: context.route.source, path }, log);
    return response;
  }
  const headers = new Headers(response.headers);
  headers.delete("set-cookie");
  for (const line of plan.kept) headers.append("set-cookie", line);
  return withHeaders(response, headers);
}
