/**
 * Browse task definitions: families → revisions of a family (newest first) → one revision (its JSON,
 * syntax-coloured and scrollable, and a one-line summary). Thin views over ui/browser-state.ts.
 */
import React, {useCallback, useEffect, useMemo, useReducer, useState} from 'react';
import {Box, useInput} from 'ink';
import {Text} from '../components/text.js';
import {
  familiesPage,
  formatTimestamp,
  revisionDetails,
  revisionsPage,
  summariseTaskDefinition,
  summaryLine,
  taskDefinitionCache,
  type DescribedTaskDefinition,
  type RevisionRow,
} from '../../operations/browse.js';
import type {TaskDefinitionStatus} from '../../ports/ecs.js';
import {scrollReducer, selectedItem, windowRows, type ListBehaviour, type LoadError} from '../browser-state.js';
import {Frame} from '../components/frame.js';
import type {ScreenHelp} from '../components/help-overlay.js';
import {useElasticRows} from '../components/fit.js';
import {jsonLines, JsonView, type JsonToken} from '../components/json-view.js';
import {maskSecrets} from '../../domain/diff.js';
import {Spinner} from '../components/spinner.js';
import {BACK, NAVIGATE, type KeyHint} from '../keys.js';
import {
  awsSubtitle,
  ErrorLines,
  FILTER_KEYS,
  handleListKey,
  listHeight,
  ListView,
  loadError,
  REGION_PICKER_KEYS,
  RegionPicker,
  usePagedList,
  useResolvedRegion,
  useTerminalRows,
  useTypingReport,
  type BrowserProps,
} from './browser-list.js';

const RETRY: KeyHint = {keys: 'r', label: 'retry'};
const REGION: KeyHint = {keys: 'R', label: 'region'};
const FILTER: KeyHint = {keys: '/', label: 'filter'};

// ---------------------------------------------------------------------------------------------------
// Families
// ---------------------------------------------------------------------------------------------------

const familyBehaviour: ListBehaviour<string> = {match: (family, query) => family.toLowerCase().includes(query), key: (family) => family};

export const familiesHelp: ScreenHelp = {
  title: 'Task definition families',
  text: [
    "The task definition families of this region (ListTaskDefinitionFamilies), read a page at a time as you scroll. Enter lists a family's revisions, newest first.",
    'ACTIVE families have at least one active revision; press a to see the INACTIVE ones (every revision deregistered).',
    "i imports the family's latest revision into a profile. R switches region; the header shows the region and AWS profile in use.",
  ],
  keys: [
    NAVIGATE,
    {keys: 'enter', label: 'revisions'},
    FILTER,
    {keys: 'i', label: 'import the latest revision'},
    {keys: 'a', label: 'ACTIVE / INACTIVE'},
    REGION,
    RETRY,
    {keys: 'pgup/pgdn g/G', label: 'page, first, last'},
    BACK,
  ],
};

export function BrowseFamilies(
  props: BrowserProps & {
    onOpen: (family: string, status: TaskDefinitionStatus, region: string | undefined) => void;
    onImport: (reference: string, region: string | undefined) => void;
  },
) {
  const {root} = props;
  const rows = useTerminalRows();
  const [status, setStatus] = useState<TaskDefinitionStatus>('ACTIVE');
  const [region, setRegion] = useState<string | undefined>(undefined);
  const [resolved, setResolved] = useResolvedRegion();
  const [picking, setPicking] = useState(false);
  const fetchPage = useCallback(
    async (nextToken: string | undefined) => {
      const ecs = await root.ecs(region);
      setResolved(ecs.region);
      return familiesPage(ecs, {status, ...(nextToken === undefined ? {} : {nextToken})});
    },
    [root, region, status],
  );
  const [state, dispatch] = usePagedList(familyBehaviour, fetchPage, listHeight(rows, 10));
  useTypingReport(props.active, state.filtering || picking, props.onTypingChange);
  const current = selectedItem(state);

  useInput(
    (input, key) => {
      if (key.return) {
        if (state.filtering) dispatch({type: 'filter-stop'});
        if (current !== undefined) props.onOpen(current, status, region);
        return;
      }
      if (handleListKey(state, dispatch, input, key) || state.filtering) return;
      if (key.escape) props.onBack();
      else if (input === 'r' && state.error !== undefined) dispatch({type: 'retry'});
      else if (input === 'a') {
        setStatus((value) => (value === 'ACTIVE' ? 'INACTIVE' : 'ACTIVE'));
        dispatch({type: 'reset'});
      } else if (input === 'R') setPicking(true);
      else if (input === 'i' && current !== undefined && status === 'ACTIVE') props.onImport(current, region);
    },
    {isActive: props.active && !picking},
  );

  const keys: KeyHint[] = picking
    ? REGION_PICKER_KEYS
    : state.filtering
      ? FILTER_KEYS
      : [
          NAVIGATE,
          {keys: 'enter', label: 'revisions'},
          FILTER,
          ...(status === 'ACTIVE' ? [{keys: 'i', label: 'import'}] : []),
          {keys: 'a', label: status === 'ACTIVE' ? 'inactive' : 'active'},
          REGION,
          ...(state.error === undefined ? [] : [RETRY]),
          BACK,
        ];
  return (
    <Frame title="task definitions" subtitle={awsSubtitle(root, region ?? resolved)} keys={keys} capturing={state.filtering || picking}>
      {picking ? (
        <RegionPicker
          current={region ?? resolved}
          active={props.active}
          height={listHeight(rows, 9)}
          onCancel={() => setPicking(false)}
          onPick={(picked) => {
            setPicking(false);
            if (picked === (region ?? resolved)) return;
            setRegion(picked);
            dispatch({type: 'reset'});
          }}
        />
      ) : (
        <>
          <Text dimColor>
            {status} families{status === 'INACTIVE' ? ' (every revision deregistered)' : ''}
          </Text>
          <ListView
            state={state}
            dispatch={dispatch}
            active={props.active}
            noun="families"
            loadingLabel="Loading task definition families…"
            emptyText={
              status === 'ACTIVE'
                ? 'No task definitions in this region. Press R to switch region, or a for INACTIVE families.'
                : 'No INACTIVE task definition families.'
            }
            renderRow={(family) => family}
          />
        </>
      )}
    </Frame>
  );
}

// ---------------------------------------------------------------------------------------------------
// Revisions
// ---------------------------------------------------------------------------------------------------

/** By revision number (digits: the number starts with them) or by image (any text). */
export const revisionBehaviour: ListBehaviour<RevisionRow> = {
  match: (row, query) => {
    const plain = query.replace(/^:/, '');
    if (/^[0-9]+$/.test(plain) && String(row.revision).startsWith(plain)) return true;
    return row.image !== undefined && row.image.toLowerCase().includes(query);
  },
  key: (row) => row.arn,
};

export const revisionsHelp: ScreenHelp = {
  title: 'Revisions',
  text: [
    "The revisions of one family, newest first (ListTaskDefinitions), read a page at a time. Each row shows the image of the artifact's container (the first essential container with port mappings) once the revision is described.",
    'The filter matches revision numbers (type digits) and images (any text: the loaded revisions are described as needed).',
    'Enter previews a revision; i imports it into a profile.',
  ],
  keys: [NAVIGATE, {keys: 'enter', label: 'preview'}, FILTER, {keys: 'i', label: 'import'}, RETRY, BACK],
};

export function BrowseRevisions(
  props: BrowserProps & {
    family: string;
    status: TaskDefinitionStatus;
    region?: string;
    onOpen: (reference: string) => void;
    onImport: (reference: string) => void;
  },
) {
  const {root, family, status, region} = props;
  const rows = useTerminalRows();
  const [resolved, setResolved] = useResolvedRegion();
  const [port, setPort] = useState<Awaited<ReturnType<typeof root.ecs>> | undefined>(undefined);
  const fetchPage = useCallback(
    async (nextToken: string | undefined) => {
      const ecs = await root.ecs(region);
      setResolved(ecs.region);
      setPort(ecs);
      return revisionsPage(ecs, {family, status, ...(nextToken === undefined ? {} : {nextToken})});
    },
    [root, region, family, status],
  );
  const [state, dispatch] = usePagedList(revisionBehaviour, fetchPage, listHeight(rows, 10));
  useTypingReport(props.active, state.filtering, props.onTypingChange);
  const current = selectedItem(state);

  // Describe what is on screen (and, while filtering by image, every loaded revision) to show images.
  const {rows: shown} = windowRows(state);
  const query = state.filter.trim();
  const byImage = query !== '' && !/^:?[0-9]+$/.test(query);
  const wanted = (byImage ? state.items : shown).filter((row) => row.image === undefined).map((row) => row.arn);
  const wantedKey = wanted.join(' ');
  useEffect(() => {
    if (port === undefined || wanted.length === 0) return undefined;
    const rowsByArn = new Map(state.items.map((row) => [row.arn, row]));
    return taskDefinitionCache(port).prefetch(wanted, (arn, described) => {
      const row = rowsByArn.get(arn);
      if (row !== undefined) dispatch({type: 'patch', items: [{...row, ...revisionDetails(described.taskDefinition)}]});
    });
  }, [port, wantedKey]);
  const described = state.items.filter((row) => row.image !== undefined).length;

  useInput(
    (input, key) => {
      if (key.return) {
        if (state.filtering) dispatch({type: 'filter-stop'});
        if (current !== undefined) props.onOpen(current.arn);
        return;
      }
      if (handleListKey(state, dispatch, input, key) || state.filtering) return;
      if (key.escape) props.onBack();
      else if (input === 'r' && state.error !== undefined) dispatch({type: 'retry'});
      else if (input === 'i' && current !== undefined) props.onImport(current.arn);
    },
    {isActive: props.active},
  );

  const keys: KeyHint[] = state.filtering
    ? FILTER_KEYS
    : [NAVIGATE, {keys: 'enter', label: 'preview'}, FILTER, {keys: 'i', label: 'import'}, ...(state.error === undefined ? [] : [RETRY]), BACK];
  const width = Math.max(4, ...windowRows(state).rows.map((row) => String(row.revision).length + 1));
  return (
    <Frame title={`revisions of ${family}`} subtitle={awsSubtitle(root, region ?? resolved)} keys={keys} capturing={state.filtering}>
      <Text dimColor>
        {status} revisions, newest first{byImage && described < state.items.length ? ` · reading images: ${described} of ${state.items.length} described` : ''}
      </Text>
      <ListView
        state={state}
        dispatch={dispatch}
        active={props.active}
        noun="revisions"
        loadingLabel={`Loading the revisions of ${family}…`}
        emptyText={`No ${status} revisions.`}
        renderRow={(row) => (
          <>
            {`:${row.revision}`.padEnd(width)}
            {'  '}
            {row.image === undefined ? <Text dimColor>…</Text> : row.image}
            {row.sidecars !== undefined && row.sidecars > 0 ? (
              <Text dimColor>{` (+${row.sidecars} other container${row.sidecars === 1 ? '' : 's'})`}</Text>
            ) : null}
            {row.registeredAt === undefined ? null : <Text dimColor>{`  ${formatTimestamp(row.registeredAt)}`}</Text>}
          </>
        )}
      />
    </Frame>
  );
}

// ---------------------------------------------------------------------------------------------------
// One revision
// ---------------------------------------------------------------------------------------------------

export const revisionHelp: ScreenHelp = {
  title: 'Task definition',
  text: [
    'The task definition as DescribeTaskDefinition returns it, read-only fields included, and a summary: launch types, network mode, task CPU and memory, containers and their images, execution role, when it was registered.',
    'i imports it: as a new profile, or as the container specification of an existing one. You see every replacement (image → ${DOCKER_IMAGE_NAME} …) before anything is saved.',
  ],
  keys: [{keys: '↑↓/jk', label: 'scroll'}, {keys: 'pgup/pgdn g/G', label: 'page, top, bottom'}, {keys: 'i', label: 'import'}, RETRY, BACK],
};

type Loaded = {status: 'loading'} | {status: 'failed'; error: LoadError} | {status: 'missing'} | {status: 'loaded'; described: DescribedTaskDefinition};

export function BrowseRevision(props: BrowserProps & {reference: string; region?: string; onImport: (reference: string) => void}) {
  const {root, reference, region} = props;
  const rows = useTerminalRows();
  const [resolved, setResolved] = useResolvedRegion();
  const [loaded, setLoaded] = useState<Loaded>({status: 'loading'});
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let cancelled = false;
    setLoaded({status: 'loading'});
    (async () => {
      const ecs = await root.ecs(region);
      setResolved(ecs.region);
      return taskDefinitionCache(ecs).load(reference);
    })().then(
      (described) => !cancelled && setLoaded(described === undefined ? {status: 'missing'} : {status: 'loaded', described}),
      (error: unknown) => !cancelled && setLoaded({status: 'failed', error: loadError(error)}),
    );
    return () => {
      cancelled = true;
    };
  }, [root, region, reference, attempt]);

  const task = loaded.status === 'loaded' ? loaded.described.taskDefinition : undefined;
  // Shown, never in clear: secret values (by their name or their shape) are masked in the preview.
  const lines = useMemo(() => (task === undefined ? [] : jsonLines(maskSecrets(task))), [task]);
  const summary = useMemo(() => (task === undefined ? undefined : summariseTaskDefinition(task)), [task]);
  // The preview's rows: those the frame, the summary and the line count leave, as the preview reports them.
  const [height, setHeight] = useState(() => listHeight(rows, 13));
  const [scroll, dispatch] = useReducer(scrollReducer, {offset: 0, height, lines: 0});
  useEffect(() => dispatch({type: 'resize', height, lines: lines.length}), [height, lines.length]);

  useInput(
    (input, key) => {
      if (key.escape) props.onBack();
      else if (key.upArrow || input === 'k') dispatch({type: 'scroll', delta: -1});
      else if (key.downArrow || input === 'j') dispatch({type: 'scroll', delta: 1});
      else if (key.pageUp) dispatch({type: 'page', direction: -1});
      else if (key.pageDown || input === ' ') dispatch({type: 'page', direction: 1});
      else if (key.home || input === 'g') dispatch({type: 'top'});
      else if (key.end || input === 'G') dispatch({type: 'bottom'});
      else if (input === 'r' && loaded.status === 'failed') setAttempt((n) => n + 1);
      else if (input === 'i' && loaded.status === 'loaded') props.onImport(summary?.reference ?? reference);
    },
    {isActive: props.active},
  );

  const title = summary?.reference ?? reference.replace(/^arn:[^/]*\//, '');
  const keys: KeyHint[] =
    loaded.status === 'loaded'
      ? [{keys: '↑↓/jk', label: 'scroll'}, {keys: 'pgup/pgdn', label: 'page'}, {keys: 'i', label: 'import'}, BACK]
      : loaded.status === 'failed'
        ? [RETRY, BACK]
        : [BACK];
  return (
    <Frame title={title} subtitle={awsSubtitle(root, region ?? resolved)} keys={keys}>
      {loaded.status === 'loading' ? <Spinner label={`Describing ${title}…`} /> : null}
      {loaded.status === 'failed' ? <ErrorLines error={loaded.error} /> : null}
      {loaded.status === 'missing' ? <Text color="red">There is no task definition {title} (any more).</Text> : null}
      {summary === undefined ? null : (
        <Box flexDirection="column">
          <Text>
            <Text bold>{summary.reference}</Text>
            {summary.status === 'INACTIVE' ? <Text color="yellow"> INACTIVE</Text> : null} <Text>{summaryLine(summary)}</Text>
          </Text>
          <Preview lines={lines} offset={scroll.offset} natural={listHeight(rows, 13)} onHeight={setHeight} />
        </Box>
      )}
    </Frame>
  );
}

/**
 * The JSON window and its line count. Its height is the terminal's rows less what the frame and the summary take
 * (the summary wraps on a narrow terminal: fit.tsx measures); the screen learns it for paging (onHeight).
 */
function Preview(props: {lines: JsonToken[][]; offset: number; natural: number; onHeight: (height: number) => void}) {
  const {lines} = props;
  const height = useElasticRows(props.natural, 3);
  useEffect(() => props.onHeight(height), [height]);
  const offset = Math.max(0, Math.min(props.offset, lines.length - height));
  return (
    <>
      <Box marginTop={1} flexDirection="column">
        <JsonView lines={lines} offset={offset} height={height} />
      </Box>
      <Text dimColor>
        lines {lines.length === 0 ? 0 : offset + 1}–{Math.min(lines.length, offset + height)} of {lines.length}
      </Text>
    </>
  );
}
