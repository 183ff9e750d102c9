// DOM building for cards and tables. Text goes in through textContent only (no HTML parsing): names
// come from the gateway's data.
import { fmt } from './format.js';

export function el(tag, props = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'dataset') Object.assign(e.dataset, v);
    else if (k === 'class') e.className = v;
    else e[k] = v;
  }
  e.append(...children.filter((c) => c != null));
  return e;
}

/**
 * A row of cards. Each item: {field, label, value (raw number, or undefined when unknown), text, hint,
 * bad}. data-field and data-value carry the raw figure for tests and scripts.
 */
export function cards(container, items) {
  container.replaceChildren(...items.map((it) => {
    const na = it.value === undefined;
    const long = !na && String(it.text).length > 9;
    const value = el('div', { class: 'value' + (long ? ' long' : ''), title: na ? '' : String(it.text), dataset: na ? {} : { value: String(it.value) } },
      na ? (it.text || 'not available') : it.text);
    return el('div', { class: 'card' + (na ? ' na' : '') + (it.bad ? ' bad' : ''), dataset: { field: it.field } },
      el('div', { class: 'label' }, it.label), value, it.hint ? el('div', { class: 'hint' }, it.hint) : null);
  }));
}

export function notAvailable(container, text) {
  container.dataset.state = 'unavailable';
  container.replaceChildren(el('p', { class: 'na' }, text));
}

/** A table: columns [{label, cls, get(row) -> text or Node, metric}], rows. */
export function table(container, columns, rows, { empty = 'No data for this range.', rowClass } = {}) {
  container.dataset.state = 'drawn';
  if (!rows.length) {
    container.replaceChildren(el('p', { class: 'na' }, empty));
    return;
  }
  const head = el('tr', {}, ...columns.map((c) => el('th', { scope: 'col', class: c.cls || '' }, c.label)));
  const body = rows.map((r) => el('tr', { class: rowClass ? rowClass(r) : '' },
    ...columns.map((c) => el('td', { class: (c.cls || '') + (c.metric ? ' metric' : '') }, c.get(r)))));
  container.replaceChildren(el('table', {}, el('thead', {}, head), el('tbody', {}, ...body)));
}

export function shareBar(share) {
  const pct = Math.max(0, Math.min(1, share || 0));
  const bar = el('span', { class: 'share' }, el('span'));
  bar.firstChild.style.width = (pct * 100).toFixed(1) + '%';
  return el('span', {}, bar, fmt.pct(share));
}

export function badge(status) {
  return el('span', { class: 'badge ' + status }, status);
}
