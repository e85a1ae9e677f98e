// Phone: sites with their extension ranges (used/free), calling packages, the direct-number
// inventory (add numbers, see who holds which) and the agent ids and extensions in use.
import { get, post, put, del, literal, SCIM } from '../api.js';
import { h, show, field, fieldError, describe, table, message, uid, CC, PHONE } from '../ui.js';
import { count, integer, placeError, clearErrors, choice, checkbox, note, openDialog, attempt, pages } from '../forms.js';

export const title = 'Phone';

const SITES = `${SCIM}/Sites`;
const PACKAGES = `${SCIM}/CallingPackages`;
const NUMBERS = `${SCIM}/PhoneNumbers`;
const SCHEMA = (name) => `urn:switchboard:params:scim:schemas:core:1.0:${name}`;
const PAGE_SIZE = 20;
const NUMBER_STATES = ['unassigned', 'assigned', 'held', 'cooldown'];

// Which field a server error concerns (see placeError): the first matching rule wins.
const SITE_ERROR_FIELDS = [
  ['ranges', /extension ?range|extensionRanges/i],
  ['cooldown', /cooldown/i],
  ['hold', /hold/i],
  ['isDefault', /default/],
  ['name', /^uniqueness|\bname\b/],
];
const PACKAGE_ERROR_FIELDS = [['rank', /\brank\b/], ['name', /^uniqueness|\bname\b/]];

export async function render(main) {
  const view = { main, notice: h('div', { class: 'notice', tabindex: '-1' }) };
  const sites = section('sites', 'Sites and extension ranges',
    h('button', { type: 'button', onclick: () => editSite(view, null) }, 'New site'));
  const packages = section('packages', 'Calling packages',
    h('button', { type: 'button', onclick: () => editPackage(view, null) }, 'New calling package'));
  const numbers = section('numbers', 'Direct numbers');
  const used = section('used', 'Agent ids and extensions in use');
  Object.assign(view, { sites: sites.body, packages: packages.body, numbers: numbers.body, used: used.body });
  show(main,
    h('h1', {}, title),
    h('p', { class: 'lead' }, 'A phone-licensed user gets the lowest free extension of their site\'s ranges. ',
      'Calling packages enable outbound calls; direct numbers come from your inventory and need a package.'),
    view.notice,
    sites.element, packages.element, numbers.element, used.element);
  await Promise.all([showSites(view), showPackages(view), showNumbers(view), showUsedIds(view)]);
}

function section(name, heading, ...actions) {
  const body = h('div');
  const element = h('section', { 'aria-labelledby': `${name}-heading` },
    h('div', { class: 'section-head' }, h('h2', { id: `${name}-heading` }, heading), ...actions),
    body);
  return { element, body };
}

async function done(view, text, reload) {
  show(view.notice, message('ok', text));
  view.notice.focus();
  await reload(view);
}

// ---- dialogs shared by sites and calling packages ----

/** A form in a dialog: `send()` does the write; its SCIM errors land next to their fields. */
function formDialog(view, { heading, fields, rules, submit, send, saved }) {
  show(view.notice);
  const headingId = uid('dialog');
  const problems = h('div');
  const submitButton = h('button', { type: 'submit' }, submit);
  const cancel = h('button', { type: 'button', class: 'secondary' }, 'Cancel');
  const form = h('form', { novalidate: true },
    h('h2', { id: headingId }, heading),
    h('div', { class: 'form-grid' }, Object.values(fields).map((parts) => parts.row)),
    problems,
    h('div', { class: 'actions' }, submitButton, cancel));
  const dialog = openDialog(view.main, headingId, form);
  cancel.addEventListener('click', () => dialog.close());
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(fields, problems);
    submitButton.disabled = true;
    let result;
    try {
      result = await send();
    } catch (error) {
      placeError(error, fields, rules, problems);
      return;
    } finally {
      submitButton.disabled = false;
    }
    dialog.close();
    await saved(result);
  });
}

/** Asks before deleting; a refusal (e.g. a site still in use) is shown in the dialog. */
function confirmDialog(view, { heading, text, confirm, remove, removed }) {
  show(view.notice);
  const headingId = uid('confirm');
  const problems = h('div');
  const yes = h('button', { type: 'button', class: 'danger' }, confirm);
  const cancel = h('button', { type: 'button', class: 'secondary' }, 'Cancel');
  const dialog = openDialog(view.main, headingId,
    h('h2', { id: headingId }, heading), h('p', {}, text), problems, h('div', { class: 'actions' }, yes, cancel));
  cancel.addEventListener('click', () => dialog.close());
  yes.addEventListener('click', () => attempt(problems, async () => {
    await remove();
    dialog.close();
    await removed();
  }));
}

function rowActions(name, onEdit, onDelete) {
  return h('span', { class: 'row-actions' },
    h('button', { type: 'button', class: 'secondary', 'aria-label': `Edit ${name}`, onclick: onEdit }, 'Edit'),
    h('button', { type: 'button', class: 'secondary', 'aria-label': `Delete ${name}`, onclick: onDelete }, 'Delete'));
}

// ---- sites ----

// The number form offers the sites, so it follows their changes.
const showSitesAndNumbers = (view) => Promise.all([showSites(view), showNumbers(view)]);

async function showSites(view, startIndex = 1) {
  await attempt(view.sites, async () => {
    const [list, usage] = await Promise.all([
      get(SITES, { sortBy: 'name', startIndex, count: PAGE_SIZE }),
      get('/admin/site-usage'),
    ]);
    const rangesOf = new Map((usage.sites || []).map((site) => [site.id, site.ranges || []]));
    show(view.sites,
      table('Sites, by name', [
        { label: 'Site', cell: (s) => h('span', {}, s.name, s.isDefault ? [' ', h('span', { class: 'badge assigned' }, 'default')] : null) },
        { label: 'Extension ranges', cell: (s) => rangeUsage(rangesOf.get(s.id) || []) },
        { label: 'Cooldown', cell: (s) => count(s.extensionCooldownDays ?? 0, 'day') },
        { label: 'Hold', cell: (s) => count(s.holdDays ?? 30, 'day') },
        {
          label: 'Actions',
          cell: (s) => rowActions(s.name, () => editSite(view, s), () => confirmDialog(view, {
            heading: `Delete site "${s.name}"?`,
            text: 'Its extension ranges go with it. A site that still has users or numbers cannot be deleted.',
            confirm: 'Delete site',
            remove: () => del(`${SITES}/${s.id}`),
            removed: () => done(view, `Site "${s.name}" deleted.`, showSitesAndNumbers),
          })),
        },
      ], list.Resources || [], { empty: 'No sites yet: create one with the extension numbers it hands out.' }),
      pages(list, (start) => showSites(view, start)));
  });
}

function rangeUsage(ranges) {
  if (!ranges.length) return h('span', { class: 'empty' }, 'no ranges');
  return h('ul', { class: 'ranges' }, ranges.map((r) => {
    const used = h('span', { class: 'used' });
    used.style.width = `${r.size ? (100 * r.used) / r.size : 0}%`;
    return h('li', {},
      h('span', { class: 'range' }, `${r.from}–${r.to}`),
      h('span', { class: 'range-count' }, `${r.used} used, ${r.free} free`),
      h('span', { class: 'bar small', 'aria-hidden': 'true' }, used));
  }));
}

function editSite(view, site) {
  const s = site || { extensionRanges: [], extensionCooldownDays: 0, holdDays: 30, isDefault: false };
  const ranges = rangeEditor(s.extensionRanges || []);
  const fields = {
    name: field('Name', { value: s.name || '', required: true, autocomplete: 'off' }),
    cooldown: field('Cooldown days', { value: String(s.extensionCooldownDays ?? 0), inputmode: 'numeric', size: 6 }),
    hold: field('Hold days', { value: String(s.holdDays ?? 30), inputmode: 'numeric', size: 6 }),
    isDefault: checkbox('Default site (for users and templates that name none)', s.isDefault),
    ranges,
  };
  fields.cooldown.row.append(note(fields.cooldown, 'How long a released extension rests before reuse.'));
  fields.hold.row.append(note(fields.hold, 'How long a deactivated user\'s numbers are kept for them.'));
  const value = (key) => fields[key].input.value.trim();
  formDialog(view, {
    heading: site ? `Edit site "${site.name}"` : 'New site',
    fields,
    rules: SITE_ERROR_FIELDS,
    submit: 'Save site',
    send: () => {
      const body = {
        schemas: [SCHEMA('Site')],
        name: value('name'),
        extensionRanges: ranges.values(),
        extensionCooldownDays: integer(value('cooldown')),
        holdDays: integer(value('hold')),
        isDefault: fields.isDefault.input.checked,
      };
      return site ? put(`${SITES}/${site.id}`, body) : post(SITES, body);
    },
    saved: (saved) => done(view, `Site "${saved.name}" saved.`, showSitesAndNumbers),
  });
}

/** The extension ranges as rows of from/to inputs; shaped like field() so errors land under it. */
function rangeEditor(initial) {
  const rows = h('div', { class: 'range-rows' });
  const error = h('p', { class: 'field-error', id: uid('ranges-error'), role: 'alert', hidden: true });
  const input = h('fieldset', { class: 'field ranges-field', 'aria-describedby': error.id },
    h('legend', {}, 'Extension ranges'), rows);
  // Labels say which row they are in ("Range 2 from"), so they follow a removal.
  const renumber = () => [...rows.children].forEach((row, i) => {
    const [from, to, remove] = row.querySelectorAll('input, button');
    from.setAttribute('aria-label', `Range ${i + 1} from`);
    to.setAttribute('aria-label', `Range ${i + 1} to`);
    remove.setAttribute('aria-label', `Remove range ${i + 1}`);
  });
  const addRow = (range = { from: '', to: '' }) => {
    const from = h('input', { value: range.from, inputmode: 'numeric', size: 8 });
    const to = h('input', { value: range.to, inputmode: 'numeric', size: 8 });
    const remove = h('button', { type: 'button', class: 'secondary' }, 'Remove');
    const row = h('div', { class: 'range-row' }, from, h('span', { 'aria-hidden': 'true' }, '–'), to, remove);
    remove.addEventListener('click', () => {
      row.remove();
      renumber();
    });
    rows.append(row);
    renumber();
    return from;
  };
  initial.forEach((range) => addRow(range));
  if (!initial.length) addRow();
  input.append(h('button', { type: 'button', class: 'secondary', onclick: () => addRow().focus() }, 'Add range'), error);
  const values = () => [...rows.children]
    .map((row) => row.querySelectorAll('input'))
    .map(([from, to]) => ({ from: from.value.trim(), to: to.value.trim() }))
    .filter((range) => range.from || range.to);
  return { row: input, input, error, values };
}

// ---- calling packages ----

async function showPackages(view, startIndex = 1) {
  await attempt(view.packages, async () => {
    const list = await get(PACKAGES, { sortBy: 'rank', startIndex, count: PAGE_SIZE });
    show(view.packages,
      table('Calling packages, lowest rank first', [
        { label: 'Name', cell: (p) => p.name },
        { label: 'Rank', cell: (p) => String(p.rank) },
        {
          label: 'Actions',
          cell: (p) => rowActions(p.name, () => editPackage(view, p), () => confirmDialog(view, {
            heading: `Delete calling package "${p.name}"?`,
            text: 'A package that a template still names cannot be deleted.',
            confirm: 'Delete package',
            remove: () => del(`${PACKAGES}/${p.id}`),
            removed: () => done(view, `Calling package "${p.name}" deleted.`, showPackages),
          })),
        },
      ], list.Resources || [], { empty: 'No calling packages yet.' }),
      pages(list, (start) => showPackages(view, start)));
  });
}

function editPackage(view, pack) {
  const fields = {
    name: field('Name', { value: pack ? pack.name : '', required: true, autocomplete: 'off' }),
    rank: field('Rank', { value: pack ? String(pack.rank) : '', inputmode: 'numeric', required: true, size: 6 }),
  };
  fields.rank.row.append(note(fields.rank, 'A user asked for several packages gets the highest rank.'));
  formDialog(view, {
    heading: pack ? `Edit calling package "${pack.name}"` : 'New calling package',
    fields,
    rules: PACKAGE_ERROR_FIELDS,
    submit: 'Save package',
    send: () => {
      const body = { schemas: [SCHEMA('CallingPackage')], name: fields.name.input.value.trim(), rank: integer(fields.rank.input.value.trim()) };
      return pack ? put(`${PACKAGES}/${pack.id}`, body) : post(PACKAGES, body);
    },
    saved: (saved) => done(view, `Calling package "${saved.name}" saved.`, showPackages),
  });
}

// ---- direct numbers ----

async function showNumbers(view) {
  await attempt(view.numbers, async () => {
    const sites = await get(SITES, { sortBy: 'name', count: 1000, attributes: 'name' });
    const list = h('div');
    const state = choice('Filter by state', [['', 'any'], ...NUMBER_STATES.map((s) => [s, s])], '');
    state.input.addEventListener('change', () => showNumberList(list, state.input.value, 1));
    show(view.numbers,
      addNumbersForm(sites.Resources || [], () => showNumberList(list, state.input.value, 1)),
      h('div', { class: 'toolbar' }, state.row),
      list);
    await showNumberList(list, '', 1);
  });
}

async function showNumberList(box, state, startIndex) {
  await attempt(box, async () => {
    const list = await get(NUMBERS, {
      filter: state ? `state eq ${literal(state)}` : undefined, sortBy: 'number', startIndex, count: PAGE_SIZE,
    });
    show(box,
      table(state ? `Direct numbers: ${state}` : 'Direct numbers', [
        { label: 'Number', cell: (n) => n.number },
        { label: 'Site', cell: (n) => n.site || '—' },
        { label: 'State', cell: (n) => h('span', { class: `badge ${n.state}` }, n.state) },
        { label: 'Assigned to', cell: (n) => (n.assignedTo ? userLink(n.assignedTo.value, n.assignedTo.display) : '—') },
      ], list.Resources || [], { empty: state ? `No ${state} numbers.` : 'No numbers in the inventory yet.' }),
      pages(list, (start) => showNumberList(box, state, start)));
  });
}

const userLink = (id, name) => h('a', { href: `#/users/${encodeURIComponent(id)}` }, name || id);

/** Adds one number or a pasted list, one POST each, with each number's outcome listed. */
function addNumbersForm(sites, added) {
  const numbers = field('Numbers to add (E.164, one per line or separated by commas)', { rows: 3, spellcheck: false }, 'textarea');
  const site = choice('Site', [['', 'none'], ...sites.map((s) => [s.name, s.name])], '');
  const progress = h('p', { class: 'busy', role: 'status' });
  const add = h('button', { type: 'submit' }, 'Add numbers');
  const outcomes = h('ul', { class: 'outcomes' });
  numbers.row.append(outcomes);
  const form = h('form', { class: 'card add-numbers', novalidate: true, 'aria-label': 'Add direct numbers' },
    h('div', { class: 'form-grid' }, numbers.row, site.row),
    h('div', { class: 'actions' }, add, progress));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    fieldError(numbers, null);
    outcomes.replaceChildren();
    const wanted = numbers.input.value.split(/[\s,;]+/).filter(Boolean);
    const failed = [];
    add.disabled = true;
    for (const [i, number] of wanted.entries()) {
      progress.textContent = `Adding ${i + 1} of ${wanted.length}…`;
      try {
        await post(NUMBERS, { schemas: [SCHEMA('PhoneNumber')], number, site: site.input.value || undefined });
        outcomes.append(h('li', { class: 'ok' }, `${number}: added`));
      } catch (error) {
        failed.push(number);
        outcomes.append(h('li', { class: 'failed' }, `${number}: ${describe(error)}`));
      }
    }
    add.disabled = false;
    progress.textContent = wanted.length ? `${count(wanted.length - failed.length, 'number')} added.` : '';
    if (!wanted.length) fieldError(numbers, { detail: 'Type or paste at least one number.' });
    else if (failed.length) fieldError(numbers, { detail: `${count(failed.length, 'number')} not added; see why below. They are left in the box to fix.` });
    numbers.input.value = failed.join('\n');
    await added();
  });
  return form;
}

// ---- used ids ----

async function showUsedIds(view) {
  const agents = h('div');
  const extensions = h('div');
  show(view.used, h('div', { class: 'grid' }, agents, extensions));
  await Promise.all([showAgentIds(agents, 1), showExtensions(extensions, 1)]);
}

async function showAgentIds(box, startIndex) {
  await attempt(box, async () => {
    const list = await get(`${SCIM}/Users`, {
      filter: `${CC}:agentId pr`, attributes: `userName,${CC}:agentId`, sortBy: `${CC}:agentId`, startIndex, count: PAGE_SIZE,
    });
    show(box,
      table('Agent ids in use', [
        { label: 'Agent id', cell: (u) => String(u[CC].agentId) },
        { label: 'User', cell: (u) => userLink(u.id, u.userName) },
      ], list.Resources || [], { empty: 'No agent ids in use.' }),
      pages(list, (start) => showAgentIds(box, start)));
  });
}

async function showExtensions(box, startIndex) {
  await attempt(box, async () => {
    const list = await get(`${SCIM}/Users`, {
      filter: `${PHONE}:extensionNumber pr`,
      attributes: `userName,${PHONE}:extensionNumber,${PHONE}:effectiveSite`,
      sortBy: `${PHONE}:extensionNumber`, startIndex, count: PAGE_SIZE,
    });
    show(box,
      table('Extensions in use', [
        { label: 'Extension', cell: (u) => u[PHONE].extensionNumber },
        { label: 'Site', cell: (u) => u[PHONE].effectiveSite || '—' },
        { label: 'User', cell: (u) => userLink(u.id, u.userName) },
      ], list.Resources || [], { empty: 'No extensions in use.' }),
      pages(list, (start) => showExtensions(box, start)));
  });
}
