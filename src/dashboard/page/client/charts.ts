// SVG charts drawn from numbers: a grouped bar chart of hours per period and right type, and the
// worker's credit arc. Each chart is an image with a title and a description for screen readers, and
// its figures also as a table (folded on screen, open in print).

interface ChartRow {
  readonly period: string;
  readonly values: Readonly<Partial<Record<RightType, number>>>;
}

/** Rows per period, in period order, from the model's series points. */
function seriesRows(points: readonly SeriesPoint[]): ChartRow[] {
  const byPeriod = new Map<string, Partial<Record<RightType, number>>>();
  for (const point of points) {
    const values = byPeriod.get(point.period) ?? {};
    values[point.type] = point.average;
    byPeriod.set(point.period, values);
  }
  return [...byPeriod.keys()].sort().map((period) => ({ period, values: byPeriod.get(period) ?? {} }));
}

const CHART_WIDTH = 720;
const CHART_HEIGHT = 260;
const MARGIN = { top: 16, right: 12, bottom: 44, left: 56 };

/** A round upper bound for the axis: 1, 2 or 5 times a power of ten. */
/** Values are hundredths of an hour; below 4 h the axis stays at 4 h so that its quarters read 1, 2, 3 h. */
function niceMaximum(value: number): number {
  if (value <= 400) return 400;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

function barChart(title: string, rows: readonly ChartRow[], format: (value: number) => string): HTMLElement {
  const figure = h('figure', { class: 'chart' });
  const titleId = uniqueId('chart-title');
  figure.appendChild(h('figcaption', { id: titleId }, title));
  if (rows.length === 0) {
    figure.appendChild(h('p', {}, t('chart.empty')));
    return figure;
  }
  const descriptionId = uniqueId('chart-desc');
  const svg = s('svg', {
    viewBox: `0 0 ${CHART_WIDTH} ${CHART_HEIGHT}`,
    role: 'img',
    'aria-labelledby': `${titleId} ${descriptionId}`,
    class: 'chart-svg',
  });
  svg.appendChild(s('desc', { id: descriptionId }, chartSummary(rows, format)));
  let highest = 0;
  for (const row of rows) for (const type of RIGHT_TYPE_ORDER) highest = Math.max(highest, row.values[type] ?? 0);
  const maximum = niceMaximum(highest);
  const plotWidth = CHART_WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = CHART_HEIGHT - MARGIN.top - MARGIN.bottom;
  const y = (value: number): number => MARGIN.top + plotHeight - (value / maximum) * plotHeight;
  for (const fraction of [0, 0.25, 0.5, 0.75, 1]) {
    const value = maximum * fraction;
    svg.appendChild(s('line', { x1: MARGIN.left, x2: CHART_WIDTH - MARGIN.right, y1: y(value), y2: y(value), class: 'grid' }));
    svg.appendChild(s('text', { x: MARGIN.left - 6, y: y(value) + 4, class: 'axis', 'text-anchor': 'end' }, format(value)));
  }
  const slot = plotWidth / rows.length;
  const barWidth = Math.max(2, (slot * 0.8) / RIGHT_TYPE_ORDER.length);
  // Label at most ~12 periods so that quarter labels never overlap.
  const labelEvery = Math.ceil(rows.length / 12);
  rows.forEach((row, index) => {
    const left = MARGIN.left + index * slot + slot * 0.1;
    RIGHT_TYPE_ORDER.forEach((type, typeIndex) => {
      const value = row.values[type] ?? 0;
      if (value <= 0) return;
      const bar = s('rect', {
        x: left + typeIndex * barWidth,
        y: y(value),
        width: barWidth - 1,
        height: MARGIN.top + plotHeight - y(value),
        class: `chart-bar type-${type.toLowerCase()}`,
      });
      bar.appendChild(s('title', {}, `${row.period} ${rightTypeLabel(type)}: ${format(value)}`));
      svg.appendChild(bar);
    });
    if (index % labelEvery === 0) {
      svg.appendChild(s('text', { x: left + slot * 0.4, y: CHART_HEIGHT - MARGIN.bottom + 16, class: 'axis', 'text-anchor': 'middle' }, row.period));
    }
  });
  figure.appendChild(svg);
  figure.appendChild(legend());
  figure.appendChild(chartTable(rows, format));
  return figure;
}

function chartSummary(rows: readonly ChartRow[], format: (value: number) => string): string {
  let best: { period: string; type: RightType; value: number } | null = null;
  for (const row of rows) {
    for (const type of RIGHT_TYPE_ORDER) {
      const value = row.values[type] ?? 0;
      if (best === null || value > best.value) best = { period: row.period, type, value };
    }
  }
  if (best === null || best.value <= 0) return t('chart.empty');
  return t('chart.summary', { type: rightTypeLabel(best.type), value: format(best.value), period: best.period });
}

function legend(): HTMLElement {
  return h(
    'ul',
    { class: 'legend', 'aria-hidden': 'true' },
    ...RIGHT_TYPE_ORDER.map((type) => h('li', {}, h('span', { class: `swatch type-${type.toLowerCase()}` }), rightTypeLabel(type))),
  );
}

function chartTable(rows: readonly ChartRow[], format: (value: number) => string): HTMLElement {
  const table = h(
    'table',
    {},
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('chart.period')), ...RIGHT_TYPE_ORDER.map((type) => h('th', { scope: 'col', class: 'number' }, rightTypeLabel(type))))),
    h(
      'tbody',
      {},
      ...rows.map((row) =>
        h('tr', {}, h('th', { scope: 'row' }, row.period), ...RIGHT_TYPE_ORDER.map((type) => h('td', { class: 'number' }, format(row.values[type] ?? 0)))),
      ),
    ),
  );
  return h('details', { class: 'chart-table' }, h('summary', {}, t('chart.table')), table);
}

/** The worker's credit: used against remaining as a ring, the remaining hours in its middle. */
function creditArc(remaining: number, used: number): HTMLElement {
  const total = Math.max(0, remaining) + Math.max(0, used);
  const radius = 70;
  const circumference = 2 * Math.PI * radius;
  const usedLength = total === 0 ? 0 : (Math.max(0, used) / total) * circumference;
  const text = t('worker.arc', { remaining: formatHours(remaining), used: formatHours(used) });
  const svg = s(
    'svg',
    { viewBox: '0 0 180 180', role: 'img', 'aria-label': text, class: 'arc' },
    s('circle', { cx: 90, cy: 90, r: radius, class: 'arc-remaining' }),
    s('circle', {
      cx: 90,
      cy: 90,
      r: radius,
      class: 'arc-used',
      'stroke-dasharray': `${usedLength} ${circumference}`,
      transform: 'rotate(-90 90 90)',
    }),
    s('text', { x: 90, y: 88, 'text-anchor': 'middle', class: 'arc-value' }, formatHours(remaining)),
    s('text', { x: 90, y: 110, 'text-anchor': 'middle', class: 'arc-label' }, t('worker.remaining')),
  );
  return h('figure', { class: 'arc-figure' }, svg, h('figcaption', {}, text));
}
