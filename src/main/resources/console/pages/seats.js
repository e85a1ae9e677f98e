// Seats: each pool's capacity, seats in use and users waiting for one (pending), an editable
// capacity, who waits in each pool, and a chart of seat use over time (from the audit trail).
import { get, patch, literal, SCIM } from '../api.js';
import { h, show, field, fieldError, table, message, uid, CC, PHONE } from '../ui.js';
import { count, integer, attempt, pages, note } from '../forms.js';

export const title = 'Seats';

const PENDING_PAGE = 10;
const POOLS = [
  {
    id: 'contactCenter.standard', name: 'Contact center standard', seat: 'standard seat', product: 'contactCenter',
    waiting: `${CC}:licenseState eq "pending" and ${CC}:effectiveLicense eq "standard"`,
  },
  {
    id: 'contactCenter.premium', name: 'Contact center premium', seat: 'premium seat', product: 'contactCenter',
    waiting: `${CC}:licenseState eq "pending" and ${CC}:effectiveLicense eq "premium"`,
  },
  {
    id: 'phone.licensed', name: 'Phone', seat: 'phone seat or extension number', product: 'phone',
    waiting: `${PHONE}:licenseState eq "pending"`,
  },
];
const PERIODS = [['1', 'Last 24 hours'], ['7', 'Last 7 days'], ['30', 'Last 30 days'], ['90', 'Last 90 days']];

export async function render(main) {
  const view = {
    notice: h('div', { class: 'notice', tabindex: '-1' }),
    cards: POOLS.map((pool) => h('section', { class: 'card pool', 'aria-labelledby': headingId(pool) })),
    chart: h('div'),
    period: choosePeriod(),
  };
  view.period.input.addEventListener('change', () => showUsage(view));
  show(main,
    h('h1', {}, title),
    h('p', { class: 'lead' }, 'A licensed user holds a seat of their tier. When no seat is free the user waits ',
      '(pending) and the one who has waited longest gets the next free seat. Raise a capacity to serve them; leave ',
      'it empty for unlimited.'),
    view.notice,
    h('div', { class: 'grid pools' }, view.cards),
    h('section', { class: 'card', 'aria-labelledby': 'usage-heading' },
      h('div', { class: 'section-head' }, h('h2', { id: 'usage-heading' }, 'Seat use over time'), h('div', { class: 'toolbar' }, view.period.row)),
      view.chart));
  await reload(view);
}

const headingId = (pool) => `pool-${pool.id.replace('.', '-')}`;

async function reload(view, text) {
  await showPools(view);
  if (text) {
    show(view.notice, message('ok', text));
    view.notice.focus();
  }
  await showUsage(view);
}

async function showPools(view) {
  const list = await get(`${SCIM}/SeatPools`);
  const byId = new Map((list.Resources || []).map((pool) => [pool.id, pool]));
  await Promise.all(POOLS.map((pool, i) => showPool(view, view.cards[i], pool, byId.get(pool.id))));
}

async function showPool(view, card, pool, seats) {
  const waiting = h('div');
  show(card,
    h('h2', { id: headingId(pool) }, pool.name),
    facts(seats),
    seatBar(seats),
    capacityForm(view, pool, seats),
    waiting);
  await showWaiting(waiting, pool, 1);
}

const limited = (seats) => seats.capacity !== undefined && seats.capacity !== null;

function facts(seats) {
  return h('dl', { class: 'pool-facts' },
    h('div', {}, h('dt', {}, 'In use'), h('dd', {}, String(seats.inUse))),
    h('div', {}, h('dt', {}, 'Capacity'), h('dd', {}, limited(seats) ? String(seats.capacity) : 'unlimited')),
    limited(seats) && h('div', {}, h('dt', {}, 'Free'), h('dd', {}, String(Math.max(0, seats.capacity - seats.inUse)))),
    h('div', { class: seats.pending ? 'waiting' : null }, h('dt', {}, 'Pending'), h('dd', {}, String(seats.pending))));
}

/** In use, then the free rest of the capacity, then pending beyond it in another colour. */
function seatBar(seats) {
  const total = Math.max(limited(seats) ? seats.capacity : 0, seats.inUse) + seats.pending;
  const summary = `${seats.inUse} ${limited(seats) ? `of ${seats.capacity} ` : ''}seats in use, ${seats.pending} pending`;
  const segment = (kind, n) => {
    const part = h('span', { class: kind });
    part.style.width = `${total ? (100 * n) / total : 0}%`;
    return part;
  };
  return h('div', { class: 'bar seat-bar', role: 'img', 'aria-label': summary },
    segment('used', seats.inUse),
    limited(seats) && segment('free', Math.max(0, seats.capacity - seats.inUse)),
    segment(seats.pending && limited(seats) ? 'pending beyond' : 'pending', seats.pending));
}

function capacityForm(view, pool, seats) {
  const capacity = field('Capacity', {
    value: seats.capacity ?? '', inputmode: 'numeric', autocomplete: 'off', placeholder: 'unlimited', size: 8,
  });
  const form = h('form', { class: 'capacity', novalidate: true },
    h('div', { class: 'toolbar' }, capacity.row, h('button', { type: 'submit' }, 'Save capacity')),
    note(capacity, 'Seats you have bought; empty = unlimited.'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    fieldError(capacity, null);
    show(view.notice);
    const text = capacity.input.value.trim();
    try {
      await patch(`${SCIM}/SeatPools/${pool.id}`, [text === ''
        ? { op: 'remove', path: 'capacity' }
        : { op: 'replace', path: 'capacity', value: integer(text) }]);
    } catch (error) {
      fieldError(capacity, error);
      return;
    }
    await reload(view, `${pool.name}: capacity ${text === '' ? 'unlimited' : `set to ${text}`}.`);
  });
  return form;
}

async function showWaiting(box, pool, startIndex) {
  await attempt(box, async () => {
    const list = await get(`${SCIM}/Users`, {
      filter: pool.waiting, attributes: 'userName,displayName', startIndex, count: PENDING_PAGE,
    });
    const users = list.Resources || [];
    const since = await waitingSince(pool, users);
    show(box,
      table(`Users waiting for a ${pool.seat}`, [
        { label: 'User', cell: (u) => h('a', { href: `#/users/${encodeURIComponent(u.id)}` }, u.userName) },
        { label: 'Name', cell: (u) => u.displayName || '' },
        { label: 'Waiting since', cell: (u) => (since.has(u.id) ? when(since.get(u.id)) : '—') },
      ], users, { empty: `Nobody is waiting for a ${pool.seat}.` }),
      pages(list, (start) => showWaiting(box, pool, start)));
  });
}

/** When each user started waiting: their latest audit event that made them pending. */
async function waitingSince(pool, users) {
  if (!users.length) return new Map();
  const anyOf = users.map((u) => `user.value eq ${literal(u.id)}`).join(' or ');
  const events = await get(`${SCIM}/AuditEvents`, {
    filter: `product eq ${literal(pool.product)} and after co "pending" and (${anyOf})`,
    attributes: 'user,time', sortBy: 'time', sortOrder: 'descending', count: 100,
  });
  const since = new Map();
  for (const event of events.Resources || []) {
    if (!since.has(event.user.value)) since.set(event.user.value, event.time);
  }
  return since;
}

const when = (time) => new Date(time).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function choosePeriod() {
  const period = field('Period', {}, 'select');
  period.input.append(...PERIODS.map(([days, label]) => h('option', { value: days, selected: days === '30' }, label)));
  return period;
}

async function showUsage({ chart, period }) {
  const days = period.input.value;
  await attempt(chart, async () => {
    const since = Date.now() - Number(days) * 86_400_000;
    const usage = await get('/admin/seat-usage', { since: new Date(since).toISOString() });
    const series = POOLS.map((pool) => {
      const points = ((usage.pools || []).find((p) => p.id === pool.id) || { points: [] }).points
        .map((p) => ({ time: Date.parse(p.time), inUse: p.inUse, pending: p.pending }));
      return { pool, points, changes: points.filter((p, i) => i > 0 && differs(p, points[i - 1])) };
    });
    const label = PERIODS.find(([d]) => d === days)[1].toLowerCase();
    show(chart, h('div', { class: 'chart-scroll' }, usageChart(series, label, since)), legend(), usageTable(series, label));
  });
}

const differs = (a, b) => a.inUse !== b.inUse || a.pending !== b.pending;

// ---- the chart: an inline SVG step chart (each point is the value after a change) ----

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 960;
const HEIGHT = 300;
const MARGIN = { left: 52, right: 20, top: 14, bottom: 46 };
const STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400,
  172_800, 604_800, 1_209_600].map((seconds) => seconds * 1000);

function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, value);
  node.append(...children.flat().filter((child) => child !== null && child !== undefined && child !== false));
  return node;
}

/**
 * The time axis runs from shortly before the period's first change to now: a period that starts
 * with weeks of no change would squeeze every change into the right edge.
 */
function timeRange(series, since) {
  const end = Math.max(Date.now(), ...series.flatMap((s) => s.points.map((p) => p.time)));
  const changes = series.flatMap((s) => s.changes.map((p) => p.time));
  if (!changes.length) return { start: since, end };
  const first = Math.min(...changes);
  return { start: Math.max(since, first - Math.max(2000, (end - first) / 20)), end };
}

/** The points from `start` on, the first one carrying the value in force at `start`. */
function visiblePoints(points, start) {
  const before = points.filter((p) => p.time <= start).pop();
  const after = points.filter((p) => p.time > start);
  return before ? [{ ...before, time: start }, ...after] : after;
}

function usageChart(series, period, since) {
  if (!series.some((s) => s.points.length)) return h('p', { class: 'empty' }, `No seat data for the ${period}.`);
  const { start, end } = timeRange(series, since);
  const top = niceMax(Math.max(1, ...series.flatMap((s) => s.points.flatMap((p) => [p.inUse, p.pending]))));
  const x = (time) => MARGIN.left + ((time - start) / (end - start)) * (WIDTH - MARGIN.left - MARGIN.right);
  const y = (value) => HEIGHT - MARGIN.bottom - (value / top) * (HEIGHT - MARGIN.top - MARGIN.bottom);
  const titleId = uid('chart-title');
  const descId = uid('chart-desc');
  return svg('svg', {
    class: 'usage-chart', viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-labelledby': `${titleId} ${descId}`,
  },
  svg('title', { id: titleId }, `Seat use, ${period}`),
  svg('desc', { id: descId }, series.map((s) => summary(s)).join(' ')),
  valueAxis(top, y),
  timeAxis(start, end, x),
  series.flatMap((s) => {
    const points = visiblePoints(s.points, start);
    return ['inUse', 'pending'].map((key) => points.length && svg('path', {
      class: `series ${s.pool.id.split('.').pop()}${key === 'pending' ? ' dashed' : ''}`,
      d: stepPath(points, key, x, y, end),
    }));
  }));
}

function stepPath(points, key, x, y, now) {
  const [first, ...rest] = points;
  const moves = rest.map((p) => `H${x(p.time).toFixed(1)}V${y(p[key]).toFixed(1)}`).join('');
  return `M${x(first.time).toFixed(1)},${y(first[key]).toFixed(1)}${moves}H${x(now).toFixed(1)}`;
}

/** The smallest 1, 2 or 5 × 10ⁿ steps (whole seats) that cover `max` in about five lines. */
function niceMax(max) {
  return niceStep(max) * Math.ceil(max / niceStep(max));
}

function niceStep(max) {
  const rough = Math.max(1, max / 5);
  const power = 10 ** Math.floor(Math.log10(rough));
  return [1, 2, 5, 10].map((m) => m * power).find((step) => step >= rough);
}

function valueAxis(top, y) {
  const step = niceStep(top);
  const ticks = Array.from({ length: top / step + 1 }, (_, i) => i * step);
  return svg('g', { class: 'axis' },
    ticks.map((value) => svg('g', {},
      svg('line', { class: 'grid-line', x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: y(value), y2: y(value) }),
      svg('text', { x: MARGIN.left - 8, y: y(value) + 4, 'text-anchor': 'end' }, String(value)))),
    svg('text', { class: 'axis-title', transform: `translate(14 ${(HEIGHT - MARGIN.bottom + MARGIN.top) / 2}) rotate(-90)`, 'text-anchor': 'middle' }, 'Seats'));
}

function timeAxis(start, end, x) {
  const step = STEPS.find((s) => (end - start) / s <= 7) || STEPS[STEPS.length - 1];
  const ticks = [];
  for (let t = Math.ceil(start / step) * step; t <= end; t += step) ticks.push(t);
  const format = step < 60_000 ? { timeStyle: 'medium' }
    : step < 86_400_000 ? { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }
      : { month: 'short', day: 'numeric' };
  const baseline = HEIGHT - MARGIN.bottom;
  return svg('g', { class: 'axis' },
    svg('line', { class: 'axis-line', x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: baseline, y2: baseline }),
    ticks.map((t) => svg('g', {},
      svg('line', { class: 'axis-line', x1: x(t), x2: x(t), y1: baseline, y2: baseline + 5 }),
      svg('text', { x: x(t), y: baseline + 19, 'text-anchor': 'middle' }, new Date(t).toLocaleString(undefined, format)))),
    svg('text', { class: 'axis-title', x: (MARGIN.left + WIDTH - MARGIN.right) / 2, y: HEIGHT - 6, 'text-anchor': 'middle' }, 'Time'));
}

function legend() {
  return h('ul', { class: 'legend', 'aria-hidden': 'true' },
    POOLS.flatMap((pool) => [['in use', ''], ['pending', ' dashed']].map(([what, style]) =>
      h('li', {}, h('span', { class: `swatch ${pool.id.split('.').pop()}${style}` }), `${pool.name} ${what}`))));
}

function summary({ pool, points }) {
  if (!points.length) return `${pool.name}: no data.`;
  const last = points[points.length - 1];
  return `${pool.name}: ${last.inUse} in use now (peak ${peak(points, 'inUse')}), ${last.pending} pending now (peak ${peak(points, 'pending')}).`;
}

const peak = (points, key) => Math.max(...points.map((p) => p[key]));

/** The chart's numbers as a table, for screen readers and anyone who wants exact values. */
function usageTable(series, period) {
  return h('details', { class: 'chart-data' },
    h('summary', {}, 'The chart as a table'),
    table(`Seat use, ${period}`, [
      { label: 'Pool', cell: (s) => s.pool.name },
      { label: 'In use now', cell: (s) => last(s, 'inUse') },
      { label: 'Peak in use', cell: (s) => (s.points.length ? String(peak(s.points, 'inUse')) : '—') },
      { label: 'Pending now', cell: (s) => last(s, 'pending') },
      { label: 'Peak pending', cell: (s) => (s.points.length ? String(peak(s.points, 'pending')) : '—') },
      { label: 'Changes', cell: (s) => count(s.changes.length, 'change') },
    ], series));
}

const last = (s, key) => (s.points.length ? String(s.points[s.points.length - 1][key]) : '—');
