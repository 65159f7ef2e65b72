/**
 * One small-multiple chart: a figure's values per week as bars in an inline SVG (Lit `svg`
 * templates, no chart library). A suppressed value ("fewer than N") is drawn as a dashed
 * outline up to N, so it is neither hidden nor shown as a number it is not. A median is not a
 * count: without enough questions there is simply no bar. The chart is an
 * image for screen readers with a text summary; the exact values are in the table next to it.
 */
import { svg } from 'lit';

export interface ChartPoint {
  label: string;
  /** null: suppressed. */
  value: number | null;
}

const WIDTH = 300;
const HEIGHT = 120;
const BASE = 104;
const TOP = 8;

/** The largest value the axis must show: real values, and the threshold for suppressed ones. */
export function chartMax(points: ChartPoint[], threshold: number | null): number {
  return Math.max(1, ...points.map((p) => p.value ?? threshold ?? 0));
}

/** `threshold` null: a suppressed value has no bar (a median over too few questions). */
export function weekChart(points: ChartPoint[], threshold: number | null) {
  const max = chartMax(points, threshold);
  const slot = WIDTH / Math.max(points.length, 1);
  const bar = Math.max(2, slot * 0.7);
  const height = (v: number) => ((BASE - TOP) * v) / max;
  return svg`<svg viewBox="0 0 ${WIDTH} ${HEIGHT}" aria-hidden="true" focusable="false">
    <line x1="0" y1=${BASE} x2=${WIDTH} y2=${BASE} class="axis"></line>
    <text x="0" y=${TOP + 2} class="max">${max}</text>
    ${points.map((p, i) => {
      const x = i * slot + (slot - bar) / 2;
      if (p.value === null) {
        if (threshold === null) return '';
        const h = height(threshold);
        return svg`<rect x=${x} y=${BASE - h} width=${bar} height=${h} class="suppressed"></rect>`;
      }
      const h = height(p.value);
      return svg`<rect x=${x} y=${BASE - h} width=${bar} height=${h} class="bar"></rect>`;
    })}
    ${points.length > 0 ? svg`<text x="0" y=${HEIGHT - 2} class="label">${points[0]?.label}</text>` : ''}
    ${
      points.length > 1
        ? svg`<text x=${WIDTH} y=${HEIGHT - 2} class="label end">${points.at(-1)?.label}</text>`
        : ''
    }
  </svg>`;
}
