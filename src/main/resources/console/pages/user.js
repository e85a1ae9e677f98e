// User detail: everything of the contact-center and phone extensions, why the user holds each
// license, the direct values to edit (one PATCH guarded by If-Match), resending the welcome
// email, group memberships and the user's audit trail.
import { get, patch, post, SCIM, literal } from '../api.js';
import { h, show, field, fieldError, message, describe, badge, pager, CC, PHONE } from '../ui.js';
import { auditTable, auditEvents } from './audit.js';

export const title = 'User';

const TRAIL_PAGE_SIZE = 10;
const GROUPS_PAGE_SIZE = 50;

export async function render(main, { id }) {
  await showUser(main, id);
}

async function showUser(main, id, notice) {
  const [user, packages, sites] = await Promise.all([
    get(`${SCIM}/Users/${encodeURIComponent(id)}`), catalogueNames('CallingPackages'), catalogueNames('Sites')]);
  const groups = h('div', {});
  const trail = h('div', {});
  show(main,
    heading(user),
    notice,
    h('div', { class: 'grid' }, contactCenterCard(user), phoneCard(user)),
    welcomeCard(user),
    directValuesForm(user, { packages, sites }, (saved) => showUser(main, id, saved)),
    h('section', { 'aria-labelledby': 'groups-title' }, h('h2', { id: 'groups-title' }, 'Groups'), groups),
    h('section', { 'aria-labelledby': 'trail-title' },
      h('h2', { id: 'trail-title' }, 'Audit trail'),
      h('p', {}, h('a', { href: `#/audit?user=${encodeURIComponent(user.userName)}` }, 'Open in the audit log')),
      trail));
  if (notice) {
    notice.tabIndex = -1; // after Save the page is drawn anew: keyboard focus goes to what happened
    notice.focus();
  }
  await Promise.all([loadGroups(groups, user.id, 1), loadTrail(trail, user.id, 1)]);
}

/** Names of an admin catalogue (/Sites, /CallingPackages), for the select lists. */
async function catalogueNames(resource) {
  const list = await get(`${SCIM}/${resource}`, { attributes: 'name', sortBy: 'name', count: 1000 });
  return list.Resources.map((item) => item.name);
}

function heading(user) {
  const emails = (user.emails || []).map((email) => email.value);
  return h('header', { class: 'user-heading' },
    h('p', {}, h('a', { href: '#/users' }, '← All users')),
    h('h1', {}, user.displayName || (user.name && user.name.formatted) || user.userName),
    h('p', { class: 'muted' }, [user.userName, user.active === false ? 'inactive' : 'active', ...emails].join(' · ')));
}

function contactCenterCard(user) {
  const cc = user[CC] || {};
  return h('section', { class: 'card', 'aria-labelledby': 'cc-title' },
    h('h2', { id: 'cc-title' }, 'Contact center'),
    facts([
      ['Tier', badge(cc.effectiveLicense || 'none')],
      ['License state', stateWithMeaning(cc.licenseState, [`a free ${cc.effectiveLicense} seat: the pool is full. `
        + 'The user who has waited longest gets the next free seat (see ', h('a', { href: '#/seats' }, 'Seats'), ')'])],
      ['Why', reasons(cc.licenseSources, (source) => `${source.tier} — ${origin(source, cc.role)}`)],
      ['Direct license', cc.license || 'not set'],
      ['Role', cc.role || 'agent'],
      ['Agent id', cc.agentId ?? 'none yet'],
      ['Queues', (cc.queues || []).join(', ') || 'none'],
    ]));
}

function phoneCard(user) {
  const phone = user[PHONE] || {};
  return h('section', { class: 'card', 'aria-labelledby': 'phone-title' },
    h('h2', { id: 'phone-title' }, 'Phone'),
    facts([
      ['Phone license', phone.effectiveLicensed ? 'licensed' : 'not licensed'],
      ['License state', stateWithMeaning(phone.licenseState, 'a free phone seat, or a free extension on the site')],
      ['Why', reasons(phone.licenseSources, (source) => `${phoneTier(source.tier)} — ${origin(source)}`)],
      ['Calling package', phone.effectiveCallingPackage || 'none'],
      ['Site', phone.effectiveSite || phone.site || 'none'],
      ['Extension', phone.extensionNumber || 'none'],
      ['Direct numbers', (phone.directNumbers || []).join(', ') || 'none'],
      ['Direct phone license', phone.licensed === undefined ? 'not set' : phone.licensed ? 'yes' : 'no'],
      ['Direct calling package', phone.callingPackage || 'not set'],
      ['Direct site', phone.site || 'not set'],
    ]));
}

const PRODUCT_NAMES = { contactCenter: 'contact-center', phone: 'phone' };

/** Resend welcome email: POST /admin/users/{id}/welcome, the outcome in words below the button. */
function welcomeCard(user) {
  const outcome = h('div', { class: 'form-outcome' });
  const button = h('button', { type: 'button', class: 'secondary' }, 'Resend welcome email');
  button.addEventListener('click', async () => {
    button.disabled = true;
    show(outcome);
    try {
      const { queued } = await post(`/admin/users/${encodeURIComponent(user.id)}/welcome`);
      const sentences = queued.map((mail) => `the ${PRODUCT_NAMES[mail.product] || mail.product} welcome to ${mail.recipient}`);
      show(outcome, message('ok', `Queued ${sentences.join(' and ')}. It is sent within a few seconds.`));
    } catch (error) {
      show(outcome, message('error', `Not queued. ${describe(error)}`));
    } finally {
      button.disabled = false;
    }
  });
  return h('section', { class: 'card', 'aria-labelledby': 'welcome-title' },
    h('h2', { id: 'welcome-title' }, 'Welcome email'),
    h('p', {}, 'Sent once, when the user first gets a contact-center seat or a phone extension. '
      + 'Resending sends it again for each license the user holds now, to their primary email address.'),
    button, outcome);
}

function facts(pairs) {
  return h('dl', { class: 'facts' }, pairs.map(([term, value]) => [h('dt', {}, term), h('dd', {}, value)]));
}

function stateWithMeaning(state, awaited) {
  const meaning = {
    pending: ['Waiting for ', awaited, '.'],
    suspended: 'Inactive: no seat is held; memberships, role and agent id stay, numbers are held for the site\'s hold days.',
  }[state];
  return [badge(state || 'none'), meaning ? h('span', { class: 'meaning' }, ' ', meaning) : null];
}

/** licenseSources as the sentences an admin asks for: "premium — from group Sales Leads". */
function reasons(sources, sentence) {
  if (!sources || !sources.length) return 'Nothing asks for a license.';
  return h('ul', { class: 'why' }, sources.map((source) => h('li', {}, sentence(source))));
}

function origin(source, role) {
  if (source.type === 'direct') return 'set directly';
  if (source.type === 'role') return `role ${role || 'supervisor or admin'}`;
  return `from group ${source.display || source.value}`;
}

const phoneTier = (tier) => (tier === 'licensed' ? 'phone license' : `calling package ${tier}`);

/** The direct values an admin may set: where they live, how they are typed and read. */
function editableValues({ packages, sites }) {
  const optional = (names) => [['', 'Not set'], ...names.map((name) => [name, name])];
  return [
    { ext: CC, key: 'license', label: 'Direct license', kind: 'choice', choices: optional(['none', 'standard', 'premium']) },
    { ext: CC, key: 'role', label: 'Role', kind: 'choice', choices: ['agent', 'supervisor', 'admin'].map((r) => [r, r]),
      hint: 'supervisor and admin need premium' },
    { ext: CC, key: 'queues', label: 'Queues', kind: 'list', hint: 'comma-separated, e.g. Sales, Support' },
    { ext: CC, key: 'agentId', label: 'Agent id', kind: 'integer', hint: 'unique; empty = the lowest free id from 1000' },
    { ext: PHONE, key: 'licensed', label: 'Direct phone license', kind: 'boolean',
      choices: [['', 'Not set'], ['true', 'Yes'], ['false', 'No']] },
    { ext: PHONE, key: 'callingPackage', label: 'Direct calling package', kind: 'choice', choices: optional(packages) },
    { ext: PHONE, key: 'site', label: 'Direct site', kind: 'choice', choices: optional(sites) },
    { ext: PHONE, key: 'extensionNumber', label: 'Extension', kind: 'text', hint: 'digits; 0 = the lowest free number of the site' },
    { ext: PHONE, key: 'directNumbers', label: 'Direct numbers', kind: 'list', hint: 'E.164 from the number inventory, comma-separated' },
  ];
}

function directValuesForm(user, catalogues, reshow) {
  const values = editableValues(catalogues).map((value) => ({ ...value, current: currentValue(user, value) }));
  for (const value of values) value.parts = valueField(value);
  const outcome = h('div', { class: 'form-outcome' });
  const save = h('button', { type: 'submit' }, 'Save');
  const form = h('form', { class: 'card direct-values', 'aria-labelledby': 'direct-title' },
    h('h2', { id: 'direct-title' }, 'Direct values'),
    h('p', {}, 'What this user asks for directly. Groups and the role still apply on top: the highest tier wins.'),
    h('div', { class: 'grid' },
      h('fieldset', {}, h('legend', {}, 'Contact center'), values.filter((v) => v.ext === CC).map((v) => v.parts.row)),
      h('fieldset', {}, h('legend', {}, 'Phone'), values.filter((v) => v.ext === PHONE).map((v) => v.parts.row))),
    save, outcome);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    for (const value of values) fieldError(value.parts, null);
    show(outcome);
    const changed = values.filter((value) => !sameValue(readValue(value), value.current));
    if (!changed.length) return show(outcome, message('info', 'Nothing to save: no value was changed.'));
    save.disabled = true;
    try {
      await patch(`${SCIM}/Users/${encodeURIComponent(user.id)}`, changed.map(operation),
        { headers: { 'If-Match': user.meta.version } });
      await reshow(message('ok', `Saved: ${changed.map((value) => value.label.toLowerCase()).join(', ')}.`));
    } catch (error) {
      save.disabled = false;
      showSaveError(error, changed, outcome, reshow);
    }
  });
  return form;
}

function valueField(value) {
  const control = value.choices ? 'select' : 'input';
  const parts = field(value.label, control === 'input' ? { type: 'text', inputmode: value.kind === 'integer' ? 'numeric' : null } : {}, control);
  const shown = value.kind === 'list' ? (value.current || []).join(', ') : value.current === undefined ? '' : String(value.current);
  if (value.choices) {
    const choices = value.choices.some(([key]) => key === shown) ? value.choices : [...value.choices, [shown, shown]];
    parts.input.append(...choices.map(([key, text]) => h('option', { value: key, selected: key === shown }, text)));
  } else {
    parts.input.value = shown;
  }
  if (value.hint) {
    const hint = h('p', { class: 'hint', id: `${parts.input.id}-hint` }, value.hint);
    parts.row.insertBefore(hint, parts.error);
    parts.input.setAttribute('aria-describedby', `${hint.id} ${parts.error.id}`);
  }
  return parts;
}

function currentValue(user, { ext, key, kind }) {
  const stored = (user[ext] || {})[key];
  if (kind === 'list') return stored && stored.length ? stored : undefined;
  if (kind === 'choice' && key === 'role') return stored || 'agent';
  return stored === null ? undefined : stored;
}

/** The typed value, in the type SCIM wants; undefined = not set. A non-number agent id is sent
 * as typed so that the server's own words explain what is wrong with it. */
function readValue({ kind, parts }) {
  const raw = parts.input.value.trim();
  if (raw === '') return undefined;
  if (kind === 'list') {
    const items = raw.split(/[,;]/).map((item) => item.trim()).filter(Boolean);
    return items.length ? items : undefined;
  }
  if (kind === 'integer') return /^\d+$/.test(raw) ? Number(raw) : raw;
  if (kind === 'boolean') return raw === 'true';
  return raw;
}

const sameValue = (a, b) => JSON.stringify(a) === JSON.stringify(b);

function operation(value) {
  const path = `${value.ext}:${value.key}`;
  const typed = readValue(value);
  return typed === undefined ? { op: 'remove', path } : { op: 'replace', path, value: typed };
}

/** Words in the server's error detail that name the value it concerns, most specific first. */
const ERROR_SUBJECTS = [
  [/agent ?id/i, 'agentId'], [/extension/i, 'extensionNumber'], [/direct number/i, 'directNumbers'],
  [/calling ?package/i, 'callingPackage'], [/\bsite\b/i, 'site'], [/\brole\b/i, 'role'], [/queue/i, 'queues'],
  [/\blicensed\b|phone license/i, 'licensed'], [/\blicense\b/i, 'license'],
];

/** Shows the error next to the field it concerns; only when no changed field fits, below Save. */
function showSaveError(error, changed, outcome, reshow) {
  if (error.status === 412) {
    show(outcome, message('error', describe(error)),
      h('button', { type: 'button', class: 'secondary', onclick: () => reshow(message('info', 'These are the current values.')) },
        'Load the current values'));
    return;
  }
  const concerned = changed.length === 1 ? changed[0] : ERROR_SUBJECTS
    .map(([words, key]) => words.test(error.detail || '') && changed.find((value) => value.key === key))
    .find(Boolean);
  if (concerned) {
    fieldError(concerned.parts, error);
    concerned.parts.input.focus();
    show(outcome, message('error', 'Nothing was saved: see the message at the field.'));
  } else {
    show(outcome, message('error', `Nothing was saved. ${describe(error)}`));
  }
}

async function loadGroups(container, userId, startIndex) {
  try {
    const list = await get(`${SCIM}/Groups`, {
      filter: `members.value eq ${literal(userId)}`, attributes: 'displayName', sortBy: 'displayName',
      startIndex, count: GROUPS_PAGE_SIZE,
    });
    if (!list.totalResults) return show(container, h('p', { class: 'empty' }, 'Not a member of any group.'));
    show(container, h('ul', { class: 'groups' }, list.Resources.map((group) => h('li', {}, group.displayName))),
      list.totalResults > GROUPS_PAGE_SIZE ? pager(list, (next) => loadGroups(container, userId, next), GROUPS_PAGE_SIZE) : null);
  } catch (error) {
    show(container, message('error', describe(error)));
  }
}

async function loadTrail(container, userId, startIndex) {
  try {
    const list = await auditEvents(`user.value eq ${literal(userId)}`, startIndex, TRAIL_PAGE_SIZE);
    show(container, auditTable(`Changes of this user's licenses and numbers, newest first (${list.totalResults})`,
      list.Resources, { withUser: false }),
    pager(list, (next) => loadTrail(container, userId, next), TRAIL_PAGE_SIZE));
  } catch (error) {
    show(container, message('error', describe(error)));
  }
}
