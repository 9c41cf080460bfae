// The countdown on the phone: "Nog 0:45" above the page while the facilitator's countdown runs on the open
// dilemma (dilemma.countdown.endsAt, from the live state). A strip of its own outside #app, which the tenant
// page redraws; tenant.js hands it each dilemma. Its three words live here, not in the tenant dictionary.
import { currentLang } from './i18n.js';

const LEFT = { nl: 'Nog', fy: 'Noch', en: 'Time left' };
const element = () => document.getElementById('countdown');
let endsAt = null;
let timer = null;

function draw() {
  const el = element();
  if (!el) return;
  if (endsAt === null) {
    el.hidden = true;
    return;
  }
  const left = Math.max(0, Math.ceil((endsAt - Date.now()) / 1000));
  el.textContent = `${LEFT[currentLang()] ?? LEFT.nl} ${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`;
  el.hidden = false;
}

/** Shows the countdown of an open dilemma, or hides the strip (no dilemma, not open, no countdown). */
export function showCountdown(dilemma) {
  const at = dilemma?.status === 'open' && dilemma.countdown?.endsAt ? Date.parse(dilemma.countdown.endsAt) : NaN;
  endsAt = Number.isNaN(at) ? null : at;
  if (endsAt !== null && !timer) timer = setInterval(draw, 500);
  if (endsAt === null && timer) {
    clearInterval(timer);
    timer = null;
  }
  draw();
}
