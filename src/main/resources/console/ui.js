// Small DOM helpers shared by every page. No framework: elements are built with h().

/** h('button', {type: 'button', onclick}, 'Save') → an element; attrs starting with "on" are listeners. */
export function h(tag, attrs, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      element.addEventListener(key.slice(2), value);
    } else if (key === 'class') {
      element.className = value;
    } else if (key in element && typeof value !== 'string') {
      element[key] = value;
    } else {
      element.setAttribute(key, value === true ? '' : value);
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

let ids = 0;
/** A unique id for label/aria wiring. */
export const uid = (prefix = 'f') => `${prefix}-${++ids}`;

/** A labelled form field: returns {row, input}. `control` defaults to an <input>. */
export function field(label, attrs = {}, control = 'input') {
  const id = attrs.id || uid();
  const input = h(control, { ...attrs, id });
  const error = h('p', { class: 'field-error', id: `${id}-error`, role: 'alert', hidden: true });
  input.setAttribute('aria-describedby', error.id);
  const row = h('div', { class: 'field' }, h('label', { for: id }, label), input, error);
  return { row, input, error };
}

/** Shows a ScimError in words next to the field it concerns (or clears it with null). */
export function fieldError(fieldParts, error) {
  const { input, error: box } = fieldParts;
  if (!error) {
    box.hidden = true;
    box.textContent = '';
    input.removeAttribute('aria-invalid');
    return;
  }
  box.textContent = describe(error);
  box.hidden = false;
  input.setAttribute('aria-invalid', 'true');
}

/** A page-level message box: kind 'error' | 'info' | 'ok'. */
export function message(kind, text) {
  return h('div', { class: `message ${kind}`, role: kind === 'error' ? 'alert' : 'status' }, text);
}

/** An error as an admin reads it: the server's detail, with what kind of problem it is. */
export function describe(error) {
  if (!error) return '';
  const kinds = {
    uniqueness: 'Already taken',
    invalidValue: 'Not a valid value',
    invalidSyntax: 'Not understood',
    invalidFilter: 'Search not understood',
    mutability: 'Cannot be changed',
    noTarget: 'Not found',
    tooMany: 'Too many results',
  };
  const kind = kinds[error.scimType] || (error.status === 401 ? 'Not signed in'
    : error.status === 403 ? 'Not allowed' : error.status === 404 ? 'Not found'
      : error.status === 412 ? 'Changed by someone else' : null);
  const detail = error.detail || error.message || String(error);
  return kind ? `${kind}: ${detail}` : detail;
}

/** Replaces a container's content. */
export function show(container, ...children) {
  container.replaceChildren();
  append(container, children);
}

/**
 * A table with a caption; columns = [{label, cell: (row) => node|string}]. A column may also give
 * `head` (a node shown instead of the label, e.g. a sort button) and `sort` (its aria-sort).
 */
export function table(caption, columns, rows, { empty = 'Nothing to show.' } = {}) {
  if (!rows.length) return h('p', { class: 'empty' }, empty);
  return h('div', { class: 'table-wrap' },
    h('table', {},
      h('caption', {}, caption),
      h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col', 'aria-sort': c.sort }, c.head || c.label)))),
      h('tbody', {}, rows.map((row) => h('tr', {}, columns.map((c) => h('td', { 'data-label': c.label }, c.cell(row))))))));
}

/**
 * Previous/next paging for SCIM lists: calls onPage(startIndex). `pageSize` is the count asked
 * for: on a last, shorter page itemsPerPage alone would step back too little.
 */
export function pager(list, onPage, pageSize) {
  const start = list.startIndex || 1;
  const shown = (list.Resources || []).length;
  const total = list.totalResults || 0;
  const count = pageSize || list.itemsPerPage || shown;
  return h('nav', { class: 'pager', 'aria-label': 'Pages' },
    h('button', { type: 'button', disabled: start <= 1, onclick: () => onPage(Math.max(1, start - count)) }, 'Previous'),
    h('span', { 'aria-live': 'polite' }, total ? `${start}–${start + shown - 1} of ${total}` : 'none'),
    h('button', { type: 'button', disabled: start + shown > total, onclick: () => onPage(start + shown) }, 'Next'));
}

/** A small coloured label for a tier or license state ('premium', 'pending', …). */
export function badge(text, kind = text) {
  return h('span', { class: `badge ${kind || ''}` }, text || '—');
}

/** An instant as the admin's local date and time, machine-readable in <time datetime>. */
export function when(iso) {
  if (!iso) return '';
  const shown = new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
  return h('time', { datetime: iso }, shown);
}

/**
 * Writes a page's params into the hash without rendering again (unlike navigate), so a page
 * that refreshes only its results keeps focus while reload and shared links keep the filters.
 */
export function rememberInHash(path, params) {
  const search = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== '' && v != null)).toString();
  history.replaceState(null, '', `#/${path}${search ? `?${search}` : ''}`);
}

/** Extension attribute URNs, for reading users. */
export const CC = 'urn:switchboard:params:scim:schemas:extension:contactcenter:1.0:User';
export const PHONE = 'urn:switchboard:params:scim:schemas:extension:phone:1.0:User';
