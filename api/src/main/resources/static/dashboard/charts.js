/*
 * The trend chart as inline SVG (no chart library): the selected area's values with their 95%
 * intervals, and the benchmark's values as a dashed line. Withheld points are drawn hollow at the
 * axis and named in the table beside the chart.
 */
import { number, el } from './format.js';

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag, attributes, className) {
  const node = document.createElementNS(SVG, tag);
  Object.entries(attributes || {}).forEach(([k, v]) => node.setAttribute(k, String(v)));
  if (className) {
    node.setAttribute('class', className);
  }
  return node;
}

function niceTicks(min, max, count) {
  const span = max - min || Math.abs(max) || 1;
  const step0 = span / count;
  const magnitude = Math.pow(10, Math.floor(Math.log10(step0)));
  const step = [1, 2, 2.5, 5, 10].map(m => m * magnitude).find(s => s >= step0) || step0;
  const ticks = [];
  for (let t = Math.floor(min / step) * step; t <= max + step * 1e-9; t += step) {
    ticks.push(Number(t.toFixed(10)));
  }
  return ticks;
}

/**
 * area: {name, points: [{period, value, lower, upper, status}]}; benchmark: the same or null.
 * Returns an <svg> element with a <title> and <desc> for screen readers.
 */
export function trendChart(area, benchmark, unit) {
  const width = 380;
  const height = 230;
  const margin = { top: 16, right: 22, bottom: 34, left: 56 };
  const periods = area.points.map(p => p.period);
  const values = [];
  [area, benchmark].filter(Boolean).forEach(series => series.points.forEach(p => {
    [p.value, p.lower, p.upper].forEach(v => {
      if (v !== null && v !== undefined) {
        values.push(v);
      }
    });
  }));
  const chart = svg('svg', { viewBox: '0 0 ' + width + ' ' + height, role: 'img', 'aria-labelledby': 'trend-title trend-desc' },
    'trend-chart');
  chart.setAttribute('id', 'trend-chart');
  const title = svg('title', { id: 'trend-title' });
  title.textContent = 'Trend of ' + area.name + (benchmark ? ' and ' + benchmark.name : '');
  const desc = svg('desc', { id: 'trend-desc' });
  desc.textContent = area.points.map(p => p.period + ': ' + (p.value === null ? 'withheld' : number(p.value))).join('; ');
  chart.append(title, desc);
  if (!values.length || !periods.length) {
    return chart;
  }
  let min = Math.min(...values);
  let max = Math.max(...values);
  const pad = (max - min) * 0.1 || Math.abs(max) * 0.1 || 1;
  min -= pad;
  max += pad;
  if (min < 0 && Math.min(...values) >= 0) {
    min = 0;
  }
  const ticks = niceTicks(min, max, 4);
  min = Math.min(min, ticks[0]);
  max = Math.max(max, ticks[ticks.length - 1]);
  const x = i => margin.left + (periods.length === 1 ? (width - margin.left - margin.right) / 2
    : i * (width - margin.left - margin.right) / (periods.length - 1));
  const y = v => margin.top + (max - v) * (height - margin.top - margin.bottom) / (max - min);

  const axis = svg('g', {}, 'axis');
  axis.append(svg('line', { x1: margin.left, x2: margin.left, y1: margin.top, y2: height - margin.bottom }));
  axis.append(svg('line', { x1: margin.left, x2: width - margin.right, y1: height - margin.bottom, y2: height - margin.bottom }));
  ticks.forEach(t => {
    axis.append(svg('line', { x1: margin.left - 4, x2: margin.left, y1: y(t), y2: y(t) }));
    const label = svg('text', { x: margin.left - 6, y: y(t) + 4, 'text-anchor': 'end' });
    label.textContent = number(t);
    axis.append(label);
  });
  periods.forEach((p, i) => {
    const label = svg('text', { x: x(i), y: height - margin.bottom + 16, 'text-anchor': 'middle' });
    label.textContent = p;
    axis.append(label);
  });
  chart.append(axis);

  if (benchmark) {
    const byPeriod = new Map(benchmark.points.map(p => [p.period, p]));
    const coords = periods.map((p, i) => [i, byPeriod.get(p)]).filter(([, p]) => p && p.value !== null)
      .map(([i, p]) => x(i) + ',' + y(p.value));
    if (coords.length) {
      chart.append(svg('polyline', { points: coords.join(' ') }, 'series-benchmark'));
    }
  }
  const line = area.points.map((p, i) => [i, p]).filter(([, p]) => p.value !== null).map(([i, p]) => x(i) + ',' + y(p.value));
  if (line.length) {
    chart.append(svg('polyline', { points: line.join(' ') }, 'series-area'));
  }
  area.points.forEach((p, i) => {
    if (p.value !== null && p.lower !== null && p.upper !== null) {
      chart.append(svg('line', { x1: x(i), x2: x(i), y1: y(p.lower), y2: y(p.upper) }, 'interval'));
      chart.append(svg('line', { x1: x(i) - 4, x2: x(i) + 4, y1: y(p.lower), y2: y(p.lower) }, 'interval'));
      chart.append(svg('line', { x1: x(i) - 4, x2: x(i) + 4, y1: y(p.upper), y2: y(p.upper) }, 'interval'));
    }
    const point = svg('circle', { cx: x(i), cy: p.value === null ? height - margin.bottom : y(p.value), r: 4 },
      'series-area-point' + (p.value === null ? ' is-withheld' : ''));
    chart.append(point);
  });
  const unitLabel = svg('text', { x: 4, y: margin.top - 2 });
  unitLabel.textContent = unit || '';
  chart.append(unitLabel);
  return chart;
}

/** The key under the chart. */
export function trendKey(areaName, benchmarkName) {
  const key = el('p', 'govuk-body-s trend-key');
  key.append(el('span', 'line-area'), document.createTextNode(areaName));
  if (benchmarkName) {
    key.append(el('span', 'line-benchmark'), document.createTextNode(benchmarkName));
  }
  return key;
}
