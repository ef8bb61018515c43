/**
 * US states whose consumer privacy laws oblige a business to honour an opt-out
 * preference signal (Global Privacy Control) as an opt-out of the sale or sharing
 * of personal data and of targeted advertising, with the date that duty took
 * effect. Data, not code: a policy names the group `US_OPT_OUT_SIGNALS` and each
 * state joins it on its date. States whose laws do not require honouring the
 * signal (Virginia, Utah, Iowa, Tennessee, Indiana, Kentucky, …) are not here.
 */
export interface UsStateLaw {
  /** ISO 3166-2 subdivision, as `COUNTRY_OVERRIDE` and `request.cf` give it. */
  region: `US-${string}`;
  law: string;
  /** The citation of the opt-out preference signal duty. */
  citation: string;
  /** From this day (inclusive, UTC) the signal must be honoured. */
  from: string;
}

export const US_OPT_OUT_SIGNAL_STATES: readonly UsStateLaw[] = [
  { region: "US-CA", law: "California Consumer Privacy Act", citation: "Cal. Civ. Code §1798.135(b); 11 CCR §7025", from: "2020-08-14" },
  { region: "US-CO", law: "Colorado Privacy Act", citation: "C.R.S. §6-1-1306(1)(a)(IV)(B); 4 CCR 904-3 Rule 5", from: "2024-07-01" },
  { region: "US-CT", law: "Connecticut Data Privacy Act", citation: "Conn. Gen. Stat. §42-520(e)(1)(A)(ii)", from: "2025-01-01" },
  { region: "US-TX", law: "Texas Data Privacy and Security Act", citation: "Tex. Bus. & Com. Code §541.055(e)", from: "2025-01-01" },
  { region: "US-MT", law: "Montana Consumer Data Privacy Act", citation: "Mont. Code Ann. §30-14-2808(1)(b)", from: "2025-01-01" },
  { region: "US-NH", law: "New Hampshire Privacy Act", citation: "RSA 507-H:6, I(a)(2)", from: "2025-01-01" },
  { region: "US-NE", law: "Nebraska Data Privacy Act", citation: "Neb. Rev. Stat. §87-1111(1)(b)", from: "2025-01-01" },
  { region: "US-NJ", law: "New Jersey Data Privacy Act", citation: "N.J. Stat. §56:8-166.11(a)", from: "2025-07-15" },
  { region: "US-MN", law: "Minnesota Consumer Data Privacy Act", citation: "Minn. Stat. §325M.14, subd. 1(c)", from: "2025-07-31" },
  { region: "US-MD", law: "Maryland Online Data Privacy Act", citation: "Md. Code, Com. Law §14-4607(a)(2)", from: "2025-10-01" },
  { region: "US-OR", law: "Oregon Consumer Privacy Act", citation: "ORS 646A.574(1)(b)", from: "2026-01-01" },
  { region: "US-DE", law: "Delaware Personal Data Privacy Act", citation: "6 Del. C. §12D-106(a)(6)", from: "2026-01-01" },
];

/** Subdivision groups a policy may name, each member with the day it joins. */
export const SUBDIVISION_GROUPS = {
  US_OPT_OUT_SIGNALS: US_OPT_OUT_SIGNAL_STATES,
} as const satisfies Record<string, readonly UsStateLaw[]>;

export type SubdivisionGroup = keyof typeof SUBDIVISION_GROUPS;

/** Whether `region` (`US-CO`) belongs to the group on the given day (Unix milliseconds). */
export function inSubdivisionGroup(group: SubdivisionGroup, region: string, now: number): boolean {
  const day = new Date(now).toISOString().slice(0, 10);
  return SUBDIVISION_GROUPS[group].some((s) => s.region === region && s.from <= day);
}
