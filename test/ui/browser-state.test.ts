import {describe, expect, test} from 'vitest';
import {
  atFirstStep,
  importFormReducer,
  importSteps,
  initialImportForm,
  initialList,
  listReducer,
  listStatus,
  pickedRegion,
  regionBehaviour,
  scrollReducer,
  selectedItem,
  wantsPage,
  windowRows,
  type ImportFormAction,
  type ImportFormState,
  type ListAction,
  type ListBehaviour,
  type ListState,
} from '../../source/ui/browser-state.js';

interface Row {
  id: string;
  image?: string;
}

const behaviour: ListBehaviour<Row> = {match: (row, query) => row.id.includes(query) || (row.image ?? '').includes(query), key: (row) => row.id};
const reduce = listReducer(behaviour);
const rows = (from: number, count: number): Row[] => Array.from({length: count}, (_, index) => ({id: `row-${String(from + index).padStart(4, '0')}`}));
const run = (state: ListState<Row>, ...actions: ListAction<Row>[]): ListState<Row> => actions.reduce(reduce, state);

/** A list with `pages` pages of 100 loaded (more to come unless `complete`). */
function loaded(pages: number, options: {height?: number; complete?: boolean} = {}): ListState<Row> {
  let state = initialList<Row>(options.height ?? 10);
  for (let page = 0; page < pages; page += 1) {
    const last = page === pages - 1 && options.complete === true;
    state = run(
      state,
      {type: 'request'},
      {type: 'loaded', generation: state.generation, token: state.nextToken, items: rows(page * 100, 100), ...(last ? {} : {nextToken: `t${page + 1}`})},
    );
  }
  return state;
}

describe('list reducer: paging', () => {
  test.each([
    ['before the first page', initialList<Row>(10), true],
    ['while a page loads', run(initialList<Row>(10), {type: 'request'}), false],
    ['after the first page, at the top', loaded(1), false],
    ['after an error', run(initialList<Row>(10), {type: 'request'}, {type: 'failed', generation: 0, error: {message: 'denied'}}), false],
    ['after retry', run(initialList<Row>(10), {type: 'request'}, {type: 'failed', generation: 0, error: {message: 'denied'}}, {type: 'retry'}), true],
    ['once complete, at the end', run(loaded(1, {complete: true}), {type: 'last'}), false],
    ['within one window of the end', run(loaded(1), {type: 'move', delta: 90}), true],
    ['just before that', run(loaded(1), {type: 'move', delta: 89}), false],
    ['a filter that matches less than a window', run(loaded(1), {type: 'filter-set', text: 'row-005'}), true],
  ])('wantsPage %s', (_name, state, expected) => {
    expect(wantsPage(state)).toBe(expected);
  });

  test('pages append; the token of the next page is kept; the last page completes the list', () => {
    const state = loaded(3, {complete: true});
    expect(state.items).toHaveLength(300);
    expect(state.matches).toHaveLength(300);
    expect(state).toMatchObject({pagesLoaded: 3, complete: true, loading: false, nextToken: undefined});
  });

  test.each<[string, ListAction<Row>]>([
    ['an answer from before a reset', {type: 'loaded', generation: 0, token: 't1', items: rows(100, 100), nextToken: 't2'}],
    ['an answer for a page already taken', {type: 'loaded', generation: 1, token: undefined, items: rows(0, 100), nextToken: 't1'}],
  ])('drops %s', (_name, action) => {
    const reset = run(loaded(1), {type: 'reset'}, {type: 'request'}, {type: 'loaded', generation: 1, token: undefined, items: rows(0, 100), nextToken: 't1'});
    expect(run(reset, action)).toBe(reset);
  });

  test('a failure from before a reset is dropped; a current one is kept with the rows loaded so far', () => {
    const state = run(loaded(1), {type: 'request'});
    expect(run(state, {type: 'failed', generation: 5, error: {message: 'old'}})).toBe(state);
    const failed = run(state, {type: 'failed', generation: 0, error: {message: 'Rate exceeded', kind: 'throttled'}});
    expect(failed).toMatchObject({loading: false, error: {message: 'Rate exceeded', kind: 'throttled'}});
    expect(failed.items).toHaveLength(100);
  });

  test('reset forgets the rows and keeps the filter', () => {
    const state = run(loaded(2), {type: 'filter-start'}, {type: 'filter-set', text: 'row-01'}, {type: 'reset'});
    expect(state).toMatchObject({items: [], matches: [], pagesLoaded: 0, generation: 1, filter: 'row-01', filtering: true, complete: false});
    expect(wantsPage(state)).toBe(true);
  });
});

describe('list reducer: moving and the window', () => {
  test.each<[string, ListAction<Row>[], number, number]>([
    ['down one', [{type: 'move', delta: 1}], 1, 0],
    ['up at the top stays', [{type: 'move', delta: -1}], 0, 0],
    ['down past the window scrolls by one', [{type: 'move', delta: 10}], 10, 1],
    [
      'back up inside the window does not scroll',
      [
        {type: 'move', delta: 10},
        {type: 'move', delta: -3},
      ],
      7,
      1,
    ],
    [
      'above the window scrolls up',
      [
        {type: 'move', delta: 10},
        {type: 'move', delta: -10},
      ],
      0,
      0,
    ],
    ['page down moves a window less one row', [{type: 'page', direction: 1}], 9, 0],
    ['last', [{type: 'last'}], 199, 190],
    ['last then first', [{type: 'last'}, {type: 'first'}], 0, 0],
    ['past the end clamps', [{type: 'move', delta: 10_000}], 199, 190],
  ])('%s', (_name, actions, selected, offset) => {
    const state = run(loaded(2, {complete: true}), ...actions);
    expect([state.selected, state.offset]).toEqual([selected, offset]);
  });

  test('the window holds `height` rows from the offset', () => {
    const state = run(loaded(2, {complete: true}), {type: 'move', delta: 15});
    const window = windowRows(state);
    expect(window.start).toBe(6);
    expect(window.rows.map((row) => row.id)).toEqual(rows(6, 10).map((row) => row.id));
    expect(selectedItem(state)?.id).toBe('row-0015');
  });

  test('resize keeps the selection visible', () => {
    const state = run(loaded(1), {type: 'move', delta: 9}, {type: 'resize', height: 4});
    expect(state).toMatchObject({height: 4, selected: 9, offset: 6});
  });

  test('moving in 5,000 rows does not copy them', () => {
    const state = loaded(50, {complete: true});
    const moved = run(state, {type: 'move', delta: 1});
    expect(moved.items).toBe(state.items);
    expect(moved.matches).toBe(state.matches);
  });
});

describe('list reducer: filter', () => {
  test('filters as you type, case-insensitively, keeping the selected row when it still matches', () => {
    let state = run(loaded(2, {complete: true}), {type: 'move', delta: 105}, {type: 'filter-start'});
    expect(selectedItem(state)?.id).toBe('row-0105');
    state = run(state, {type: 'filter-set', text: 'ROW-010'});
    expect(state.matches).toHaveLength(10);
    expect(selectedItem(state)?.id).toBe('row-0105');
    state = run(state, {type: 'filter-set', text: 'row-0199'});
    expect(state.matches).toHaveLength(1);
    expect(selectedItem(state)?.id).toBe('row-0199');
    expect(listStatus(state, 'rows')).toBe('1 matching "row-0199" · 200 rows');
  });

  test('filter-stop keeps the filter; filter-clear drops it and keeps the selection', () => {
    let state = run(loaded(1), {type: 'filter-start'}, {type: 'filter-set', text: 'row-004'}, {type: 'move', delta: 3}, {type: 'filter-stop'});
    expect(state).toMatchObject({filtering: false, filter: 'row-004'});
    state = run(state, {type: 'filter-clear'});
    expect(state).toMatchObject({filtering: false, filter: ''});
    expect(selectedItem(state)?.id).toBe('row-0043');
    expect(state.matches).toHaveLength(100);
  });

  test('a page that arrives while filtering adds only its matching rows', () => {
    let state = run(loaded(1), {type: 'filter-set', text: '9'});
    expect(state.matches).toHaveLength(19);
    state = run(state, {type: 'request'}, {type: 'loaded', generation: 0, token: 't1', items: rows(100, 100)});
    expect(state.matches).toHaveLength(38);
    expect(state.matches.slice(19).every((index) => index >= 100 && state.items[index]!.id.includes('9'))).toBe(true);
    expect(listStatus(state, 'rows')).toBe('38 matching "9" · 200 rows');
  });

  test('patch replaces rows by key and re-applies the filter (details can make rows match)', () => {
    let state = run(loaded(1, {complete: true}), {type: 'filter-set', text: 'nginx'});
    expect(state.matches).toEqual([]);
    state = run(state, {
      type: 'patch',
      items: [
        {id: 'row-0007', image: 'nginx:1.27'},
        {id: 'missing', image: 'nginx'},
      ],
    });
    expect(state.matches).toEqual([7]);
    expect(selectedItem(state)).toEqual({id: 'row-0007', image: 'nginx:1.27'});
    expect(run(state, {type: 'patch', items: []})).toBe(state);
  });

  test('status line', () => {
    expect(listStatus(loaded(1), 'families')).toBe('100 families loaded, more below');
    expect(listStatus(loaded(50, {complete: true}), 'families')).toBe('5,000 families');
  });
});

describe('scroll reducer', () => {
  test.each([
    [{type: 'scroll', delta: 1} as const, 1],
    [{type: 'scroll', delta: -5} as const, 0],
    [{type: 'page', direction: 1} as const, 9],
    [{type: 'bottom'} as const, 90],
    [{type: 'top'} as const, 0],
    [{type: 'scroll', delta: 500} as const, 90],
  ])('%o → offset %i', (action, offset) => {
    expect(scrollReducer({offset: 0, height: 10, lines: 100}, action).offset).toBe(offset);
  });

  test('a document shorter than the window does not scroll; resize clamps', () => {
    expect(scrollReducer({offset: 0, height: 10, lines: 4}, {type: 'scroll', delta: 1}).offset).toBe(0);
    expect(scrollReducer({offset: 80, height: 10, lines: 100}, {type: 'resize', height: 30, lines: 100})).toEqual({offset: 70, height: 30, lines: 100});
  });
});

describe('region picker', () => {
  const reduceRegions = listReducer(regionBehaviour);
  const regions = initialList<string>(5, ['us-east-1', 'eu-west-1', 'eu-west-2']);
  test.each([
    ['', 'us-east-1'],
    ['west-2', 'eu-west-2'],
    ['ap-southeast-7', 'ap-southeast-7'],
    ['nowhere', undefined],
  ])('typing %j picks %j', (text, picked) => {
    expect(pickedRegion(reduceRegions(regions, {type: 'filter-set', text}))).toBe(picked);
  });
});

describe('import form reducer', () => {
  const names = {application: 'shop', service: 'web', environment: 'production', profile: 'web-production'};
  const loadedForm = (kind: 'revision' | 'service', containers = ['web'], profiles: string[] = []): ImportFormState =>
    importFormReducer(initialImportForm(kind), {type: 'loaded', containers, defaultContainer: containers.at(-1), names, profiles});
  const step = (state: ImportFormState, ...actions: ImportFormAction[]): ImportFormState => actions.reduce(importFormReducer, state);

  test.each<[string, ImportFormState, string[]]>([
    ['a revision with one container', loadedForm('revision'), ['mode', 'names', 'review']],
    ['a revision with sidecars', loadedForm('revision', ['log_router', 'web']), ['mode', 'container', 'names', 'review']],
    ['a service', loadedForm('service'), ['names', 'review']],
    ['a service with sidecars', loadedForm('service', ['web', 'envoy']), ['container', 'names', 'review']],
  ])('steps of %s', (_name, state, steps) => {
    expect(importSteps(state)).toEqual(steps);
    expect(state.step).toBe(steps[0]);
  });

  test('new profile: mode → container (default the artifact one) → names → review; Esc walks back', () => {
    let state = loadedForm('revision', ['log_router', 'web']);
    expect(state.container).toBe(1);
    state = step(state, {type: 'next'});
    expect(state).toMatchObject({step: 'container', mode: 'new'});
    state = step(state, {type: 'move', delta: -1}, {type: 'next'});
    expect(state).toMatchObject({step: 'names', container: 0, field: 0});
    state = step(state, {type: 'next'}, {type: 'next'}, {type: 'next'});
    expect(state).toMatchObject({step: 'names', field: 3});
    state = step(state, {type: 'next'});
    expect(state.step).toBe('review');
    expect(atFirstStep(state)).toBe(false);
    state = step(state, {type: 'back'}, {type: 'back'}, {type: 'back'});
    expect(state.step).toBe('mode');
    expect(atFirstStep(state)).toBe(true);
  });

  test('an empty name stops at its field with a message', () => {
    let state = step(loadedForm('service'), {type: 'field', delta: 2}, {type: 'edit', value: ''}, {type: 'field', delta: 1});
    expect(state.field).toBe(3);
    state = step(state, {type: 'next'});
    expect(state).toMatchObject({step: 'names', field: 2, error: {message: 'The environment name is empty.'}});
    state = step(state, {type: 'edit', value: 'staging'});
    expect(state.error).toBeUndefined();
    expect(state.names.environment).toBe('staging');
  });

  test('replace: needs a saved profile; then target → review', () => {
    const none = step(loadedForm('revision'), {type: 'move', delta: 1}, {type: 'next'});
    expect(none).toMatchObject({step: 'mode', error: {message: expect.stringContaining('no saved profiles')}});
    let state = step(loadedForm('revision', ['web'], ['a', 'b']), {type: 'move', delta: 1}, {type: 'next'});
    expect(state).toMatchObject({step: 'target', mode: 'replace'});
    state = step(state, {type: 'move', delta: 5}, {type: 'next'});
    expect(state).toMatchObject({step: 'review', target: 1});
  });

  test('saving, a failed save returns to the review with the error, saved', () => {
    const review = step(loadedForm('service'), {type: 'field', delta: -1}, {type: 'next'});
    expect(review.step).toBe('review');
    const saving = step(review, {type: 'saving'});
    expect(saving.step).toBe('saving');
    expect(step(saving, {type: 'back'})).toBe(saving);
    expect(step(saving, {type: 'save-failed', error: {message: 'exists'}})).toMatchObject({step: 'review', error: {message: 'exists'}});
    expect(step(saving, {type: 'saved', profile: 'web-production'})).toMatchObject({step: 'saved', saved: 'web-production'});
  });

  test('a failed load offers retry', () => {
    const failed = importFormReducer(initialImportForm('revision'), {type: 'failed', error: {message: 'denied'}});
    expect(failed.step).toBe('failed');
    expect(importFormReducer(failed, {type: 'retry'}).step).toBe('loading');
  });
});
