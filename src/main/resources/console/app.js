// The console's shell: sign-in, the section navigation and a hash router (#/users?queue=Sales).
// Each page is a module in pages/ exporting `title` and `render(main, params)`.
import { get, token, SCIM } from './api.js';
import { h, show, field, fieldError, describe } from './ui.js';

const SECTIONS = [
  ['users', 'Users'],
  ['groups', 'Groups & templates'],
  ['seats', 'Seats'],
  ['phone', 'Phone'],
  ['audit', 'Audit log'],
  ['imports', 'Import & export'],
];
// Routes that are not in the navigation: the user detail page.
const PAGES = { user: 'user' };

const main = document.getElementById('main');
const nav = document.getElementById('nav');
const signOut = document.getElementById('sign-out');

/** Where the hash points: {page, id, params}. '#/users/abc?x=1' → page 'user', id 'abc'. */
export function route() {
  const [path, search] = location.hash.replace(/^#\/?/, '').split('?');
  const [section, id] = path.split('/').map(decodeURIComponent);
  const params = Object.fromEntries(new URLSearchParams(search || ''));
  if (section === 'users' && id) return { page: 'user', id, params };
  return { page: SECTIONS.some(([s]) => s === section) ? section : 'users', id: null, params };
}

/** Moves to a page; params become the hash's query (so reload and back keep filters). */
export function navigate(path, params = {}) {
  const search = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== '' && v != null)).toString();
  const hash = `#/${path}${search ? `?${search}` : ''}`;
  if (location.hash === hash) render(); else location.hash = hash;
}

function showSignIn(problem) {
  nav.hidden = true;
  signOut.hidden = true;
  const tokenField = field('Admin token', { type: 'password', autocomplete: 'off', required: true, name: 'token' });
  const form = h('form', { class: 'card sign-in', 'aria-labelledby': 'sign-in-title' },
    h('h1', { id: 'sign-in-title' }, 'Sign in'),
    h('p', {}, 'Paste an admin token (created with ',
      h('code', {}, 'switchboard.jar token create --scope admin'),
      ' or set as SWITCHBOARD_ADMIN_TOKEN). It is kept in this tab only.'),
    tokenField.row,
    h('button', { type: 'submit' }, 'Sign in'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    fieldError(tokenField, null);
    token.set(tokenField.input.value.trim());
    try {
      await get(`${SCIM}/SeatPools`);
      render();
    } catch (error) {
      token.clear();
      fieldError(tokenField, { detail: signInProblem(error) });
    }
  });
  show(main, form);
  if (problem) fieldError(tokenField, { detail: problem });
  tokenField.input.focus();
}

function signInProblem(error) {
  if (error.status === 401) return 'This token is not known to the server (revoked, or mistyped).';
  if (error.status === 403) return 'This is an IdP token. The console needs a token with the admin scope.';
  return describe(error);
}

function showNav(current) {
  nav.replaceChildren(...SECTIONS.map(([section, label]) =>
    h('a', { href: `#/${section}`, 'aria-current': section === current ? 'page' : null }, label)));
  nav.hidden = false;
  signOut.hidden = false;
}

let renders = 0;
async function render() {
  if (!token.get()) return showSignIn();
  const generation = ++renders;
  const { page, id, params } = route();
  showNav(page === 'user' ? 'users' : page);
  show(main, h('p', { class: 'loading' }, 'Loading…'));
  try {
    const module = await import(`./pages/${PAGES[page] || page}.js`);
    // The hash changed again while the module loaded: only the newest navigation may draw.
    if (generation !== renders) return;
    document.title = `${module.title} · Switchboard admin`;
    await module.render(main, { id, params, navigate });
  } catch (error) {
    if (error.status === 401 || error.status === 403) {
      token.clear();
      return showSignIn(signInProblem(error));
    }
    show(main, h('div', { class: 'message error', role: 'alert' }, describe(error)));
  }
}

signOut.addEventListener('click', () => {
  token.clear();
  location.hash = '';
  showSignIn();
});
window.addEventListener('hashchange', render);
render();
