// Groups & templates: the groups the IdP pushed (member counts, templates), the license templates
// that turn membership into licenses, and an editor that shows what a template write would do
// (the same request with ?dryRun=true) before it is saved or deleted.
import { get, call, del, literal, SCIM } from '../api.js';
import { h, show, field, describe, table, message, uid } from '../ui.js';
import { integer, count, placeError, clearErrors, note, choice, checkbox, openDialog, pages, attempt } from '../forms.js';
import { PRODUCTS } from './audit.js';

export const title = 'Groups & templates';

const TEMPLATES = `${SCIM}/LicenseTemplates`;
const TEMPLATE_SCHEMA = 'urn:switchboard:params:scim:schemas:core:1.0:LicenseTemplate';
const PAGE_SIZE = 20;
const TIERS = ['none', 'standard', 'premium'];

// SCIM errors name no attribute path, so the field is read from "scimType detail"; the first
// rule that matches wins, hence the longer attribute names come first.
const TEMPLATE_ERROR_FIELDS = [
  ['callingPackage', /callingPackage|calling package/],
  ['contactCenter', /contactCenter/],
  ['precedence', /precedence/],
  ['group', /\bgroup/],
  ['site', /\bsite\b/],
  ['phone', /\bphone\b/],
  ['name', /^uniqueness|\bname\b/],
];


export async function render(main, { params }) {
  const view = {
    main,
    search: params.search || '',
    groupsStart: 1,
    templatesStart: 1,
    notice: h('div', { class: 'notice', tabindex: '-1' }),
    groups: h('div'),
    templates: h('div'),
  };
  show(main,
    h('h1', {}, title),
    h('p', { class: 'lead' }, 'The IdP owns the groups; you attach license templates to them. Every member gets what ',
      'a template grants, and when templates disagree the highest tier wins. Preview a change to see ',
      'whom it upgrades, downgrades or leaves waiting for a seat before you save it.'),
    view.notice,
    h('section', { 'aria-labelledby': 'groups-heading' },
      h('h2', { id: 'groups-heading' }, 'Groups'),
      groupSearch(view),
      view.groups),
    h('section', { 'aria-labelledby': 'templates-heading' },
      h('div', { class: 'section-head' },
        h('h2', { id: 'templates-heading' }, 'License templates'),
        h('button', { type: 'button', onclick: () => editTemplate(view, null, '') }, 'New template')),
      view.templates));
  await refresh(view);
}

function refresh(view) {
  return Promise.all([showGroups(view), showTemplates(view)]);
}

function groupSearch(view) {
  const search = field('Search groups', { type: 'search', value: view.search, placeholder: 'Part of a group name' });
  let timer;
  const run = () => {
    view.search = search.input.value.trim();
    view.groupsStart = 1;
    // Kept in the address (so reload and back keep it) without the router redrawing the page.
    history.replaceState(null, '', view.search ? `#/groups?search=${encodeURIComponent(view.search)}` : '#/groups');
    showGroups(view);
  };
  search.input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(run, 300);
  });
  const form = h('form', { class: 'toolbar', role: 'search' }, search.row, h('button', { type: 'submit' }, 'Search'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    run();
  });
  return form;
}

async function showGroups(view) {
  await attempt(view.groups, async () => {
    const { search } = view;
    const list = await get('/admin/groups', { search, startIndex: view.groupsStart, count: PAGE_SIZE });
    if (search !== view.search) return; // a later search is under way
    show(view.groups,
      table('Groups pushed by the IdP', [
        { label: 'Group', cell: (group) => group.displayName },
        { label: 'Members', cell: (group) => String(group.memberCount) },
        { label: 'Templates', cell: (group) => templateLinks(view, group.templates || []) },
        {
          label: 'Actions',
          cell: (group) => h('button', {
            type: 'button', class: 'secondary', 'aria-label': `Add a template for ${group.displayName}`,
            onclick: () => editTemplate(view, null, group.displayName),
          }, 'Add template'),
        },
      ], list.Resources || [], { empty: search ? `No group name contains "${search}".` : 'The IdP has pushed no groups yet.' }),
      pages(list, (start) => {
        view.groupsStart = start;
        showGroups(view);
      }));
  });
}

function templateLinks(view, templates) {
  if (!templates.length) return h('span', { class: 'empty' }, 'none');
  return h('span', { class: 'chips' }, templates.map((template) => h('button', {
    type: 'button', class: 'link', 'aria-label': `Edit template ${template.display}`,
    onclick: () => attempt(view.notice, async () => editTemplate(view, await get(`${TEMPLATES}/${template.value}`), '')),
  }, template.display)));
}

async function showTemplates(view) {
  await attempt(view.templates, async () => {
    const list = await get(TEMPLATES, { sortBy: 'name', startIndex: view.templatesStart, count: PAGE_SIZE });
    show(view.templates,
      table('License templates, by name', [
        { label: 'Name', cell: (t) => t.name },
        { label: 'Group', cell: groupCell },
        { label: 'Contact center', cell: (t) => h('span', { class: `badge ${t.contactCenter}` }, t.contactCenter) },
        { label: 'Phone', cell: (t) => (t.phone ? 'licensed' : 'no') },
        { label: 'Calling package', cell: (t) => t.callingPackage || '—' },
        { label: 'Site', cell: (t) => t.site || '—' },
        { label: 'Precedence', cell: (t) => String(t.precedence) },
        {
          label: 'Actions',
          cell: (t) => h('span', { class: 'row-actions' },
            h('button', { type: 'button', class: 'secondary', 'aria-label': `Edit ${t.name}`, onclick: () => editTemplate(view, t, '') }, 'Edit'),
            h('button', { type: 'button', class: 'secondary', 'aria-label': `Delete ${t.name}`, onclick: () => confirmDelete(view, t) }, 'Delete')),
        },
      ], list.Resources || [], { empty: 'No templates yet: every license comes from users\' own values and roles.' }),
      pages(list, (start) => {
        view.templatesStart = start;
        showTemplates(view);
      }));
  });
}

function groupCell(template) {
  const group = template.group || {};
  if (group.value) return group.display || group.value;
  return h('span', {}, group.display, ' ', h('span', { class: 'badge', title: 'Applies to the group of this name whenever the IdP pushes it' }, 'by name'));
}

async function editTemplate(view, template, groupName) {
  await attempt(view.notice, async () => {
    const [packages, sites] = await Promise.all([
      get(`${SCIM}/CallingPackages`, { sortBy: 'rank', count: 1000, attributes: 'name,rank' }),
      get(`${SCIM}/Sites`, { sortBy: 'name', count: 1000, attributes: 'name' }),
    ]);
    openEditor(view, template, groupName, { packages: packages.Resources || [], sites: sites.Resources || [] });
  });
}

function templateFields(template, groupName, { packages, sites }) {
  const t = template || { contactCenter: 'none', phone: false, precedence: 100 };
  const fields = {
    name: field('Name', { value: t.name || '', required: true, autocomplete: 'off' }),
    group: groupPicker(t.group ? t.group.display || '' : groupName),
    contactCenter: choice('Contact-center tier', TIERS.map((tier) => [tier, tier]), t.contactCenter),
    phone: checkbox('Phone licensed', t.phone),
    callingPackage: choice('Calling package',
      [['', 'none'], ...packages.map((p) => [p.name, `${p.name} (rank ${p.rank})`])], t.callingPackage || ''),
    site: choice('Site', [['', 'none'], ...sites.map((s) => [s.name, s.name])], t.site || ''),
    precedence: field('Precedence', { value: String(t.precedence ?? 100), inputmode: 'numeric', size: 6 }),
  };
  fields.site.row.append(note(fields.site, 'For members who name no site themselves.'));
  fields.precedence.row.append(note(fields.precedence, 'Lower comes first when templates name different sites.'));
  return fields;
}

/** The group input: suggests pushed groups as you type and says whether the name exists yet. */
function groupPicker(initial) {
  const suggestions = h('datalist', { id: uid('groups') });
  const parts = field('Group', { value: initial, list: suggestions.id, required: true, autocomplete: 'off' });
  const hint = note(parts, '');
  hint.setAttribute('aria-live', 'polite');
  parts.row.append(suggestions, hint);
  let timer;
  const update = () => describeGroup(parts.input, suggestions, hint);
  parts.input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(update, 250);
  });
  update();
  return parts;
}

async function describeGroup(input, suggestions, hint) {
  const name = input.value.trim();
  if (!name) {
    suggestions.replaceChildren();
    hint.textContent = 'Pick a group the IdP pushed, or type the name of one it will push.';
    return;
  }
  try {
    const [similar, exact] = await Promise.all([
      get('/admin/groups', { search: name, count: 10 }), findGroup(name)]);
    if (input.value.trim() !== name) return;
    suggestions.replaceChildren(...(similar.Resources || []).map((g) => h('option', { value: g.displayName })));
    hint.textContent = exact
      ? `Existing group "${exact.displayName}".`
      : `No group named "${name}" yet: the template applies to it as soon as the IdP pushes a group of that name.`;
  } catch (error) {
    hint.textContent = describe(error);
  }
}

async function findGroup(name) {
  const found = await get(`${SCIM}/Groups`, { filter: `displayName eq ${literal(name)}`, attributes: 'displayName' });
  return (found.Resources || [])[0] || null;
}

/** The template's group: unchanged when the name is, else the pushed group of that name (by id) or the name alone. */
async function groupReference(name, original) {
  if (!name) return undefined;
  if (original && (original.display || '').toLowerCase() === name.toLowerCase()) return original;
  const group = await findGroup(name);
  return group ? { value: group.id, display: group.displayName } : { display: name };
}

async function templateBody(fields, original) {
  const value = (key) => fields[key].input.value.trim();
  return {
    schemas: [TEMPLATE_SCHEMA],
    name: value('name'),
    group: await groupReference(value('group'), original && original.group),
    contactCenter: value('contactCenter'),
    phone: fields.phone.input.checked,
    callingPackage: value('callingPackage') || undefined,
    site: value('site') || undefined,
    precedence: integer(value('precedence')),
  };
}

function writeTemplate(original, body, dryRun) {
  const params = dryRun ? { dryRun: true } : undefined;
  return original
    ? call('PUT', `${TEMPLATES}/${original.id}`, { body, params })
    : call('POST', TEMPLATES, { body, params });
}

function openEditor(view, original, groupName, catalogues) {
  show(view.notice);
  const fields = templateFields(original, groupName, catalogues);
  const headingId = uid('editor');
  const problems = h('div');
  const busy = h('p', { class: 'busy', role: 'status' });
  const report = h('div', { class: 'preview', 'aria-live': 'polite' });
  const preview = h('button', { type: 'submit', class: 'secondary' }, 'Preview');
  const save = h('button', { type: 'button', disabled: true }, 'Save');
  const cancel = h('button', { type: 'button', class: 'secondary' }, 'Cancel');
  const form = h('form', { novalidate: true },
    h('h2', { id: headingId }, original ? `Edit template "${original.name}"` : 'New template'),
    h('div', { class: 'form-grid' }, Object.values(fields).map((parts) => parts.row)),
    problems,
    report,
    h('p', { class: 'hint' }, 'Preview shows what saving would change; Save is enabled after a preview.'),
    h('div', { class: 'actions' }, preview, save, cancel, busy));
  const dialog = openDialog(view.main, headingId, form);
  cancel.addEventListener('click', () => dialog.close());

  // Save stays disabled after each attempt: only a successful preview enables it again.
  const send = async (dryRun) => {
    clearErrors(fields, problems);
    busy.textContent = dryRun ? 'Working out the effect…' : 'Saving…';
    preview.disabled = true;
    save.disabled = true;
    try {
      return await writeTemplate(original, await templateBody(fields, original), dryRun);
    } catch (error) {
      placeError(error, fields, TEMPLATE_ERROR_FIELDS, problems);
      return null;
    } finally {
      busy.textContent = '';
      preview.disabled = false;
    }
  };
  form.addEventListener('input', () => {
    if (save.disabled) return;
    save.disabled = true;
    show(report, h('p', { class: 'hint' }, 'The form changed since the preview: preview again before saving.'));
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const effect = await send(true);
    if (!effect) return;
    show(report, previewReport(effect, 'Saving this template'));
    save.disabled = false;
  });
  save.addEventListener('click', async () => {
    const saved = await send(false);
    if (!saved) return;
    dialog.close();
    await done(view, `Template "${saved.name}" saved.`);
  });
}

async function confirmDelete(view, template) {
  await attempt(view.notice, async () => {
    show(view.notice);
    const preview = await del(`${TEMPLATES}/${template.id}`, { params: { dryRun: true } });
    const headingId = uid('delete');
    const problems = h('div');
    const remove = h('button', { type: 'button', class: 'danger' }, 'Delete template');
    const cancel = h('button', { type: 'button', class: 'secondary' }, 'Cancel');
    const dialog = openDialog(view.main, headingId,
      h('h2', { id: headingId }, `Delete template "${template.name}"?`),
      previewReport(preview, 'Removing this template'),
      problems,
      h('div', { class: 'actions' }, remove, cancel));
    cancel.addEventListener('click', () => dialog.close());
    remove.addEventListener('click', () => attempt(problems, async () => {
      await del(`${TEMPLATES}/${template.id}`);
      dialog.close();
      await done(view, `Template "${template.name}" deleted.`);
    }));
  });
}

async function done(view, text) {
  show(view.notice, message('ok', text));
  view.notice.focus();
  await refresh(view);
}

/** What a dry run says, in words: counts first, then the first changes user by user. */
function previewReport(preview, action) {
  if (!preview.usersAffected) return h('p', { class: 'message info' }, `${action} changes no user's licenses.`);
  const phone = preview.phone || {};
  const changes = preview.changes || [];
  const phoneLines = [
    [phone.licensed, 'gain a phone license', 'gains a phone license'],
    [phone.unlicensed, 'lose their phone license', 'loses their phone license'],
    [phone.pending, 'left waiting for a phone seat or number'],
  ].filter(([n]) => n);
  return h('div', { class: 'card preview-report' },
    h('p', {}, h('strong', {}, `${action} affects ${count(preview.usersAffected, 'user')}:`)),
    h('ul', { class: 'effects' },
      h('li', {}, `${count(preview.upgraded, 'user')} upgraded`),
      h('li', {}, `${count(preview.downgraded, 'user')} downgraded`),
      h('li', {}, `${count(preview.pending, 'user')} left pending for lack of seats`),
      phoneLines.map(([n, many, one = many]) => h('li', {}, `${count(n, 'user')} ${n === 1 ? one : many}`))),
    table(changes.length >= 100 ? 'Changes (the first 100)' : 'Changes', [
      { label: 'User', cell: (c) => h('a', { href: `#/users/${encodeURIComponent(c.user.value)}` }, c.user.display || c.user.value) },
      { label: 'Product', cell: (c) => PRODUCTS[c.product] || c.product },
      { label: 'Before', cell: (c) => c.before },
      { label: 'After', cell: (c) => c.after },
    ], changes));
}
