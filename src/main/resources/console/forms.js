// Form helpers the admin pages share: numbers as typed, SCIM errors placed next to their field,
// selects, checkboxes, dialogs, paging and actions whose failure is shown in words.
import { h, show, field, fieldError, describe, pager, message, uid } from './ui.js';

/** A whole number as a number; anything else as typed, so the server's answer says what is wrong. */
export const integer = (text) => (text === '' ? undefined : /^-?\d+$/.test(text) ? Number(text) : text);

/** "1 user", "3 users". */
export const count = (n, noun) => `${n} ${n === 1 ? noun : `${noun}s`}`;

/**
 * Shows a SCIM error next to the field it concerns: `rules` are [field key, pattern] tried in
 * order on "scimType detail"; an error no rule claims goes to the form's `fallback` box.
 */
export function placeError(error, fields, rules, fallback) {
  const text = `${error.scimType || ''} ${error.detail || ''}`;
  const rule = rules.find(([key, pattern]) => fields[key] && pattern.test(text));
  if (rule) fieldError(fields[rule[0]], error);
  else show(fallback, message('error', describe(error)));
}

/** Clears every field error and the form's fallback box before a new attempt. */
export function clearErrors(fields, fallback) {
  Object.values(fields).forEach((parts) => fieldError(parts, null));
  show(fallback);
}

/** A hint for a field, read out with it (added to the input's aria-describedby). */
export function note(parts, text) {
  const hint = h('p', { class: 'hint', id: uid('hint') }, text);
  parts.input.setAttribute('aria-describedby', `${parts.input.getAttribute('aria-describedby')} ${hint.id}`);
  return hint;
}

/** A labelled <select>: options are [value, label] pairs. */
export function choice(label, options, current) {
  const parts = field(label, {}, 'select');
  parts.input.append(...options.map(([value, text]) => h('option', { value, selected: value === current }, text)));
  return parts;
}

/** A checkbox with its label after it and an error slot, shaped like field(). */
export function checkbox(label, checked) {
  const id = uid('check');
  const input = h('input', { type: 'checkbox', id, checked: Boolean(checked) });
  const error = h('p', { class: 'field-error', id: `${id}-error`, role: 'alert', hidden: true });
  input.setAttribute('aria-describedby', error.id);
  return { row: h('div', { class: 'field check' }, h('span', {}, input, h('label', { for: id }, label)), error), input, error };
}

/** A modal <dialog> in `container`; focus goes back to what opened it when it closes. */
export function openDialog(container, labelId, ...content) {
  const opener = document.activeElement;
  const dialog = h('dialog', { class: 'sheet', 'aria-labelledby': labelId }, ...content);
  dialog.addEventListener('close', () => {
    dialog.remove();
    if (opener && opener.isConnected) opener.focus();
  });
  container.append(dialog);
  dialog.showModal();
  return dialog;
}

/** Previous/next buttons, only when the list does not fit on one page. */
export function pages(list, onPage) {
  return list.totalResults > (list.Resources || []).length ? pager(list, onPage) : null;
}

/** Runs a page action; a failure is shown in `box` in words instead of escaping. */
export async function attempt(box, action) {
  try {
    await action();
  } catch (error) {
    show(box, message('error', describe(error)));
  }
}
