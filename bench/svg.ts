/**
 * Small SVG charts for docs/benchmarks.md, written by hand (no charting
 * dependency): grouped bars, and lines over evenly spaced categories (the
 * benchmark's x values grow tenfold per step, so even spacing is a log scale).
 */
const W = 640;
const H = 320;
const PAD = { left: 64, right: 16, top: 44, bottom: 72 };
const PLOT_H = H - PAD.top - PAD.bottom;
const PLOT_W = W - PAD.left - PAD.right;
const COLORS = ["#5f6368", "#0b57d0", "#c5221f", "#188038", "#e37400"];
const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
const num = (v: number) => (Number.isFinite(v) ? String(+v.toPrecision(3)) : "–");

export interface Limit {
  value: number;
  label: string;
}

function frame(title: string, body: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" font-family="system-ui,-apple-system,Segoe UI,sans-serif" font-size="12" fill="#202124">` +
    `<rect width="${W}" height="${H}" fill="#fff"/>` +
    `<text x="${W / 2}" y="24" text-anchor="middle" font-size="15" font-weight="600">${esc(title)}</text>${body}</svg>\n`
  );
}

/** A "nice" axis maximum whose fifths are round numbers. */
function niceMax(v: number): number {
  if (!(v > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  return ([1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].find((m) => m * p >= v) ?? 10) * p;
}

/** A category label, on two lines when it would not fit its slot. */
function categoryLabel(x: number, y: number, text: string, width: number): string {
  const words = text.split(" ");
  if (text.length * 6.5 <= width || words.length < 2) return `<text x="${x}" y="${y}" text-anchor="middle">${esc(text)}</text>`;
  const half = Math.ceil(words.length / 2);
  return `<text x="${x}" y="${y}" text-anchor="middle"><tspan x="${x}">${esc(words.slice(0, half).join(" "))}</tspan><tspan x="${x}" dy="14">${esc(words.slice(half).join(" "))}</tspan></text>`;
}

function yAxis(max: number, unit: string): { svg: string; y: (v: number) => number } {
  const y = (v: number) => PAD.top + PLOT_H - (PLOT_H * Math.min(v, max)) / max;
  let svg = "";
  for (let i = 0; i <= 5; i++) {
    const v = (max * i) / 5;
    svg += `<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${y(v)}" y2="${y(v)}" stroke="${i === 0 ? "#9aa0a6" : "#e8eaed"}"/>`;
    svg += `<text x="${PAD.left - 6}" y="${y(v) + 4}" text-anchor="end" fill="#5f6368">${num(v)}</text>`;
  }
  svg += `<text transform="translate(16 ${PAD.top + PLOT_H / 2}) rotate(-90)" text-anchor="middle" fill="#5f6368">${esc(unit)}</text>`;
  return { svg, y };
}

function limitLine(limit: Limit | undefined, y: (v: number) => number): string {
  if (limit === undefined) return "";
  const at = y(limit.value);
  return `<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${at}" y2="${at}" stroke="#c5221f" stroke-dasharray="5 4"/><text x="${W - PAD.right}" y="${at - 5}" text-anchor="end" fill="#c5221f">${esc(limit.label)}</text>`;
}

function legend(names: readonly string[], colorOffset: number): string {
  if (names.length < 2) return "";
  return names
    .map((name, k) => {
      const x = PAD.left + k * 160;
      return `<rect x="${x}" y="${H - 22}" width="12" height="12" fill="${COLORS[(k + colorOffset) % COLORS.length]}"/><text x="${x + 18}" y="${H - 12}">${esc(name)}</text>`;
    })
    .join("");
}

/** Bars grouped by category: `groups[i].values[k]` belongs to series `series[k]`. */
export function barChart(title: string, series: readonly string[], groups: { label: string; values: number[] }[], unit: string, options: { limit?: Limit; colorOffset?: number } = {}): string {
  const values = groups.flatMap((g) => g.values).filter(Number.isFinite);
  const max = niceMax(Math.max(...values, options.limit?.value ?? 0) * 1.08);
  const axis = yAxis(max, unit);
  const slot = PLOT_W / groups.length;
  const barW = Math.min(56, (slot * 0.8) / series.length);
  const offset = options.colorOffset ?? 0;
  let body = axis.svg;
  groups.forEach((group, i) => {
    const x0 = PAD.left + i * slot + (slot - barW * series.length) / 2;
    group.values.forEach((v, k) => {
      if (!Number.isFinite(v)) return;
      const x = x0 + k * barW;
      const top = axis.y(v);
      body += `<rect x="${x + 2}" y="${top}" width="${barW - 4}" height="${PAD.top + PLOT_H - top}" fill="${COLORS[(k + offset) % COLORS.length]}"><title>${esc(`${group.label}, ${series[k]}: ${num(v)} ${unit}`)}</title></rect>`;
      body += `<text x="${x + barW / 2}" y="${top - 4}" text-anchor="middle" font-size="11">${num(v)}</text>`;
    });
    body += categoryLabel(PAD.left + i * slot + slot / 2, PAD.top + PLOT_H + 18, group.label, slot);
  });
  return frame(title, body + limitLine(options.limit, axis.y) + legend(series, offset));
}

/** Lines over categories spaced evenly along x. */
export function lineChart(title: string, categories: readonly string[], series: { name: string; values: number[] }[], unit: string, options: { limit?: Limit; colorOffset?: number } = {}): string {
  const values = series.flatMap((s) => s.values).filter(Number.isFinite);
  const max = niceMax(Math.max(...values, options.limit?.value ?? 0) * 1.08);
  const axis = yAxis(max, unit);
  const x = (i: number) => PAD.left + 30 + ((PLOT_W - 60) * i) / Math.max(1, categories.length - 1);
  const offset = options.colorOffset ?? 1;
  let body = axis.svg;
  categories.forEach((c, i) => (body += categoryLabel(x(i), PAD.top + PLOT_H + 18, c, (PLOT_W - 60) / Math.max(1, categories.length - 1))));
  series.forEach((s, k) => {
    const color = COLORS[(k + offset) % COLORS.length];
    const points = s.values.map((v, i) => [x(i), axis.y(v), v] as const).filter(([, , v]) => Number.isFinite(v));
    body += `<polyline fill="none" stroke="${color}" stroke-width="2" points="${points.map(([px, py]) => `${px},${py}`).join(" ")}"/>`;
    // The first series labels its points to their right, the others above: close values stay readable.
    const right = k === 0 && series.length > 1;
    for (const [px, py, v] of points) {
      const text = right ? `x="${px + 16}" y="${py + 12}" text-anchor="start"` : `x="${px}" y="${py - 10}" text-anchor="middle"`;
      body += `<circle cx="${px}" cy="${py}" r="3.5" fill="${color}"/><text ${text} font-size="11" fill="${color}">${num(v)}</text>`;
    }
  });
  return frame(title, body + limitLine(options.limit, axis.y) + legend(series.map((s) => s.name), offset));
}
