/*
 * The map-first dashboard: pick an indicator and an area; the area's smaller areas are drawn and
 * coloured by how each compares (GraphQL `compare`), with a key, the selected area's trend
 * (`trend`), the areas in greatest need (`rank`), every value with its interval and disclosure, a
 * CSV of the same question and the indicator's source, licence and privacy loss. Every number is
 * what the privacy engine releases to the caller's role; a refusal is shown as the service words it.
 *
 * State lives in the address (#indicator=...&area=...&period=...&method=...), so a view can be
 * bookmarked or shared; the API key never goes there (sessionStorage only).
 */
import { initAll } from '/webjars/govuk-frontend/5.14.0/dist/govuk/govuk-frontend.min.js';
import { graphql, apiKey, setApiKey, csvUrl, downloadWithKey } from './api.js';
import { AreaMap } from './map.js';
import { trendChart, trendKey } from './charts.js';
import {
  outcomeClass, disclosureClass, outcomeWord, outcomeDescription, outcomesFor, number, interval, el
} from './format.js';

/** Administrative levels, coarse to fine; a view shows the next level below its area that the indicator has. */
const LEVELS = ['country', 'region', 'lad', 'ward', 'lsoa'];
const LEVEL_NAMES = {
  country: ['country', 'countries'], region: ['region', 'regions'], lad: ['district', 'districts'],
  ward: ['ward', 'wards'], msoa: ['MSOA', 'MSOAs'], lsoa: ['LSOA', 'LSOAs']
};
/** Boundary detail by the level of the area being looked into (a web-map zoom level). */
const ZOOM = { country: 7, region: 9, lad: 11, ward: 13, msoa: 13 };

const state = {
  indicators: [],
  indicator: null,
  period: null,
  method: null,
  path: [],
  selected: null,
  view: null,
  generation: 0
};

const $ = id => document.getElementById(id);
let areaMap;

/**
 * What the user asks for is done one thing after another (a key change reloads the indicators
 * while a click may already ask for a district): each task starts when the one before has drawn.
 */
let queue = Promise.resolve();
function enqueue(task) {
  queue = queue.then(task).catch(e => {
    showErrors([describeError('Dashboard', e)]);
    status('The dashboard could not load: ' + e.message);
  });
  return queue;
}

function levelName(type, plural) {
  const names = LEVEL_NAMES[type];
  return names ? names[plural ? 1 : 0] : type;
}

/** The finer level an area's children are shown at, or null when there is none for this indicator. */
function childLevel(type) {
  const available = state.indicator ? state.indicator.availability.areaTypes.map(t => t.code) : LEVELS;
  const start = LEVELS.indexOf(type);
  const finer = start < 0 ? ['lsoa'] : LEVELS.slice(start + 1);
  return finer.find(level => available.includes(level)) || null;
}

function current() {
  return state.path[state.path.length - 1];
}

// ---------------------------------------------------------------- messages

function showErrors(errors) {
  const summary = $('error-summary');
  const list = $('error-list');
  list.replaceChildren();
  errors.forEach(e => {
    const item = el('li');
    item.append(el('strong', null, e.what + ': '), document.createTextNode(e.message));
    item.setAttribute('data-classification', e.classification || '');
    list.append(item);
  });
  summary.hidden = errors.length === 0;
}

function status(text) {
  $('status').textContent = text;
}

function describeError(what, reason) {
  return { what, message: reason && reason.message ? reason.message : String(reason), classification: reason && reason.classification };
}

// ---------------------------------------------------------------- address

function readAddress() {
  const params = new URLSearchParams(location.hash.replace(/^#/, ''));
  return { indicator: params.get('indicator'), area: params.get('area'), period: params.get('period'), method: params.get('method') };
}

function writeAddress() {
  const params = new URLSearchParams();
  if (state.indicator) {
    params.set('indicator', state.indicator.id);
  }
  if (current()) {
    params.set('area', current().code);
  }
  if (state.period) {
    params.set('period', state.period);
  }
  if (state.method) {
    params.set('method', state.method);
  }
  history.replaceState(null, '', '#' + params.toString());
}

// ---------------------------------------------------------------- loading

const INDICATOR = `query($id: ID!) {
  indicator(id: $id) {
    id title definition unit measureType multiplier polarity disclosureClass source licence methodology
    periods { code }
    availability { areaTypes { code } }
    privacyLoss { rho epsilon delta mechanism }
  }
}`;

const ANCESTORS = `query($code: String!) {
  area(code: $code) {
    code name type { code }
    parent { code name type { code }
      parent { code name type { code }
        parent { code name type { code }
          parent { code name type { code } } } } }
  }
}`;

const AREAS = `query($level: String!, $within: String!, $zoom: Int) {
  areas(type: $level, within: $within, first: 1000) {
    totalCount
    edges { node { code name boundary(zoom: $zoom) } }
  }
  area(code: $within) { code name boundary(zoom: $zoom) }
}`;

const OBSERVATION_FIELDS = `area { code name } period { code } value lowerCI upperCI count denominator
  disclosure { status reason mechanism epsilon rho noiseInterval }`;

const COMPARE = `query($query: ObservationQuery!, $method: ComparisonMethod, $benchmark: String) {
  compare(query: $query, method: $method, benchmark: $benchmark) {
    outcome quintile
    benchmark { area { code name } value lowerCI upperCI }
    observation { ${OBSERVATION_FIELDS} }
  }
}`;

const RANK = `query($query: ObservationQuery!) {
  rank(query: $query) { rank quintile observation { area { code name } value disclosure { status } } }
}`;

const TREND = `query($query: ObservationQuery!) {
  trend(query: $query) {
    area { code name } classification recentTrend change
    points { period { code } value lowerCI upperCI disclosure { status } }
  }
}`;

async function loadIndicators() {
  const indicators = [];
  let after = null;
  do {
    const data = await graphql('query($after: String) { indicators(first: 200, after: $after) { '
      + 'pageInfo { hasNextPage endCursor } edges { node { id title } } } }', { after });
    indicators.push(...data.indicators.edges.map(e => e.node));
    after = data.indicators.pageInfo.hasNextPage ? data.indicators.pageInfo.endCursor : null;
  } while (after);
  state.indicators = indicators;
  const select = $('indicator');
  select.replaceChildren(...state.indicators.map(i => {
    const option = el('option', null, i.title);
    option.value = i.id;
    return option;
  }));
}

/** The first region that has a boundary (one that can be drawn), else the first region. */
async function startingArea() {
  const data = await graphql('{ areas(type: "region", first: 100) { edges { node { code boundary(zoom: 3) } } } }');
  const regions = data.areas.edges.map(e => e.node);
  const drawable = regions.find(r => r.boundary) || regions[0];
  return drawable ? drawable.code : null;
}

async function pathTo(code) {
  const data = await graphql(ANCESTORS, { code });
  const path = [];
  for (let a = data.area; a; a = a.parent) {
    path.unshift({ code: a.code, name: a.name, type: a.type.code });
  }
  return path;
}

async function chooseIndicator(id, period, method) {
  const data = await graphql(INDICATOR, { id });
  if (!data.indicator) {
    throw new Error('no indicator ' + id);
  }
  state.indicator = data.indicator;
  $('indicator').value = id;
  const periods = data.indicator.periods.map(p => p.code);
  const select = $('period');
  select.replaceChildren(...periods.slice().reverse().map(code => {
    const option = el('option', null, code);
    option.value = code;
    return option;
  }));
  state.period = period && periods.includes(period) ? period : periods[periods.length - 1] || null;
  select.value = state.period || '';
  const nonAdditive = data.indicator.measureType === 'NON_ADDITIVE';
  [...$('method').options].forEach(o => {
    o.disabled = nonAdditive && o.value !== 'QUINTILES';
  });
  const counts = data.indicator.measureType === 'ADDITIVE_COUNT';
  state.method = nonAdditive ? 'QUINTILES'
    : method && [...$('method').options].some(o => o.value === method) ? method
      : counts ? 'QUINTILES' : 'CI_OVERLAP_95';
  $('method').value = state.method;
  $('method-hint').textContent = nonAdditive
    ? 'A score cannot be combined into a benchmark, so areas are coloured by fifths of the areas shown.'
    : counts ? 'A count is not comparable with a whole country\'s, so counts start coloured by fifths.'
      : 'Each area\'s interval against the country\'s value, as Fingertips compares.';
  renderIndicatorInfo();
}

// ---------------------------------------------------------------- the view

async function render(options) {
  const generation = ++state.generation;
  const parent = current();
  const indicator = state.indicator;
  const mapElement = $('map');
  mapElement.setAttribute('data-ready', 'false');
  writeAddress();
  renderBreadcrumbs();
  const level = childLevel(parent.type);
  $('page-title').replaceChildren(el('span', 'govuk-caption-l', indicator.title),
    document.createTextNode(level ? parent.name + ': ' + levelName(level, true) : parent.name));
  if (!level) {
    showErrors([{ what: 'Map', message: indicator.title + ' has no areas below ' + parent.name + '.' }]);
    markReady(parent, null);
    return;
  }
  status('Loading ' + levelName(level, true) + ' in ' + parent.name + '...');
  $('map').setAttribute('aria-busy', 'true');
  const errors = [];
  let areas = [];
  let outline = null;
  try {
    const data = await graphql(AREAS, { level, within: parent.code, zoom: ZOOM[parent.type] || 12 });
    areas = data.areas.edges.map(e => e.node);
    outline = data.area ? data.area.boundary : null;
  } catch (e) {
    errors.push(describeError('Areas', e));
  }
  if (generation !== state.generation) {
    return;
  }
  const question = {
    indicator: indicator.id,
    areas: { within: parent.code, level },
    periods: state.period ? { codes: [state.period] } : null
  };
  // A score (NON_ADDITIVE) has no country value to compare with; fifths need no benchmark, so
  // the first area stands in as one (compare asks for a benchmark it can answer).
  const benchmark = indicator.measureType === 'NON_ADDITIVE' && areas.length ? areas[0].code : null;
  const selected = state.selected || parent.code;
  // The country's line beside the area's: for rates and shares; a count beside a country's total says nothing.
  const trendAreas = indicator.measureType === 'RATIO' ? [selected, state.path[0].code] : [selected];
  const selectedType = state.selected ? level : parent.type;
  const hasTrend = indicator.availability.areaTypes.some(t => t.code === selectedType);
  const [compared, ranked, trends] = await Promise.allSettled([
    graphql(COMPARE, { query: question, method: state.method, benchmark }),
    graphql(RANK, { query: question }),
    hasTrend ? graphql(TREND, { query: { indicator: indicator.id, areas: { codes: [...new Set(trendAreas)] } } })
      : Promise.reject(new Error('this indicator exists for ' + indicator.availability.areaTypes.map(t => levelName(t.code, true)).join(', ')
        + ' only: select one on the map or in the table'))
  ]);
  if (generation !== state.generation) {
    return;
  }
  const comparisons = new Map();
  let benchmarkObservation = null;
  if (compared.status === 'fulfilled') {
    compared.value.compare.forEach(c => {
      comparisons.set(c.observation.area.code, c);
      benchmarkObservation = c.benchmark;
    });
  } else {
    errors.push(describeError('Values', compared.reason));
  }
  const benchmarkName = benchmarkObservation && !benchmark ? benchmarkObservation.area.name : null;
  const rows = areas.map(a => {
    const c = comparisons.get(a.code);
    const outcome = c ? c.outcome : 'UNAVAILABLE';
    const disclosure = c ? c.observation.disclosure.status : '';
    return {
      code: a.code,
      name: a.name,
      geometry: a.boundary,
      comparison: c || null,
      outcome,
      disclosure,
      drillable: childLevel(level) !== null,
      tooltip: tooltip(a.name, c, indicator),
      label: label(a.name, c, indicator, benchmarkName, childLevel(level))
    };
  });
  state.view = { level, rows, benchmarkName, benchmark, question };
  const missing = rows.filter(r => !r.geometry).length;
  if (rows.length && missing === rows.length) {
    errors.push({ what: 'Map', message: 'No boundaries have been loaded for these ' + levelName(level, true)
      + ', so they are listed in the table only (an administrator loads them with POST /api/v1/boundaries).' });
  }
  areaMap.show(rows, outline, state.selected);
  $('map').removeAttribute('aria-busy');
  renderLegend(rows, benchmarkObservation, benchmarkName);
  renderTable(rows, benchmarkObservation, benchmarkName);
  if (ranked.status === 'fulfilled') {
    renderRank(ranked.value.rank);
  } else {
    $('rank').replaceChildren(el('p', 'govuk-body', 'No ranking: ' + ranked.reason.message));
  }
  if (trends.status === 'fulfilled') {
    renderTrend(trends.value.trend, selected);
  } else {
    $('trend').replaceChildren(el('p', 'govuk-body', 'No trend for this area: ' + trends.reason.message));
  }
  updateCsvLink(level, benchmark);
  showErrors(errors);
  status(summary(rows, parent, level, benchmarkName, compared.status === 'fulfilled'));
  if (options && options.focusMap) {
    areaMap.focusContainer();
  }
  markReady(parent, level);
}

/** What the map now shows, for scripts and tests: data-ready="true" once everything is drawn. */
function markReady(parent, level) {
  const mapElement = $('map');
  mapElement.setAttribute('data-parent', parent.code);
  mapElement.setAttribute('data-level', level || '');
  mapElement.setAttribute('data-indicator', state.indicator.id);
  mapElement.setAttribute('data-period', state.period || '');
  mapElement.setAttribute('data-method', state.method || '');
  mapElement.setAttribute('data-ready', 'true');
}

function tooltip(name, c, indicator) {
  if (!c) {
    return name + ': no value';
  }
  const o = c.observation;
  const value = o.value === null ? 'withheld' : number(o.value) + ' ' + indicator.unit;
  return name + ': ' + value + ' (' + outcomeWord(c.outcome).toLowerCase() + ')';
}

function label(name, c, indicator, benchmarkName, finer) {
  let text = name + '. ';
  if (!c) {
    text += 'No value: no data here, or not for your role. ';
  } else {
    const o = c.observation;
    text += o.value === null ? 'Value withheld (' + o.disclosure.status.toLowerCase() + '). '
      : number(o.value) + ' ' + indicator.unit + '. ' + outcomeDescription(c.outcome, state.method, benchmarkName, indicator.polarity) + '. ';
    if (o.disclosure.status !== 'EXACT' && o.value !== null) {
      text += 'Value ' + o.disclosure.status.toLowerCase() + '. ';
    }
  }
  text += finer ? 'Press Enter to show its ' + levelName(finer, true) + '.' : 'Press Enter to show its trend.';
  return text;
}

function summary(rows, parent, level, benchmarkName, compared) {
  if (!compared) {
    return 'Showing ' + rows.length + ' ' + levelName(level, true) + ' in ' + parent.name + ', without values (see the problem above).';
  }
  const counts = {};
  rows.forEach(r => {
    counts[r.outcome] = (counts[r.outcome] || 0) + 1;
  });
  const parts = Object.entries(counts).map(([o, n]) => n + ' ' + outcomeWord(o).toLowerCase());
  return 'Showing ' + rows.length + ' ' + levelName(level, true) + ' in ' + parent.name + ' for ' + (state.period || 'the latest period')
    + ': ' + parts.join(', ') + (state.method === 'QUINTILES' ? ' (by fifths of these areas).' : ' (compared with ' + (benchmarkName || 'the benchmark') + ').');
}

// ---------------------------------------------------------------- pieces of the view

function renderBreadcrumbs() {
  const list = $('breadcrumbs');
  list.replaceChildren(...state.path.map((area, i) => {
    const item = el('li', 'govuk-breadcrumbs__list-item');
    if (i === state.path.length - 1) {
      item.textContent = area.name;
      item.setAttribute('aria-current', 'page');
    } else {
      const link = el('a', 'govuk-breadcrumbs__link', area.name);
      link.href = '#area=' + encodeURIComponent(area.code);
      link.setAttribute('data-area-code', area.code);
      link.addEventListener('click', event => {
        event.preventDefault();
        enqueue(() => {
          state.path = state.path.slice(0, i + 1);
          state.selected = null;
          return render({ focusMap: false });
        });
      });
      item.append(link);
    }
    return item;
  }));
}

function renderLegend(rows, benchmarkObservation, benchmarkName) {
  const legend = $('legend');
  const list = el('ul');
  list.id = 'legend-outcomes';
  const present = new Set(rows.map(r => r.outcome));
  const outcomes = outcomesFor(state.indicator.polarity);
  if (present.has('UNAVAILABLE')) {
    outcomes.push('UNAVAILABLE');
  }
  outcomes.forEach(outcome => {
    const n = rows.filter(r => r.outcome === outcome).length;
    const item = el('li');
    item.setAttribute('data-outcome', outcome);
    item.append(el('span', 'swatch ' + outcomeClass(outcome)),
      el('span', null, outcomeDescription(outcome, state.method, benchmarkName, state.indicator.polarity) + ' (' + n + ')'));
    list.append(item);
  });
  const disclosures = el('ul');
  disclosures.id = 'legend-disclosure';
  [['SUPPRESSED', 'Withheld to protect privacy (hatched)'], ['NOISED', 'Noise added to protect privacy (dashed edge)'],
    ['ROUNDED', 'Rounded to protect privacy (dotted edge)']].forEach(([status, words]) => {
    const n = rows.filter(r => r.disclosure === status).length;
    if (n) {
      const item = el('li');
      item.setAttribute('data-disclosure', status);
      item.append(el('span', 'swatch ' + disclosureClass(status)), el('span', null, words + ' (' + n + ')'));
      disclosures.append(item);
    }
  });
  const parts = [list];
  if (disclosures.children.length) {
    parts.push(el('p', 'govuk-body-s govuk-!-margin-bottom-1', 'Privacy protection'), disclosures);
  }
  if (benchmarkObservation && benchmarkName && state.method !== 'QUINTILES') {
    parts.push(el('p', 'govuk-body-s', 'Benchmark: ' + benchmarkName + ' ' + (benchmarkObservation.value === null
      ? '(withheld)' : number(benchmarkObservation.value) + ' ' + state.indicator.unit) + '.'));
  }
  legend.replaceChildren(...parts);
}

function disclosureCell(o) {
  const cell = el('td', 'govuk-table__cell');
  const d = o.disclosure;
  if (d.status === 'EXACT') {
    cell.textContent = 'Exact';
    return cell;
  }
  const colours = { SUPPRESSED: 'govuk-tag--grey', ROUNDED: 'govuk-tag--blue', NOISED: 'govuk-tag--yellow' };
  const words = { SUPPRESSED: 'Suppressed', ROUNDED: 'Rounded', NOISED: 'Noised' };
  const tag = el('strong', 'govuk-tag sightline-tag disclosure-marker ' + (colours[d.status] || ''), words[d.status] || d.status);
  cell.append(tag);
  if (d.noiseInterval !== null && d.noiseInterval !== undefined) {
    cell.append(el('span', 'sightline-value-note noise-interval', 'noise within \u00b1' + d.noiseInterval.toFixed(1) + ' (95%)'));
  }
  if (d.reason) {
    cell.append(el('span', 'sightline-value-note disclosure-reason', d.reason));
  }
  return cell;
}

function areaButton(row) {
  const button = el('button', 'sightline-link-button', row.name);
  button.type = 'button';
  button.setAttribute('data-area-code', row.code);
  const finer = childLevel(state.view.level);
  button.setAttribute('aria-label', row.name + (finer ? ': show its ' + levelName(finer, true) : ': show its trend'));
  button.addEventListener('click', () => activate(row.code, true));
  return button;
}

function renderTable(rows, benchmarkObservation, benchmarkName) {
  const table = el('table', 'govuk-table sightline-table');
  table.id = 'data-table';
  const caption = el('caption', 'govuk-table__caption govuk-table__caption--s',
    state.indicator.title + ', ' + levelName(state.view.level, true) + ' in ' + current().name + ', ' + (state.period || ''));
  const head = el('thead', 'govuk-table__head');
  const headRow = el('tr', 'govuk-table__row');
  ['Area', 'Value (' + state.indicator.unit + ')', '95% interval',
    state.method === 'QUINTILES' ? (state.indicator.polarity === 'NO_JUDGEMENT' ? 'Fifth (1 = highest)' : 'Fifth (1 = best)')
      : 'Compared with ' + (benchmarkName || 'benchmark'), 'Privacy protection']
    .forEach((h, i) => {
      const th = el('th', 'govuk-table__header' + (i === 1 || i === 2 ? ' govuk-table__header--numeric' : ''), h);
      th.scope = 'col';
      headRow.append(th);
    });
  head.append(headRow);
  const body = el('tbody', 'govuk-table__body');
  rows.forEach(row => {
    const tr = el('tr', 'govuk-table__row');
    tr.setAttribute('data-area-code', row.code);
    tr.setAttribute('data-outcome', row.outcome);
    if (row.code === state.selected) {
      tr.classList.add('is-selected');
    }
    const name = el('th', 'govuk-table__header');
    name.scope = 'row';
    name.append(areaButton(row));
    if (!row.geometry) {
      name.append(el('span', 'sightline-value-note', 'not on the map: no boundary loaded'));
    }
    tr.append(name);
    const c = row.comparison;
    if (!c) {
      tr.setAttribute('data-disclosure', 'NONE');
      const none = el('td', 'govuk-table__cell', 'No value: no data here, or not for your role');
      none.colSpan = 4;
      tr.append(none);
      body.append(tr);
      return;
    }
    const o = c.observation;
    tr.setAttribute('data-disclosure', o.disclosure.status);
    const value = el('td', 'govuk-table__cell govuk-table__cell--numeric value');
    if (o.value === null) {
      value.append(el('span', null, '[c]'), el('span', 'govuk-visually-hidden', ' withheld'));
    } else {
      value.textContent = number(o.value);
    }
    const ci = el('td', 'govuk-table__cell govuk-table__cell--numeric', interval(o.lowerCI, o.upperCI));
    const outcome = el('td', 'govuk-table__cell outcome');
    outcome.append(el('span', 'swatch ' + outcomeClass(c.outcome)),
      document.createTextNode(c.quintile ? 'Fifth ' + c.quintile + ' (' + outcomeWord(c.outcome).toLowerCase() + ')'
        : outcomeWord(c.outcome)));
    tr.append(value, ci, outcome, disclosureCell(o));
    body.append(tr);
  });
  table.append(caption, head, body);
  if (benchmarkObservation && benchmarkName && state.method !== 'QUINTILES') {
    const foot = el('tfoot');
    const tr = el('tr', 'govuk-table__row');
    tr.setAttribute('data-benchmark', benchmarkObservation.area.code);
    const th = el('th', 'govuk-table__header', benchmarkName + ' (benchmark)');
    th.scope = 'row';
    tr.append(th, el('td', 'govuk-table__cell govuk-table__cell--numeric', number(benchmarkObservation.value)),
      el('td', 'govuk-table__cell govuk-table__cell--numeric', interval(benchmarkObservation.lowerCI, benchmarkObservation.upperCI)),
      el('td', 'govuk-table__cell'), el('td', 'govuk-table__cell'));
    foot.append(tr);
    table.append(foot);
  }
  $('data-table-container').replaceChildren(table);
}

function renderRank(rankings) {
  const ranked = rankings.filter(r => r.rank !== null).sort((a, b) => a.rank - b.rank);
  const shown = ranked.slice(0, 10);
  const table = el('table', 'govuk-table sightline-table');
  table.id = 'rank-table';
  table.append(el('caption', 'govuk-table__caption govuk-table__caption--s',
    state.indicator.polarity === 'NO_JUDGEMENT' ? 'Highest values first (no value judgement)' : 'Rank 1 = greatest need'));
  const head = el('thead', 'govuk-table__head');
  const hr = el('tr', 'govuk-table__row');
  ['Rank', 'Area', 'Value', 'Fifth'].forEach((h, i) => {
    const th = el('th', 'govuk-table__header' + (i !== 1 ? ' govuk-table__header--numeric' : ''), h);
    th.scope = 'col';
    hr.append(th);
  });
  head.append(hr);
  const body = el('tbody', 'govuk-table__body');
  shown.forEach(r => {
    const tr = el('tr', 'govuk-table__row');
    tr.setAttribute('data-area-code', r.observation.area.code);
    tr.append(el('td', 'govuk-table__cell govuk-table__cell--numeric', String(r.rank)),
      el('td', 'govuk-table__cell', r.observation.area.name),
      el('td', 'govuk-table__cell govuk-table__cell--numeric', number(r.observation.value)),
      el('td', 'govuk-table__cell govuk-table__cell--numeric', r.quintile === null ? '' : String(r.quintile)));
    body.append(tr);
  });
  table.append(head, body);
  const parts = [table];
  const withheld = rankings.length - ranked.length;
  if (ranked.length > shown.length || withheld) {
    parts.push(el('p', 'govuk-body-s', 'Top ' + shown.length + ' of ' + ranked.length + ' ranked'
      + (withheld ? '; ' + withheld + ' withheld and not ranked.' : '.')));
  }
  $('rank').replaceChildren(...parts);
}

function renderTrend(trends, selectedCode) {
  const container = $('trend');
  const series = t => ({
    name: t.area.name,
    points: t.points.map(p => ({ period: p.period.code, value: p.value, lower: p.lowerCI, upper: p.upperCI, status: p.disclosure.status }))
  });
  const areaTrend = trends.find(t => t.area.code === selectedCode);
  const benchmarkTrend = trends.find(t => t.area.code !== selectedCode);
  if (!areaTrend) {
    container.replaceChildren(el('p', 'govuk-body', 'No trend for this area.'));
    return;
  }
  const area = series(areaTrend);
  const benchmark = benchmarkTrend ? series(benchmarkTrend) : null;
  const heading = el('p', 'govuk-body govuk-!-font-weight-bold', area.name);
  heading.id = 'trend-area';
  heading.setAttribute('data-area-code', areaTrend.area.code);
  const words = el('p', 'govuk-body-s', 'Recent trend: ' + areaTrend.classification + '.');
  words.id = 'trend-classification';
  const details = el('details', 'govuk-details');
  const summaryElement = el('summary', 'govuk-details__summary');
  summaryElement.append(el('span', 'govuk-details__summary-text', 'Trend as a table'));
  const text = el('div', 'govuk-details__text');
  const table = el('table', 'govuk-table sightline-table');
  const head = el('tr', 'govuk-table__row');
  ['Period', area.name, '95% interval'].concat(benchmark ? [benchmark.name] : []).forEach(h => {
    const th = el('th', 'govuk-table__header', h);
    th.scope = 'col';
    head.append(th);
  });
  const thead = el('thead', 'govuk-table__head');
  thead.append(head);
  const body = el('tbody', 'govuk-table__body');
  area.points.forEach(p => {
    const tr = el('tr', 'govuk-table__row');
    const b = benchmark ? benchmark.points.find(q => q.period === p.period) : null;
    tr.append(el('td', 'govuk-table__cell', p.period),
      el('td', 'govuk-table__cell', p.value === null ? '[c] withheld' : number(p.value) + (p.status !== 'EXACT' ? ' (' + p.status.toLowerCase() + ')' : '')),
      el('td', 'govuk-table__cell', interval(p.lower, p.upper)));
    if (benchmark) {
      tr.append(el('td', 'govuk-table__cell', b ? number(b.value) : ''));
    }
    body.append(tr);
  });
  table.append(thead, body);
  text.append(table);
  details.append(summaryElement, text);
  container.replaceChildren(heading, trendChart(area, benchmark, state.indicator.unit), trendKey(area.name, benchmark ? benchmark.name : null),
    words, details);
}

function renderIndicatorInfo() {
  const i = state.indicator;
  const list = el('dl', 'govuk-summary-list govuk-summary-list--no-border');
  list.id = 'indicator-info-list';
  const row = (key, value, id) => {
    const r = el('div', 'govuk-summary-list__row');
    const dd = el('dd', 'govuk-summary-list__value', value);
    if (id) {
      dd.id = id;
    }
    r.append(el('dt', 'govuk-summary-list__key', key), dd);
    list.append(r);
  };
  row('Definition', i.definition);
  row('Unit', i.unit);
  row('Source', i.source, 'indicator-source');
  row('Licence', i.licence, 'indicator-licence');
  row('Sensitivity', i.disclosureClass.replace('_', ' ').toLowerCase());
  if (i.privacyLoss) {
    row('Public privacy loss', 'epsilon ' + i.privacyLoss.epsilon.toFixed(2) + ' with delta ' + i.privacyLoss.delta
      + ' (zCDP rho ' + i.privacyLoss.rho.toFixed(2) + ') over the current releases, for the noisy values the public sees. '
      + i.privacyLoss.mechanism + '.', 'indicator-privacy-loss');
  } else {
    row('Public privacy loss', i.disclosureClass === 'OPEN' ? 'None: open data, exact for everyone.'
      : 'None stated: the public gets no noisy values of this indicator.', 'indicator-privacy-loss');
  }
  if (i.methodology) {
    row('Method', i.methodology);
  }
  $('indicator-info').replaceChildren(list);
}

function updateCsvLink(level, benchmark) {
  const link = $('csv-link');
  link.href = csvUrl({
    indicator: state.indicator.id, within: current().code, level, period: state.period, method: state.method, benchmark
  });
  link.textContent = 'Download these ' + levelName(level, true) + ' as CSV';
}

// ---------------------------------------------------------------- actions

function activate(code, fromKeyboard) {
  enqueue(() => {
    const row = state.view && state.view.rows.find(r => r.code === code);
    if (!row) {
      return null;
    }
    if (row.drillable) {
      state.path = state.path.concat([{ code: row.code, name: row.name, type: state.view.level }]);
      state.selected = null;
    } else {
      state.selected = code;
      areaMap.select(code);
    }
    return render({ focusMap: fromKeyboard });
  });
}

function showCaller() {
  const key = apiKey();
  $('caller').textContent = key ? 'Reading with API key ' + key.slice(0, 6) + '\u2026 (change or forget it)'
    : 'Reading as the public (no API key): use a key';
}

async function start() {
  document.body.classList.add('js-enabled', 'govuk-frontend-supported');
  initAll();
  areaMap = new AreaMap($('map'), activate);
  showCaller();
  $('controls').addEventListener('submit', e => e.preventDefault());
  $('api-key').addEventListener('keydown', e => {
    if (e.key === 'Enter') {
      e.preventDefault();
      $('api-key-use').click();
    }
  });
  $('indicator').addEventListener('change', () => {
    const id = $('indicator').value;
    enqueue(async () => {
      await chooseIndicator(id, null, null);
      state.selected = null;
      await render();
    });
  });
  $('period').addEventListener('change', () => {
    const period = $('period').value;
    enqueue(() => {
      state.period = period;
      return render();
    });
  });
  $('method').addEventListener('change', () => {
    const method = $('method').value;
    enqueue(() => {
      state.method = method;
      return render();
    });
  });
  $('api-key-use').addEventListener('click', () => {
    setApiKey($('api-key').value.trim());
    $('api-key').value = '';
    $('key-details').open = false;
    showCaller();
    enqueue(reload);
  });
  $('api-key-forget').addEventListener('click', () => {
    setApiKey('');
    $('api-key').value = '';
    showCaller();
    enqueue(reload);
  });
  $('csv-link').addEventListener('click', async event => {
    if (!apiKey()) {
      return; // a plain download, as the public
    }
    event.preventDefault();
    try {
      await downloadWithKey($('csv-link').href);
    } catch (e) {
      showErrors([describeError('Download', e)]);
    }
  });
  enqueue(reload);
}

async function reload() {
  try {
    const address = readAddress();
    await loadIndicators();
    if (!state.indicators.length) {
      status('No indicators have been published yet.');
      return;
    }
    const chosen = address.indicator && state.indicators.some(i => i.id === address.indicator)
      ? address.indicator : state.indicator ? state.indicator.id : state.indicators[0].id;
    await chooseIndicator(chosen, address.period || state.period, address.method || state.method);
    const code = address.area || (current() && current().code) || await startingArea();
    if (!code) {
      status('No areas have been loaded yet.');
      return;
    }
    state.path = await pathTo(code);
    if (!state.path.length) {
      throw new Error('no area ' + code);
    }
    await render();
  } catch (e) {
    showErrors([describeError('Dashboard', e)]);
    status('The dashboard could not load: ' + e.message);
  }
}

start();
