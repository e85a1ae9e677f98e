// Audit log: every change of a user's licenses, seats and numbers, newest first, filtered by
// user, product and time on the server and paged there.
import { get, SCIM, literal } from '../api.js';
import { h, show, field, table, pager, message, describe, fieldError, when, rememberInHash } from '../ui.js';

export const title = 'Audit log';

const PAGE_SIZE = 25;

/** The products of /AuditEvents (api.md), in an admin's words. */
export const PRODUCTS = {
  contactCenter: 'Contact-center license',
  phone: 'Phone license',
  callingPackage: 'Calling package',
  extension: 'Extension',
  directNumber: 'Direct number',
  agentId: 'Agent id',
  site: 'Site',
};

/** The audit events as a table; the user column is left out on a user's own page. */
export function auditTable(caption, events, { withUser = true } = {}) {
  const columns = [
    { label: 'Time', cell: (event) => when(event.time) },
    withUser && { label: 'User', cell: userLink },
    { label: 'Product', cell: (event) => PRODUCTS[event.product] || event.product },
    { label: 'Before → after', cell: (event) => `${event.before ?? '—'} → ${event.after ?? '—'}` },
    { label: 'Reason', cell: (event) => event.reason || '' },
    { label: 'Actor', cell: (event) => event.actor || '' },
  ].filter(Boolean);
  return table(caption, columns, events, { empty: 'No audit events match.' });
}

function userLink(event) {
  const user = event.user || {};
  return user.value ? h('a', { href: `#/users/${encodeURIComponent(user.value)}` }, user.display || user.value) : user.display || '';
}

/** Newest-first audit events for a SCIM filter. */
export function auditEvents(filter, startIndex, count) {
  return get(`${SCIM}/AuditEvents`, { filter, startIndex, count, sortBy: 'time', sortOrder: 'descending' });
}

export async function render(main, { params }) {
  const view = {
    user: params.user || '', product: PRODUCTS[params.product] ? params.product : '',
    from: params.from || '', to: params.to || '', start: Number(params.start) || 1,
  };
  const fields = filterFields(view);
  view.results = h('div', { class: 'results' });
  const form = h('form', { class: 'toolbar', role: 'search', 'aria-label': 'Filter the audit log',
    onsubmit: (event) => {
      event.preventDefault();
      Object.assign(view, { user: fields.user.input.value.trim(), product: fields.product.input.value,
        from: fields.from.input.value, to: fields.to.input.value, start: 1 });
      loadEvents(view, fields);
    } },
  ...Object.values(fields).map((parts) => parts.row), h('button', { type: 'submit' }, 'Show events'));
  show(main, h('h1', {}, 'Audit log'),
    h('p', {}, 'Every change of a license, seat, agent id or number, with why it happened and who caused it.'),
    form, view.results);
  await loadEvents(view, fields, { initial: true });
}

function filterFields(view) {
  const product = field('Product', {}, 'select');
  product.input.append(h('option', { value: '' }, 'Any product'),
    ...Object.entries(PRODUCTS).map(([key, label]) => h('option', { value: key, selected: key === view.product }, label)));
  return {
    user: field('User (userName)', { type: 'search', value: view.user }),
    product,
    from: field('From', { type: 'datetime-local', value: view.from, step: 1 }),
    to: field('To', { type: 'datetime-local', value: view.to, step: 1 }),
  };
}

async function loadEvents(view, fields, { initial = false } = {}) {
  const { user, product, from, to, start } = view;
  rememberInHash('audit', { user, product, from, to, start: start > 1 ? start : '' });
  for (const parts of Object.values(fields)) fieldError(parts, null);
  const times = timeClauses(view, fields);
  if (!times) return show(view.results);
  try {
    const userFilter = await userClause(user);
    const filter = [userFilter.clause, product && `product eq ${literal(product)}`, ...times].filter(Boolean).join(' and ');
    const list = await auditEvents(filter, start, PAGE_SIZE);
    show(view.results, userFilter.note ? message('info', userFilter.note) : null,
      auditTable(`Audit events: ${list.totalResults} found, newest first`, list.Resources),
      pager(list, (next) => { view.start = next; loadEvents(view, fields); }, PAGE_SIZE));
  } catch (error) {
    // On the first load app.js turns these into the sign-in form; later, words are enough.
    if (initial && (error.status === 401 || error.status === 403)) throw error;
    show(view.results, message('error', describe(error)));
  }
}

/**
 * A typed userName filters by the user's id, which stays right after a rename; a name no current
 * user has falls back to the name the events recorded (a deleted user's history).
 */
async function userClause(userName) {
  if (!userName) return {};
  const found = await get(`${SCIM}/Users`, { filter: `userName eq ${literal(userName)}`, attributes: 'userName' });
  if (found.Resources.length) return { clause: `user.value eq ${literal(found.Resources[0].id)}` };
  return {
    clause: `user.display eq ${literal(userName)}`,
    note: `No current user is named ${userName}; showing the events recorded under that name.`,
  };
}

/** time ge/le clauses from the local date-times typed; null (and a field error) when unreadable. */
function timeClauses(view, fields) {
  const clauses = [];
  for (const [key, operator] of [['from', 'ge'], ['to', 'le']]) {
    if (!view[key]) continue;
    const instant = new Date(view[key]);
    if (Number.isNaN(instant.getTime())) {
      fieldError(fields[key], { detail: `${view[key]} is not a date and time` });
      return null;
    }
    clauses.push(`time ${operator} ${literal(instant.toISOString())}`);
  }
  return clauses;
}
