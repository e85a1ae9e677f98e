// Users: who holds which contact-center and phone license. Search, filters, paging and sorting
// are SCIM query parameters answered by the server; several users can get a new direct license
// or role at once through one POST /Bulk.
import { get, post, SCIM, literal } from '../api.js';
import { h, show, field, table, pager, message, describe, badge, rememberInHash, CC, PHONE } from '../ui.js';

export const title = 'Users';

const PAGE_SIZES = ['10', '25', '50', '100'];
const DEFAULT_PAGE_SIZE = '25';
const LISTED_ATTRIBUTES = ['userName', 'displayName', 'name.formatted', 'active', CC, PHONE].join(',');
const SEARCHED_ATTRIBUTES = ['userName', 'displayName', 'emails.value'];

/** Column key (as kept in the hash) → the attribute the server sorts by. */
const SORTABLE = {
  userName: 'userName',
  name: 'displayName',
  active: 'active',
  tier: `${CC}:effectiveLicense`,
  state: `${CC}:licenseState`,
  role: `${CC}:role`,
  agentId: `${CC}:agentId`,
  extension: `${PHONE}:extensionNumber`,
  site: `${PHONE}:effectiveSite`,
};

/** The page size from the hash: any count the server accepts (1–1000), so a bookmark keeps its own. */
function pageSize(count) {
  return /^\d+$/.test(count || '') && count >= 1 && count <= 1000 ? String(Number(count)) : DEFAULT_PAGE_SIZE;
}

/** The filters chosen from a list: hash key → label and choices ('' = any). */
const CHOICE_FILTERS = {
  active: ['Status', [['', 'Any'], ['active', 'Active'], ['inactive', 'Inactive']]],
  tier: ['Tier', [['', 'Any'], ['none', 'None'], ['standard', 'Standard'], ['premium', 'Premium']]],
  state: ['License state', [['', 'Any'], ['none', 'None'], ['assigned', 'Assigned'],
    ['pending', 'Pending (no free seat)'], ['suspended', 'Suspended (inactive)']]],
};

/** The SCIM filter for the page's search and filter values ('' when nothing is filtered). */
export function usersFilter({ q, queue, active, tier, state }) {
  const parts = [];
  if (q) parts.push(`(${SEARCHED_ATTRIBUTES.map((name) => `${name} co ${literal(q)}`).join(' or ')})`);
  if (queue) parts.push(`${CC}:queues eq ${literal(queue)}`);
  if (active) parts.push(`active eq ${active === 'active'}`);
  if (tier) parts.push(`${CC}:effectiveLicense eq ${literal(tier)}`);
  if (state) parts.push(`${CC}:licenseState eq ${literal(state)}`);
  return parts.join(' and ');
}

export async function render(main, { params }) {
  const view = {
    q: params.q || '', queue: params.queue || '', active: params.active || '', tier: params.tier || '',
    state: params.state || '', sort: SORTABLE[params.sort] ? params.sort : '',
    order: params.order === 'descending' ? 'descending' : 'ascending',
    start: Number(params.start) || 1, count: pageSize(params.count),
    selected: new Map(), // id → userName, for the bulk actions and their messages
    loads: 0,
  };
  view.results = h('div', { class: 'results' });
  view.bulk = bulkForm(view);
  show(main, h('h1', {}, 'Users'), filterForm(view), view.bulk.form, view.results);
  await loadUsers(view, { initial: true });
}

function filterForm(view) {
  const search = field('Search', { type: 'search', value: view.q, placeholder: 'userName, display name or email' });
  const queue = field('Queue', { type: 'text', value: view.queue, placeholder: 'e.g. Sales' });
  const selects = Object.fromEntries(Object.entries(CHOICE_FILTERS).map(([key, [label, choices]]) =>
    [key, choiceField(label, choices, view[key])]));
  const sizes = PAGE_SIZES.includes(view.count) ? PAGE_SIZES : [view.count, ...PAGE_SIZES];
  const perPage = choiceField('Per page', sizes.map((size) => [size, size]), view.count);
  const apply = () => {
    Object.assign(view, { q: search.input.value.trim(), queue: queue.input.value.trim(), start: 1, count: perPage.input.value });
    for (const [key, parts] of Object.entries(selects)) view[key] = parts.input.value;
    loadUsers(view);
  };
  for (const parts of [...Object.values(selects), perPage]) parts.input.addEventListener('change', apply);
  const clear = () => {
    for (const parts of [search, queue, ...Object.values(selects)]) parts.input.value = '';
    apply();
  };
  return h('form', { class: 'toolbar', role: 'search', 'aria-label': 'Find users', onsubmit: (event) => { event.preventDefault(); apply(); } },
    search.row, queue.row, ...Object.values(selects).map((parts) => parts.row), perPage.row,
    h('button', { type: 'submit' }, 'Search'),
    h('button', { type: 'button', class: 'secondary', onclick: clear }, 'Clear filters'));
}

function choiceField(label, choices, value) {
  const parts = field(label, {}, 'select');
  parts.input.append(...choices.map(([key, text]) => h('option', { value: key, selected: key === value }, text)));
  return parts;
}

async function loadUsers(view, { initial = false } = {}) {
  const load = ++view.loads;
  rememberInHash('users', hashParams(view));
  view.results.setAttribute('aria-busy', 'true');
  try {
    const list = await get(`${SCIM}/Users`, {
      filter: usersFilter(view), startIndex: view.start, count: view.count, attributes: LISTED_ATTRIBUTES,
      sortBy: SORTABLE[view.sort], sortOrder: view.sort ? view.order : '',
    });
    if (load !== view.loads) return; // a newer search answered first
    keepSelectedOnPage(view, list.Resources);
    show(view.results, usersTable(view, list), pager(list, (start) => { view.start = start; loadUsers(view); }, Number(view.count)));
  } catch (error) {
    // On the first load app.js turns these into the sign-in form; later, words are enough.
    if (initial && (error.status === 401 || error.status === 403)) throw error;
    show(view.results, message('error', describe(error)));
  } finally {
    view.results.removeAttribute('aria-busy');
  }
}

function hashParams(view) {
  const { q, queue, active, tier, state, sort, order } = view;
  return { q, queue, active, tier, state, sort, order: sort && order === 'descending' ? order : '',
    start: view.start > 1 ? view.start : '', count: view.count === DEFAULT_PAGE_SIZE ? '' : view.count };
}

/** A selection only ever holds users shown on the current page: no action on unseen rows. */
function keepSelectedOnPage(view, users) {
  const shown = new Set(users.map((user) => user.id));
  for (const id of view.selected.keys()) if (!shown.has(id)) view.selected.delete(id);
  view.bulk.update();
}

function usersTable(view, list) {
  const users = list.Resources;
  const caption = `Users: ${list.totalResults} found${view.start > 1 ? `, from number ${view.start}` : ''}`;
  const rowBoxes = [];
  const selectAll = h('input', { type: 'checkbox', 'aria-label': 'Select every user on this page' });
  const syncSelectAll = () => {
    selectAll.checked = users.length > 0 && view.selected.size === users.length;
    selectAll.indeterminate = view.selected.size > 0 && !selectAll.checked;
  };
  selectAll.addEventListener('change', () => {
    for (const box of rowBoxes) { box.checked = selectAll.checked; box.dispatchEvent(new Event('change')); }
  });
  const selectBox = (user) => {
    const box = h('input', { type: 'checkbox', 'aria-label': `Select ${user.userName}`, checked: view.selected.has(user.id) });
    box.addEventListener('change', () => {
      if (box.checked) view.selected.set(user.id, user.userName); else view.selected.delete(user.id);
      syncSelectAll();
      view.bulk.update();
    });
    rowBoxes.push(box);
    return box;
  };
  const columns = [
    { label: 'Select', head: selectAll, cell: selectBox },
    sortable(view, 'userName', 'userName', (u) => h('a', { href: `#/users/${encodeURIComponent(u.id)}` }, u.userName)),
    sortable(view, 'name', 'Name', (u) => u.displayName || (u.name && u.name.formatted) || ''),
    sortable(view, 'active', 'Status', (u) => (u.active === false ? 'inactive' : 'active')),
    sortable(view, 'tier', 'Tier', (u) => badge(cc(u).effectiveLicense)),
    sortable(view, 'state', 'License state', (u) => badge(cc(u).licenseState)),
    sortable(view, 'role', 'Role', (u) => cc(u).role || ''),
    { label: 'Queues', cell: (u) => (cc(u).queues || []).join(', ') },
    sortable(view, 'agentId', 'Agent id', (u) => cc(u).agentId ?? ''),
    sortable(view, 'extension', 'Extension', (u) => phone(u).extensionNumber || ''),
    sortable(view, 'site', 'Site', (u) => phone(u).effectiveSite || phone(u).site || ''),
  ];
  const result = table(caption, columns, users, { empty: 'No user matches these filters.' });
  syncSelectAll();
  return result;
}

const cc = (user) => user[CC] || {};
const phone = (user) => user[PHONE] || {};

/** A column whose header button asks the server to sort by it (again: the other way round). */
function sortable(view, key, label, cell) {
  const current = view.sort === key;
  const descending = current && view.order === 'descending';
  const toggle = () => {
    view.order = current && !descending ? 'descending' : 'ascending';
    view.sort = key;
    view.start = 1;
    loadUsers(view).then(() => {
      const again = [...view.results.querySelectorAll('th button.sort')].find((b) => b.dataset.key === key);
      if (again) again.focus();
    });
  };
  const arrow = current ? (descending ? ' ▼' : ' ▲') : ' ↕';
  const head = h('button', { type: 'button', class: 'sort', 'data-key': key, onclick: toggle },
    label, h('span', { 'aria-hidden': 'true' }, arrow));
  return { label, head, cell, sort: current ? (descending ? 'descending' : 'ascending') : 'none' };
}

/** The bulk actions: set or remove the direct license, or set the role, of the selected users. */
function bulkForm(view) {
  const license = choiceField('Direct license', [['none', 'None'], ['standard', 'Standard'], ['premium', 'Premium']], 'standard');
  const role = choiceField('Role', [['agent', 'Agent'], ['supervisor', 'Supervisor'], ['admin', 'Admin']], 'agent');
  const count = h('p', { class: 'selected-count', 'aria-live': 'polite' });
  const outcome = h('div', { class: 'bulk-outcome' });
  const run = (words, operation) => applyToSelected(view, words, operation, outcome);
  const buttons = [
    h('button', { type: 'button', onclick: () => run(`Direct license set to ${license.input.value}`,
      { op: 'replace', path: `${CC}:license`, value: license.input.value }) }, 'Set license'),
    h('button', { type: 'button', class: 'secondary', onclick: () => run('Direct license removed',
      { op: 'remove', path: `${CC}:license` }) }, 'Remove direct license'),
    h('button', { type: 'button', onclick: () => run(`Role set to ${role.input.value}`,
      { op: 'replace', path: `${CC}:role`, value: role.input.value }) }, 'Set role'),
  ];
  const form = h('fieldset', { class: 'card bulk' },
    h('legend', {}, 'Change the selected users'),
    count,
    h('div', { class: 'toolbar' }, license.row, buttons[0], buttons[1], role.row, buttons[2]),
    outcome);
  const update = () => {
    const size = view.selected.size;
    count.textContent = size ? `${size} selected.` : 'Select users in the table to change several at once.';
    for (const button of buttons) button.disabled = size === 0;
  };
  update();
  return { form, update };
}

/** One POST /Bulk with a PATCH per selected user; each user succeeds or fails on its own. */
async function applyToSelected(view, words, operation, outcome) {
  const targets = [...view.selected.entries()];
  show(outcome, message('info', `Applying to ${targets.length} users…`));
  let answer;
  try {
    answer = await post(`${SCIM}/Bulk`, {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:BulkRequest'],
      Operations: targets.map(([id]) => ({
        method: 'PATCH', bulkId: id, path: `/Users/${id}`,
        data: { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [operation] },
      })),
    });
  } catch (error) {
    show(outcome, message('error', `Nothing was changed. ${describe(error)}`));
    return;
  }
  const failures = answer.Operations.filter((result) => Number(result.status) >= 400);
  const changed = targets.length - failures.length;
  show(outcome,
    changed ? message('ok', `${words} for ${changed} of ${targets.length} users.`) : null,
    failures.length ? h('div', { class: 'message error', role: 'alert' },
      `${failures.length} of ${targets.length} users were not changed:`,
      h('ul', {}, failures.map((result) => h('li', {},
        `${view.selected.get(result.bulkId) || result.bulkId}: ${describe(bulkError(result))}`)))) : null);
  await loadUsers(view);
}

function bulkError(result) {
  const response = result.response || {};
  return { status: Number(result.status), scimType: response.scimType, detail: response.detail || `The server answered ${result.status}` };
}
