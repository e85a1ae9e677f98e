// Placeholder until the page is written.
import { h, show } from '../ui.js';
export const title = 'phone';
export async function render(main) {
  show(main, h('h1', {}, 'phone'));
}
