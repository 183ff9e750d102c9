// The dashboard page: sign-in, one refresh of every panel every 30 s (paused while the tab is hidden),
// the range in the URL's fragment, actions that start a run and follow it until it ends.
import { api, databaseUp, servedOperations, query, token, Unauthorized, Unavailable, ApiFailure } from './api.js';
import { Chart, xDay, xHour, yCount, yUsd } from './charts.js';
import { download } from './csv.js';
import { fmt, addDays, dayX } from './format.js';
import { readFragment, writeFragment, resolve } from './range.js';
import { cards, table, notAvailable, shareBar, badge, el } from './views.js';

const $ = (id) => document.getElementById(id);
const NOT_SERVED = 'not available in this version of the service';
const RUN_POLL_MS = 1000;

const params = new URLSearchParams(location.search);
// ?refresh=SECONDS shortens the period (demos, tests); 30 s otherwise
const REFRESH_MS = 1000 * (Number(params.get('refresh')) >= 1 ? Number(params.get('refresh')) : 30);

const state = {
  range: readFragment(),
  days: null, // {from, to} of the shown range
  today: null, // /api/stats/today
  board: 'users',
  latencyBy: 'model',
  modelMetric: 'requests',
  timer: null,
  busy: false,
  again: false,
  lastRefresh: 0,
  missing: new Set(), // endpoints that answered 404: not asked again
};

const charts = {
  daily: new Chart($('chart-daily'), { step: 86400, kind: 'bars', colors: [0, 1], xFormat: xDay, yFormat: yCount, valueFormat: fmt.int }),
  cost: new Chart($('chart-cost'), { step: 86400, kind: 'lines', colors: [2, 3], xFormat: xDay, yFormat: yUsd, valueFormat: fmt.usd }),
  tokens: new Chart($('chart-tokens'), { step: 86400, kind: 'stacked', colors: [0, 5, 3, 4], xFormat: xDay, yFormat: yCount, valueFormat: fmt.int }),
  hourly: new Chart($('chart-hourly'), { step: 3600, kind: 'bars', colors: [0, 1], xFormat: xHour, yFormat: yCount, valueFormat: fmt.int }),
  models: new Chart($('chart-models'), { step: 86400, kind: 'stacked', xFormat: xDay, yFormat: yCount, valueFormat: fmt.int }),
};

// ---------------------------------------------------------------- sign-in

function showSignIn(message) {
  stopTimer();
  $('main').hidden = true;
  $('meta').hidden = true;
  $('top-actions').hidden = true;
  $('banner').hidden = true;
  $('signin').hidden = false;
  $('signin-message').textContent = message || '';
  $('token').value = '';
  $('token').focus();
}

function showMain() {
  $('signin').hidden = true;
  $('main').hidden = false;
  $('meta').hidden = false;
  $('top-actions').hidden = false;
}

async function signIn(event) {
  event.preventDefault();
  const value = $('token').value.trim();
  if (!value) {
    $('signin-message').textContent = 'Enter the admin token.';
    return;
  }
  const button = $('signin-submit');
  button.disabled = true;
  $('signin-message').textContent = '';
  try {
    await api('/api/stats/today', { withToken: value });
    token.set(value);
  } catch (e) {
    if (e instanceof Unauthorized) {
      $('signin-message').textContent = 'That token was refused. Check STATS_ADMIN_TOKEN (or the token serve printed at start).';
      $('token').select();
      return;
    }
    if (!(e instanceof Unavailable)) { // 503 comes after the token check: the token is good
      $('signin-message').textContent = 'The service did not answer: ' + e.message;
      return;
    }
    token.set(value);
  } finally {
    button.disabled = false;
  }
  showMain();
  refresh();
}

function signOut(message) {
  token.clear();
  showSignIn(message);
}

// ---------------------------------------------------------------- refresh loop

function stopTimer() {
  clearTimeout(state.timer);
  state.timer = null;
}

function schedule() {
  stopTimer();
  if (!document.hidden && token.get()) state.timer = setTimeout(refresh, REFRESH_MS);
}

document.addEventListener('visibilitychange', () => {
  if (document.hidden) stopTimer();
  else if (token.get() && !$('main').hidden) {
    if (Date.now() - state.lastRefresh >= REFRESH_MS) refresh(); else schedule();
  }
});

async function refresh() {
  if (state.busy) { state.again = true; return; }
  state.busy = true;
  stopTimer();
  try {
    // today (every range depends on its date) and the served operations are asked for beside /health,
    // not after it: one round trip less before the panels' requests start
    const today = api('/api/stats/today');
    today.catch(() => {}); // not awaited when the database is down: its 503 is no failure of its own
    servedOperations();
    const up = await databaseUp();
    $('banner').hidden = up;
    if (!up) {
      $('meta-updated').textContent = 'database down: retrying';
      return;
    }
    await refreshPanels(await today);
  } catch (e) {
    if (e instanceof Unauthorized) {
      signOut('Your token was refused (401): sign in again.');
      return;
    }
    if (e instanceof Unavailable) $('banner').hidden = false;
    else $('meta-updated').textContent = 'refresh failed: ' + e.message;
  } finally {
    state.busy = false;
    state.lastRefresh = Date.now();
    if (state.again) { state.again = false; refresh(); } else if (token.get()) schedule();
  }
}

/** An endpoint the service may not have yet: undefined when it does not serve it. */
async function optional(op, path) {
  const ops = await servedOperations();
  const served = [...ops].some((o) => o === op || (op.endsWith('/') && o.startsWith(op)));
  if (!served || state.missing.has(op)) return undefined;
  try {
    return await api(path);
  } catch (e) {
    if (e instanceof ApiFailure && e.status === 404) { state.missing.add(op); return undefined; }
    throw e;
  }
}

async function refreshPanels(today) {
  state.today = today;
  const days = resolve(state.range, today.date);
  state.days = days;
  showRange(days);
  const span = query(days);
  const hourTo = new Date(Math.floor(Date.parse(today.as_of) / 3600000) * 3600000 + 3600000);
  const hourFrom = new Date(hourTo.getTime() - 48 * 3600000);
  const hours = query({ from: hourFrom.toISOString().replace('.000', ''), to: hourTo.toISOString().replace('.000', '') });

  const jobs = [
    api('/api/stats/combined').then(renderAllTime),
    api('/api/stats/daily?' + span).then((rows) => { renderDaily(rows); return rows; }),
    api('/api/stats/daily/models?' + span),
    api('/api/stats/runs?limit=8').then(renderRuns),
    api('/api/stats/daily?' + query({ from: addDays(today.date, -13), to: today.date })).then(renderNewest),
    optional('GET /api/stats/hourly', '/api/stats/hourly?' + hours).then(renderHourly),
    optional('GET /api/stats/latency', '/api/stats/latency?' + query({ ...days, by: 'all' })),
    optional('GET /api/stats/errors', '/api/stats/errors?' + query({ ...days, by: 'provider' })).then(renderErrors),
    loadBoard(),
    loadLatency(),
  ];
  renderToday(today);
  const results = await Promise.allSettled(jobs);
  const failure = results.find((r) => r.status === 'rejected');
  if (results[1].status === 'fulfilled' && results[2].status === 'fulfilled') renderModels(results[2].value, results[1].value);
  renderQuality(value(results[1]), value(results[6]), value(results[7]));
  if (failure) throw failure.reason;
  $('meta-updated').textContent = 'updated ' + fmt.time(today.as_of);
}

const value = (r) => (r.status === 'fulfilled' ? r.value : null);

// ---------------------------------------------------------------- overview

function tokensOf(t) {
  return t.input_tokens + t.output_tokens + t.cache_creation_tokens + t.cache_read_tokens;
}

function renderToday(t) {
  $('today-date').textContent = t.date;
  $('meta-zone').textContent = 'business days in ' + t.time_zone;
  cards($('cards-today'), [
    { field: 'today.total_requests', label: 'Requests', value: t.total_requests, text: fmt.int(t.total_requests),
      hint: fmt.int(t.success_requests) + ' succeeded' },
    { field: 'today.error_requests', label: 'Errors', value: t.error_requests, text: fmt.int(t.error_requests),
      hint: fmt.pct(t.total_requests ? t.error_requests / t.total_requests : null) + ' of requests', bad: t.error_requests > 0 },
    { field: 'today.total_cost', label: 'Cost', value: t.total_cost, text: fmt.usd(t.total_cost),
      hint: 'actual ' + fmt.usd(t.actual_total_cost) },
    { field: 'today.tokens', label: 'Tokens', value: tokensOf(t), text: fmt.int(tokensOf(t)),
      hint: fmt.compact(t.input_tokens) + ' in · ' + fmt.compact(t.output_tokens) + ' out' },
    { field: 'today.unsettled_requests', label: 'Unsettled', value: t.unsettled_requests, text: fmt.int(t.unsettled_requests),
      hint: 'pending or streaming' },
  ]);
}

function renderAllTime(c) {
  cards($('cards-all'), [
    { field: 'all.total_requests', label: 'Requests', value: c.total_requests, text: fmt.int(c.total_requests),
      hint: fmt.pct(c.total_requests ? c.success_requests / c.total_requests : null) + ' succeeded' },
    { field: 'all.error_requests', label: 'Errors', value: c.error_requests, text: fmt.int(c.error_requests),
      bad: c.error_requests > 0 },
    { field: 'all.total_cost', label: 'Cost', value: c.total_cost, text: fmt.usd(c.total_cost),
      hint: 'actual ' + fmt.usd(c.actual_total_cost) },
    { field: 'all.tokens', label: 'Tokens', value: tokensOf(c), text: fmt.int(tokensOf(c)),
      hint: fmt.compact(c.cache_read_tokens) + ' cache reads' },
    { field: 'all.active_users', label: 'Users', value: c.active_users, text: fmt.int(c.active_users),
      hint: 'active of ' + fmt.int(c.total_users) },
    { field: 'all.active_api_keys', label: 'API keys', value: c.active_api_keys, text: fmt.int(c.active_api_keys),
      hint: 'active of ' + fmt.int(c.total_api_keys) },
  ]);
  $('all-note').textContent = c.live_from ? 'stored summary + rows since ' + fmt.time(c.live_from) : 'no summary yet: all read live';
}

function renderQuality(daily, latency, errors) {
  const sum = (rows, f) => (rows || []).reduce((a, r) => a + (r[f] || 0), 0);
  const total = sum(daily, 'total_requests');
  const weighted = (daily || []).reduce((a, r) => a + r.avg_response_time_ms * r.total_requests, 0);
  const items = [
    { field: 'range.success_rate', label: 'Success rate', value: daily && total ? sum(daily, 'success_requests') / total : undefined,
      text: daily && total ? fmt.pct(sum(daily, 'success_requests') / total) : 'no requests', hint: fmt.int(total) + ' requests' },
  ];
  if (errors && errors.length) {
    const t = sum(errors, 'total_requests');
    const client = sum(errors, 'client_errors');
    const failed = client + sum(errors, 'service_errors') + sum(errors, 'other_errors');
    const rate = t - client > 0 ? (t - failed) / (t - client) : null;
    items.push({ field: 'range.success_rate_excluding_client_errors', label: 'Without client errors', value: rate ?? undefined,
      text: fmt.pct(rate), hint: fmt.int(client) + ' client errors (4xx)' });
  } else {
    items.push({ field: 'range.success_rate_excluding_client_errors', label: 'Without client errors',
      text: errors ? 'no requests' : 'not available' });
  }
  items.push({ field: 'range.avg_response_time_ms', label: 'Avg response', value: daily && total ? weighted / total : undefined,
    text: daily && total ? fmt.ms(weighted / total) : 'no requests', hint: 'daily averages, weighted' });
  const all = latency && latency.find((r) => r.key === 'all');
  items.push(all
    ? { field: 'range.response_p99_ms', label: 'p99 response', value: all.response_p99_ms, text: fmt.ms(all.response_p99_ms),
        hint: 'p50 ' + fmt.ms(all.response_p50_ms) + ' · first byte p99 ' + fmt.ms(all.first_byte_p99_ms) }
    : { field: 'range.response_p99_ms', label: 'p99 response', text: latency ? 'no requests' : 'not available' });
  items.push({ field: 'range.fallback_count', label: 'Fallbacks', value: daily ? sum(daily, 'fallback_count') : undefined,
    text: fmt.int(sum(daily, 'fallback_count')), hint: 'requests with a second attempt' });
  items.push({ field: 'range.total_cost', label: 'Cost', value: daily ? sum(daily, 'total_cost') : undefined,
    text: fmt.usd(sum(daily, 'total_cost')), hint: 'actual ' + fmt.usd(sum(daily, 'actual_total_cost')) });
  cards($('cards-quality'), items);
}

function renderNewest(rows) {
  const stored = rows.filter((r) => r.source === 'materialized');
  $('meta-newest').textContent = stored.length
    ? 'materialized through ' + stored[stored.length - 1].date
    : 'nothing materialized in the last 14 days';
}

// ---------------------------------------------------------------- charts

function renderDaily(rows) {
  const x = rows.map((r) => dayX(r.date));
  const live = rows.map((r) => r.source === 'live');
  const col = (f) => rows.map((r) => r[f]);
  const base = ['date', 'source'];
  const cells = (fields) => rows.map((r) => [r.date, r.source, ...fields.map((f) => r[f])]);
  charts.daily.set({ x, live, labels: ['Requests', 'Errors'], series: [col('total_requests'), col('error_requests')] },
    { columns: [...base, 'total_requests', 'success_requests', 'error_requests', 'fallback_count'],
      rows: cells(['total_requests', 'success_requests', 'error_requests', 'fallback_count']) });
  charts.cost.set({ x, live, labels: ['Cost', 'Actual cost'], series: [col('total_cost'), col('actual_total_cost')] },
    { columns: [...base, 'total_cost', 'actual_total_cost'], rows: cells(['total_cost', 'actual_total_cost']) });
  const kinds = ['input_tokens', 'output_tokens', 'cache_creation_tokens', 'cache_read_tokens'];
  charts.tokens.set({ x, live, labels: ['Input', 'Output', 'Cache write', 'Cache read'], series: kinds.map(col) },
    { columns: [...base, ...kinds], rows: cells(kinds) });
}

function renderHourly(rows) {
  if (rows === undefined) { charts.hourly.unavailable('Hourly figures are ' + NOT_SERVED + '.'); return; }
  const col = (f) => rows.map((r) => r[f]);
  charts.hourly.set({ x: rows.map((r) => Date.parse(r.hour) / 1000), live: rows.map((r) => r.source === 'live'),
    labels: ['Requests', 'Errors'], series: [col('total_requests'), col('error_requests')] },
  { columns: ['hour', 'source', 'total_requests', 'error_requests', 'total_cost'],
    rows: rows.map((r) => [r.hour, r.source, r.total_requests, r.error_requests, r.total_cost]) });
}

const MAX_MODELS = 7;

function renderModels(rows, daily) {
  const metric = state.modelMetric === 'cost' ? 'total_cost' : 'total_requests';
  const totals = new Map();
  for (const r of rows) totals.set(r.model, (totals.get(r.model) || 0) + r[metric]);
  const ranked = [...totals.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map((e) => e[0]);
  const shown = ranked.slice(0, MAX_MODELS);
  const labels = ranked.length > MAX_MODELS ? [...shown, 'other'] : shown;
  const index = new Map(daily.map((d, i) => [d.date, i]));
  const series = labels.map(() => daily.map(() => 0));
  for (const r of rows) {
    const k = shown.indexOf(r.model);
    const i = index.get(r.date);
    if (i !== undefined) series[k < 0 ? labels.length - 1 : k][i] += r[metric];
  }
  charts.models.spec.valueFormat = metric === 'total_cost' ? fmt.usd : fmt.int;
  charts.models.spec.yFormat = metric === 'total_cost' ? yUsd : yCount;
  if (!labels.length) {
    charts.models.unavailable('No requests in this range.');
    return;
  }
  charts.models.set({ key: metric, x: daily.map((d) => dayX(d.date)), live: daily.map((d) => d.source === 'live'), labels, series },
    { columns: ['date', 'source', ...labels.map((l) => l + ' ' + metric)],
      rows: daily.map((d, i) => [d.date, d.source, ...series.map((s) => s[i])]) });
}

// ---------------------------------------------------------------- tables

async function loadBoard() {
  const days = state.days;
  const rows = await optional('GET /api/stats/leaderboard/',
    '/api/stats/leaderboard/' + state.board + '?' + query({ ...days, metric: $('board-metric').value, limit: 10, offset: 0 }));
  const box = $('leaderboard');
  if (rows === undefined) { notAvailable(box, 'Leaderboards are ' + NOT_SERVED + '.'); return; }
  const metric = $('board-metric').value;
  const col = (label, f, format, m) => ({ label, get: (r) => format(r[f]), metric: m === metric });
  table(box, [
    { label: '#', get: (r) => String(r.rank) },
    { label: { users: 'User', 'api-keys': 'API key', models: 'Model', providers: 'Provider' }[state.board], cls: 'name',
      get: (r) => Object.assign(el('span', {}, r.name || r.id), { title: r.id }) },
    col('Requests', 'total_requests', fmt.int, 'requests'),
    col('Errors', 'error_requests', fmt.int, 'errors'),
    col('Tokens', 'total_tokens', fmt.int, 'tokens'),
    col('Cost', 'total_cost', fmt.usd, 'cost'),
    { label: 'Share', get: (r) => shareBar(r.share) },
  ], rows);
  box.dataset.metric = metric;
}

async function loadLatency() {
  const rows = await optional('GET /api/stats/latency', '/api/stats/latency?' + query({ ...state.days, by: state.latencyBy }));
  const box = $('latency');
  if (rows === undefined) { notAvailable(box, 'Latency percentiles are ' + NOT_SERVED + '.'); return; }
  table(box, [
    { label: state.latencyBy === 'model' ? 'Model' : 'Provider', cls: 'name', get: (r) => r.key },
    { label: 'Requests', get: (r) => fmt.int(r.completed_requests) },
    { label: 'p50', get: (r) => fmt.ms(r.response_p50_ms) },
    { label: 'p90', get: (r) => fmt.ms(r.response_p90_ms) },
    { label: 'p99', get: (r) => fmt.ms(r.response_p99_ms) },
    { label: 'max', get: (r) => fmt.ms(r.response_max_ms) },
    { label: 'TTFB p50', get: (r) => fmt.ms(r.first_byte_p50_ms) },
    { label: 'TTFB p99', get: (r) => fmt.ms(r.first_byte_p99_ms) },
  ], rows);
}

function renderErrors(rows) {
  const box = $('errors');
  if (rows === undefined) { notAvailable(box, 'Error breakdowns are ' + NOT_SERVED + '.'); return rows; }
  table(box, [
    { label: 'Provider', cls: 'name', get: (r) => r.key },
    { label: 'Requests', get: (r) => fmt.int(r.total_requests) },
    { label: 'Client (4xx)', get: (r) => fmt.int(r.client_errors) },
    { label: 'Service (5xx)', get: (r) => fmt.int(r.service_errors) },
    { label: 'Other', get: (r) => fmt.int(r.other_errors) },
    { label: 'Success', get: (r) => fmt.pct(r.success_rate) },
    { label: 'w/o client', get: (r) => fmt.pct(r.success_rate_excluding_client_errors) },
  ], rows);
  return rows;
}

function renderRuns(runs) {
  table($('runs'), [
    { label: 'Run', get: (r) => '#' + r.id },
    { label: 'Kind', cls: 'text', get: (r) => r.kind },
    { label: 'Status', cls: 'text', get: (r) => badge(r.status) },
    { label: 'Days', cls: 'text', get: (r) => (r.first_day ? (r.first_day === r.last_day ? r.first_day : r.first_day + ' – ' + r.last_day) : '–') },
    { label: 'Written', get: (r) => fmt.int(r.days_written) },
    { label: 'Rows read', get: (r) => fmt.int(r.rows_read) },
    { label: 'Started', cls: 'text', get: (r) => fmt.time(r.started_at) },
    { label: 'Took', get: (r) => (r.finished_at ? fmt.duration(Date.parse(r.finished_at) - Date.parse(r.started_at)) : '…') },
    { label: 'Error', cls: 'err', get: (r) => r.error || '' },
  ], runs, { empty: 'No run recorded yet.' });
}

// ---------------------------------------------------------------- range

function showRange(days) {
  for (const b of document.querySelectorAll('[data-days]')) {
    b.setAttribute('aria-pressed', String(Number(b.dataset.days) === state.range.days));
  }
  $('range-from').value = days.from;
  $('range-to').value = days.to;
  $('range-from').max = $('range-to').max = state.today.date;
  $('range-label').textContent = days.from + ' – ' + days.to;
  if (!$('rollup-from').value) {
    $('rollup-from').value = $('rollup-to').value = addDays(state.today.date, -1);
  }
  $('rollup-from').max = $('rollup-to').max = state.today.date;
}

function setRange(range) {
  state.range = range;
  writeFragment(range);
  $('range-error').textContent = '';
  refresh();
}

// ---------------------------------------------------------------- actions

async function startRun(path, body, button) {
  const status = $('action-status');
  button.disabled = true;
  status.dataset.status = 'starting';
  status.textContent = 'Starting…';
  let run = null;
  try {
    run = await api(path, { method: 'POST', body });
    const describe = (r) => 'Run #' + r.id + ' (' + r.kind + (r.first_day ? ' ' + r.first_day + ' – ' + r.last_day : '') + ') ';
    while (run.status === 'running') {
      status.dataset.status = 'running';
      status.textContent = describe(run) + 'running: ' + fmt.int(run.days_written) + ' day(s) written so far…';
      await new Promise((r) => setTimeout(r, RUN_POLL_MS));
      run = await api('/api/stats/runs/' + run.id);
    }
    status.dataset.status = run.status;
    status.textContent = describe(run) + run.status + ': ' + fmt.int(run.days_written) + ' day(s) written, '
      + fmt.int(run.rows_read) + ' rows read' + (run.finished_at ? ' in ' + fmt.duration(Date.parse(run.finished_at) - Date.parse(run.started_at)) : '')
      + (run.error ? '. ' + run.error : '.');
    refresh();
  } catch (e) {
    if (e instanceof Unauthorized) { signOut('Your token was refused (401): sign in again.'); return; }
    status.dataset.status = 'error';
    // a failure while following a run that did start (e.g. a 503 while the database is down) is no refusal
    status.textContent = run ? 'Run #' + run.id + ' started; following it failed: ' + e.message
      + ' (see Last runs)' : 'Not started: ' + e.message;
  } finally {
    button.disabled = false;
  }
}

// ---------------------------------------------------------------- wiring

function pressed(selector, attr, current) {
  for (const b of document.querySelectorAll(selector)) b.setAttribute('aria-pressed', String(b.dataset[attr] === current));
}

function wire() {
  $('signin-form').addEventListener('submit', signIn);
  $('sign-out').addEventListener('click', () => signOut('Signed out.'));
  $('refresh-now').addEventListener('click', () => refresh());
  for (const b of document.querySelectorAll('[data-days]')) {
    b.addEventListener('click', () => setRange({ days: Number(b.dataset.days) }));
  }
  $('custom-range').addEventListener('submit', (e) => {
    e.preventDefault();
    const from = $('range-from').value;
    const to = $('range-to').value;
    if (!from || !to || from > to) { $('range-error').textContent = 'Pick a start day on or before the end day.'; return; }
    setRange({ from, to });
  });
  window.addEventListener('hashchange', () => { state.range = readFragment(); refresh(); });
  for (const b of document.querySelectorAll('[data-board]')) {
    b.addEventListener('click', () => { state.board = b.dataset.board; pressed('[data-board]', 'board', state.board); loadBoard().catch(handle); });
  }
  $('board-metric').addEventListener('change', () => loadBoard().catch(handle));
  for (const b of document.querySelectorAll('[data-latency]')) {
    b.addEventListener('click', () => { state.latencyBy = b.dataset.latency; pressed('[data-latency]', 'latency', state.latencyBy); loadLatency().catch(handle); });
  }
  for (const b of document.querySelectorAll('[data-model-metric]')) {
    b.addEventListener('click', () => { state.modelMetric = b.dataset.modelMetric; pressed('[data-model-metric]', 'modelMetric', state.modelMetric); refresh(); });
  }
  pressed('[data-board]', 'board', state.board);
  pressed('[data-latency]', 'latency', state.latencyBy);
  pressed('[data-model-metric]', 'modelMetric', state.modelMetric);
  for (const b of document.querySelectorAll('[data-csv]')) {
    b.addEventListener('click', () => {
      const chart = charts[b.dataset.csv];
      if (!chart.table) return;
      const span = b.dataset.csv === 'hourly' ? 'last-48-hours' : state.days.from + '_' + state.days.to;
      download('aether-stats-' + b.dataset.csv + '-' + span + '.csv', chart.table);
    });
  }
  $('rollup-form').addEventListener('submit', (e) => {
    e.preventDefault();
    startRun('/api/stats/rollup', { from: $('rollup-from').value, to: $('rollup-to').value }, e.submitter || e.target.querySelector('button'));
  });
  $('backfill-form').addEventListener('submit', (e) => {
    e.preventDefault();
    startRun('/api/stats/backfill', { days: Number($('backfill-days').value) }, e.submitter || e.target.querySelector('button'));
  });
  window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => Object.values(charts).forEach((c) => c.restyle()));
}

function handle(e) {
  if (e instanceof Unauthorized) signOut('Your token was refused (401): sign in again.');
  else if (e instanceof Unavailable) $('banner').hidden = false;
}

wire();
if (token.get()) {
  showMain();
  refresh();
} else {
  showSignIn();
}
