// Number and date formatting, fixed to en-US so that what the page shows does not depend on the browser.

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat('en-US', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 2 });

export const fmt = {
  int: (v) => (v == null ? '–' : integer.format(v)),
  compact: (v) => (v == null ? '–' : compact.format(v)),
  pct: (v) => (v == null || !Number.isFinite(v) ? '–' : percent.format(v)),
  usd(v) {
    if (v == null) return '–';
    const digits = Math.abs(v) < 10 ? 4 : 2;
    return '$' + v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  },
  usdShort: (v) => (v == null ? '–' : '$' + compact.format(v)),
  ms(v) {
    if (v == null) return '–';
    return v >= 10000 ? (v / 1000).toFixed(1) + ' s' : integer.format(Math.round(v)) + ' ms';
  },
  duration(ms) {
    if (ms == null) return '–';
    if (ms < 1000) return ms + ' ms';
    const s = ms / 1000;
    return s < 60 ? s.toFixed(1) + ' s' : Math.floor(s / 60) + ' min ' + Math.round(s % 60) + ' s';
  },
  time: (iso) => (iso ? iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC') : '–'),
};

/** YYYY-MM-DD plus n days (calendar arithmetic, no time zone involved). */
export function addDays(day, n) {
  const d = new Date(day + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Days from a to b, both YYYY-MM-DD. */
export function daysBetween(a, b) {
  return Math.round((Date.parse(b + 'T00:00:00Z') - Date.parse(a + 'T00:00:00Z')) / 86400000);
}

/** Seconds since the epoch of a day's UTC midnight: the x value of a day in the charts. */
export function dayX(day) {
  return Date.parse(day + 'T00:00:00Z') / 1000;
}
