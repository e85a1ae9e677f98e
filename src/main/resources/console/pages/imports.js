// Import & export: a CSV of users' direct licenses goes to POST /admin/imports, whose progress
// is polled live; the export downloads /admin/exports/users.csv with the token in a header.
import { get, post, download } from '../api.js';
import { h, show, field, fieldError, message, describe, table } from '../ui.js';

export const title = 'Import & export';

const POLL_MS = 500;

const MODES = [
  ['add', 'Add services only', 'Never removes or lowers anything: a license or role only goes up, queues and '
    + 'direct numbers are added, a phone license only turns on, a site or extension is only filled in when '
    + 'the user has none.'],
  ['sync', 'Add and remove services', 'Sets exactly what each row says; a cell with - clears that value.'],
];

export async function render(main) {
  show(main, h('h1', {}, 'Import & export'), importForm(), exportCard());
}

function importForm() {
  const file = field('CSV file', { type: 'file', accept: '.csv,text/csv' });
  const progress = h('div', { class: 'import-progress' });
  const start = h('button', { type: 'submit' }, 'Import');
  const form = h('form', { class: 'card', 'aria-labelledby': 'import-title' },
    h('h2', { id: 'import-title' }, 'Import users\' licenses'),
    h('p', {}, 'One row per user, matched by userName (an import never creates users). Columns, in any order: ',
      h('code', {}, 'userName, license, role, queues, phoneLicensed, callingPackage, site, extensionNumber, directNumbers'),
      ' (queues and numbers ;-separated), or Webex\'s "Webex Contact Center Standard"/"Premium" TRUE/FALSE columns. '
      + 'A blank cell leaves that value as it is. An export imports back unchanged.'),
    file.row,
    h('fieldset', { class: 'modes' }, h('legend', {}, 'Mode'), MODES.map(modeChoice)),
    start, progress);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    fieldError(file, null);
    const chosen = file.input.files[0];
    if (!chosen) return fieldError(file, { detail: 'Choose a CSV file first.' });
    start.disabled = true;
    try {
      await runImport(chosen, new FormData(form).get('mode'), file, progress);
    } finally {
      start.disabled = false;
    }
  });
  return form;
}

function modeChoice([value, label, meaning], index) {
  const id = `mode-${value}`;
  return h('div', { class: 'choice' },
    h('input', { type: 'radio', name: 'mode', value, id, checked: index === 0, 'aria-describedby': `${id}-meaning` }),
    h('label', { for: id }, `${label} (${value})`),
    h('p', { class: 'hint', id: `${id}-meaning` }, meaning));
}

/** Uploads the file, then polls the import until it is no longer running. */
async function runImport(file, mode, fileField, container) {
  let status;
  try {
    status = await post('/admin/imports', await file.text(), { params: { mode }, contentType: 'text/csv' });
  } catch (error) {
    show(container);
    return fieldError(fileField, error); // the whole file was refused: nothing was imported
  }
  const progress = progressView(container, file.name);
  progress.update(status);
  while (status.state === 'running' && container.isConnected) { // stops when the admin leaves the page
    await new Promise((done) => setTimeout(done, POLL_MS));
    try {
      status = await get(`/admin/imports/${encodeURIComponent(status.id)}`);
    } catch (error) {
      container.append(message('error', `The import's progress cannot be read: ${describe(error)}`));
      return;
    }
    progress.update(status);
  }
}

/** The bar and the counts stay the same elements while polling, so screen readers follow along. */
function progressView(container, fileName) {
  const bar = h('progress', { id: 'import-bar', max: 1, value: 0 });
  const counts = h('p', { role: 'status', 'aria-live': 'polite' });
  const details = h('div', {});
  show(container, h('div', { class: 'field' }, h('label', { for: bar.id }, `Importing ${fileName}`), bar), counts, details);
  const update = ({ total, processed, succeeded, failed, state, errors }) => {
    bar.max = total || 1;
    bar.value = processed;
    const numbers = `${processed} of ${total} rows processed: ${succeeded} succeeded, ${failed} failed.`;
    counts.textContent = state === 'running' ? numbers : `${outcomeWords(state, failed)} ${numbers}`;
    show(details,
      state === 'failed' ? message('error', 'The import stopped before the end (the server stopped). The rows '
        + 'processed are applied; the errors name the first line that is not. Run the file again to finish it.') : null,
      errors.length ? table('Lines that were not imported', [
        { label: 'Line', cell: (error) => error.line },
        { label: 'Column', cell: (error) => error.column || '' },
        { label: 'Problem', cell: (error) => error.detail },
      ], errors) : null);
  };
  return { update };
}

function outcomeWords(state, failed) {
  if (state === 'failed') return 'Import stopped.';
  return failed ? 'Import finished, with errors.' : 'Import finished.';
}

function exportCard() {
  const outcome = h('div', {});
  const button = h('button', { type: 'button' }, 'Download users.csv');
  button.addEventListener('click', async () => {
    button.disabled = true;
    show(outcome);
    try {
      saveFile(await download('/admin/exports/users.csv'), 'users.csv');
      show(outcome, message('ok', 'users.csv is downloaded.'));
    } catch (error) {
      show(outcome, message('error', describe(error)));
    } finally {
      button.disabled = false;
    }
  });
  return h('section', { class: 'card', 'aria-labelledby': 'export-title' },
    h('h2', { id: 'export-title' }, 'Export'),
    h('p', {}, 'Every user with the import columns plus the effective license, license state, agent id and '
      + 'effective phone values. Edit it in a spreadsheet and import it back.'),
    button, outcome);
}

function saveFile(blob, name) {
  const url = URL.createObjectURL(blob);
  const link = h('a', { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
