// Charts drawn with uPlot (served from its WebJar). Each chart keeps the table it shows, so that the CSV
// button exports exactly the plotted series, and marks the points read live with a hatched band.
import uPlot from '/assets/uplot/uPlot.esm.js';
import { fmt } from './format.js';

const PALETTE = ['--c1', '--c2', '--c3', '--c4', '--c5', '--c6', '--c7', '--c8'];

/** The palette and chart colours of the current colour scheme, read from the style sheet. */
export function theme() {
  const css = getComputedStyle(document.documentElement);
  const v = (name) => css.getPropertyValue(name).trim();
  return { colors: PALETTE.map(v), grid: v('--grid'), axis: v('--axis'), live: v('--live'), accent: v('--accent') };
}

function hatch(color) {
  const c = document.createElement('canvas');
  c.width = c.height = 8;
  const g = c.getContext('2d');
  g.strokeStyle = color;
  g.lineWidth = 2.5;
  g.beginPath();
  g.moveTo(0, 8); g.lineTo(8, 0);
  g.moveTo(-2, 2); g.lineTo(2, -2);
  g.moveTo(6, 10); g.lineTo(10, 6);
  g.stroke();
  return c;
}

/** Paints a hatched band behind each live point: half a step either side of its x. */
function liveBands(chart) {
  return (u) => {
    const live = chart.live;
    if (!live || !live.some(Boolean)) return;
    const xs = u.data[0];
    const half = chart.step / 2;
    const ctx = u.ctx;
    ctx.save();
    ctx.fillStyle = ctx.createPattern(hatch(chart.theme.live), 'repeat');
    for (let i = 0; i < xs.length; i++) {
      if (!live[i]) continue;
      const x0 = u.valToPos(xs[i] - half, 'x', true);
      const x1 = u.valToPos(xs[i] + half, 'x', true);
      ctx.fillRect(x0, u.bbox.top, x1 - x0, u.bbox.height);
    }
    ctx.restore();
  };
}

function height(el) {
  return window.innerWidth <= 480 ? 200 : 230;
}

/**
 * One chart in a container. spec: {step (seconds between points), kind: 'bars'|'stacked'|'lines',
 * yFormat, valueFormat, series: [{label}], xFormat}. data: {x: [...], series: [[...], ...], live: [...]}.
 */
export class Chart {
  constructor(el, spec) {
    this.el = el;
    this.spec = spec;
    this.step = spec.step;
    this.u = null;
    this.labels = '';
    this.table = null;
    new ResizeObserver(() => this.resize()).observe(el);
  }

  /** Shows "not available" (an endpoint this version does not serve, or no answer) instead of a chart. */
  unavailable(text) {
    this.destroy();
    this.table = null;
    this.el.dataset.state = 'unavailable';
    this.el.replaceChildren(Object.assign(document.createElement('p'), { className: 'na', textContent: text }));
  }

  set(data, table) {
    this.table = table;
    this.live = data.live;
    this.raw = data.series;
    // a new set of series, or a new key (another metric on the axis), builds the chart anew
    const labels = (data.key || '') + '\u0001' + data.labels.join('\u0000');
    const plotted = this.spec.kind === 'stacked' ? stack(data.series) : data.series;
    const rows = [data.x, ...plotted];
    if (!this.u || labels !== this.labels || this.el.dataset.state !== 'drawn') {
      this.labels = labels;
      this.labelList = data.labels;
      this.build(data.labels, rows);
    } else {
      this.u.setData(rows);
    }
    this.el.dataset.state = 'drawn';
    this.el.dataset.points = String(data.x.length);
  }

  build(labels, rows) {
    this.destroy();
    this.el.replaceChildren();
    this.theme = theme();
    const t = this.theme;
    const spec = this.spec;
    const bars = spec.kind !== 'lines';
    const series = [{ label: spec.step >= 86400 ? 'Day' : 'Hour', value: (u, x, si, i) => (x == null ? '–' : spec.xFormat(x) + (this.live && this.live[i] ? ' (live)' : '')) }];
    labels.forEach((label, k) => {
      const color = spec.colors ? t.colors[spec.colors[k]] : t.colors[k % t.colors.length];
      series.push({
        label,
        stroke: color,
        fill: bars ? color + 'cc' : (k === 0 ? color + '1f' : undefined),
        width: bars ? 0 : 2,
        points: { show: !bars && rows[0].length <= 60 ? true : false, size: 4 },
        paths: bars ? uPlot.paths.bars({ size: [spec.kind === 'stacked' ? 0.7 : 0.6, 48], align: 0 }) : undefined,
        value: (u, v, si, i) => (i == null || this.raw[si - 1] == null ? '–' : spec.valueFormat(this.raw[si - 1][i])),
      });
    });
    const half = this.step / 2;
    const opts = {
      width: Math.max(this.el.clientWidth, 200),
      height: height(this.el),
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1e3), 'Etc/UTC'),
      scales: {
        x: { time: true, range: (u, min, max) => [min - half, max + half] },
        y: { range: (u, min, max) => [0, max > 0 ? max * 1.08 : 1] },
      },
      axes: [
        { stroke: t.axis, grid: { stroke: t.grid, width: 1 }, ticks: { stroke: t.grid, width: 1 }, space: 48,
          // whole days (or hours) only: a day's bar never gets hour ticks
          incrs: spec.step >= 86400 ? [86400, 2 * 86400, 7 * 86400, 14 * 86400, 28 * 86400] : [3600, 3 * 3600, 6 * 3600, 12 * 3600, 86400],
          values: (u, splits) => splits.map(spec.step >= 86400 ? axisDay : axisHour) },
        { stroke: t.axis, grid: { stroke: t.grid, width: 1 }, ticks: { show: false }, size: 56,
          values: (u, vals) => vals.map(spec.yFormat) },
      ],
      series,
      cursor: { points: { size: 7 }, drag: { x: false, y: false } },
      legend: { live: true },
      hooks: { drawClear: [liveBands(this)] },
    };
    this.u = new uPlot(opts, rows, this.el);
    this.el.uplot = this.u;
  }

  resize() {
    if (this.u && this.el.clientWidth > 0) {
      const w = Math.max(this.el.clientWidth, 200);
      if (w !== this.u.width || height(this.el) !== this.u.height) this.u.setSize({ width: w, height: height(this.el) });
    }
  }

  /** Rebuilt from the style sheet's colours (the colour scheme changed). */
  restyle() {
    if (this.u) this.build(this.labelList, this.u.data);
  }

  destroy() {
    if (this.u) {
      this.u.destroy();
      this.u = null;
      delete this.el.uplot;
    }
  }
}

/** Stacked bars: series k is drawn as the sum of k..n, first the tallest, so each band shows one series. */
function stack(series) {
  const out = series.map((s) => s.slice());
  for (let k = out.length - 2; k >= 0; k--) {
    for (let i = 0; i < out[k].length; i++) out[k][i] = (out[k][i] || 0) + (out[k + 1][i] || 0);
  }
  return out;
}

const axisDay = (ts) => new Date(ts * 1000).toISOString().slice(5, 10);
const axisHour = (ts) => {
  const iso = new Date(ts * 1000).toISOString();
  return iso.slice(11, 13) === '00' ? iso.slice(5, 10) : iso.slice(11, 16);
};

export const xDay = (ts) => new Date(ts * 1000).toISOString().slice(0, 10);
export const xHour = (ts) => new Date(ts * 1000).toISOString().slice(0, 16).replace('T', ' ');
export const yCount = (v) => fmt.compact(v);
export const yUsd = (v) => fmt.usdShort(v);
