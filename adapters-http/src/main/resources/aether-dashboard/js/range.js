// The chosen range, kept in the URL's fragment (#days=30 or #from=2026-03-01&to=2026-03-14) so that a
// view can be bookmarked and shared; the token never goes there.
import { addDays, daysBetween } from './format.js';

export const PRESETS = [7, 30, 90];
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function readFragment() {
  const p = new URLSearchParams(location.hash.slice(1));
  const days = Number(p.get('days'));
  if (PRESETS.includes(days)) return { days };
  const from = p.get('from');
  const to = p.get('to');
  if (DAY.test(from || '') && DAY.test(to || '') && from <= to) return { from, to };
  return { days: 7 };
}

export function writeFragment(range) {
  const p = new URLSearchParams();
  if (range.days) p.set('days', String(range.days));
  else { p.set('from', range.from); p.set('to', range.to); }
  const hash = '#' + p.toString();
  if (location.hash !== hash) history.replaceState(null, '', hash);
}

/** The concrete days of a range, given today's business day; a custom range is clipped to today. */
export function resolve(range, today, maxDays = 366) {
  if (range.days) return { from: addDays(today, 1 - range.days), to: today };
  let to = range.to > today ? today : range.to;
  let from = range.from > to ? to : range.from;
  if (daysBetween(from, to) >= maxDays) from = addDays(to, 1 - maxDays);
  return { from, to };
}
