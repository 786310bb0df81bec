/**
 * The Ink deploy screen over `deployViewReducer`: finished lines (steps, checks, service events, stopped tasks with
 * their reason and hint) go into <Static> — printed once, they scroll away — and only the live part is redrawn
 * below them: the deployments table (status, revision, rollout, desired / running / pending / failed with a bar),
 * ECS's own record of our deployment (its status in ECS's words), the circuit breaker line, the latest failure,
 * elapsed time and the keys.
 *
 * Keys while it runs: r abort and roll back now (asks: y), d detach (the deployment goes on), Ctrl-C = detach; while a
 * BLUE_GREEN, LINEAR or CANARY deployment shifts traffic (the traffic panel, components/traffic-panel.tsx), r and a
 * ask ECS itself to stop it (StopServiceDeployment ROLLBACK / ABORT; asks: y) and say what ECS answered. Before
 * anything changes it may ask (y / n) with the plan and the checks on screen. Text from AWS arrives raw: the Text
 * component (components/text.tsx) cleans it.
 * Time comes from the injected clock (the elapsed ticker), never from Date.now().
 */
import React, {useEffect, useLayoutEffect, useReducer, useRef, useState} from 'react';
import {Box, Static, useInput, useStdout} from 'ink';
import type {CommandIo} from '../../ports/terminal.js';
import {deployViewReducer, formatElapsed, initialDeployView, logSince, type DeployView, type LogLine} from '../../domain/deploy/view.js';
import {parseTaskDefinition, taskDefinitionLabel} from '../../domain/aws-names.js';
import {type DeployEvent, type DeploymentRow} from '../../domain/deploy/events.js';
import type {DeployControl} from '../../operations/deploy/control.js';
import type {Confirmation, StreamHooks} from '../../operations/deploy/hooks.js';
import type {Clock} from '../../ports/clock.js';
import {planText} from '../../report/plan-text.js';
import type {KeyHint} from '../keys.js';
import {Footer} from '../components/frame.js';
import {RenderedText, Text} from '../components/text.js';
import {RunTitle} from '../components/run-title.js';
import {TaskLogsPanel} from '../components/task-logs.js';
import {TrafficPanel} from '../components/traffic-panel.js';
import {mountUntilFinished} from '../mount-until-finished.js';

export interface DeployScreenProps {
  clock: Clock;
  /** `deploy web-api → staging`. */
  title: string;
  control: DeployControl;
  /** Ask (y / n) before anything changes. */
  confirm: boolean;
  color: boolean;
  simulation?: {scenario: string; speed: number};
  watchCommand: string;
  start: (hooks: StreamHooks) => AsyncIterable<DeployEvent>;
  /** Called once, when the stream has ended (after its `done`). */
  onFinished?: (view: DeployView) => void;
  /** Keys are taken only while active. */
  active?: boolean;
  /** Shown once finished (e.g. "esc back to the home screen"). */
  finishedKeys?: KeyHint[];
}

type StaticItem = {key: string; kind: 'title'} | {key: string; kind: 'line'; line: LogLine} | {key: string; kind: 'block'; text: string};

interface ScreenState {
  view: DeployView;
  /** What <Static> prints: the items of the current batch (see STATIC_BATCH). */
  items: StaticItem[];
  /** The current <Static>'s key. */
  batch: number;
}

/** How many of the current batch's items Ink had printed when an action was sent (the last commit's). */
interface Printed {
  batch: number;
  count: number;
}

type ScreenAction = {type: 'event'; event: DeployEvent; printed: Printed} | {type: 'block'; text: string; printed: Printed};

/**
 * Ink's <Static> prints each item once, in the commit that adds it, and never again — but it is given the whole list
 * each time, so a watch of hours would keep every line it printed. Once a batch is longer than this, the next item
 * starts a new <Static> (a new key) holding only the items not printed yet: what the screen printed is dropped.
 */
export const STATIC_BATCH = 100;

function withItems(state: ScreenState, added: StaticItem[], printed: Printed): ScreenState {
  if (added.length === 0) return state;
  const items = [...state.items, ...added];
  if (items.length > STATIC_BATCH && printed.batch === state.batch && printed.count > 0) {
    return {...state, items: items.slice(Math.min(printed.count, state.items.length)), batch: state.batch + 1};
  }
  return {...state, items};
}

export function screenReducer(state: ScreenState, action: ScreenAction): ScreenState {
  if (action.type === 'block') return withItems(state, [{key: `b${state.batch}.${state.items.length}`, kind: 'block', text: action.text}], action.printed);
  const view = deployViewReducer(state.view, action.event);
  const lines = logSince(state.view, view);
  const first = view.logCount - lines.length;
  const added = lines.map((line, index): StaticItem => ({key: `l${first + index}`, kind: 'line', line}));
  return withItems({...state, view}, added, action.printed);
}

export const initialScreenState: ScreenState = {view: initialDeployView, items: [{key: 'title', kind: 'title'}], batch: 0};

const LEVEL_COLOR: Record<LogLine['level'], string | undefined> = {info: undefined, ok: 'green', warn: 'yellow', error: 'red'};
const LEVEL_MARK: Record<LogLine['level'], string> = {info: '·', ok: '✓', warn: '!', error: '✗'};

/** `+12s  ✗ text` — wrapped lines stay under the text; details (classification, hint) indented below (also the app screen's detail). */
export function LogLineView({line, startedAt, width}: {line: LogLine; startedAt: number; width: number}) {
  return (
    <Box flexDirection="column" width={width}>
      <Box width={width}>
        <Box width={6} flexShrink={0}>
          <Text dimColor>{formatElapsed(line.at - startedAt)}</Text>
        </Box>
        <Box width={2} flexShrink={0}>
          <Text color={LEVEL_COLOR[line.level]}>{LEVEL_MARK[line.level]}</Text>
        </Box>
        <Box width={Math.max(10, width - 8)}>
          <Text color={LEVEL_COLOR[line.level]}>{line.text}</Text>
        </Box>
      </Box>
      {line.detail.map((detail, index) => (
        <Box key={index} paddingLeft={10} width={width}>
          <Text dimColor>{detail}</Text>
        </Box>
      ))}
    </Box>
  );
}

const BAR_WIDTH = 12;

/** `██████░░░░░░` — running of desired (pending shown as ▒). */
export function progressBar(row: Pick<DeploymentRow, 'desired' | 'running' | 'pending'>, width = BAR_WIDTH): string {
  if (row.desired <= 0) return '░'.repeat(width);
  const running = Math.min(width, Math.round((Math.min(row.running, row.desired) / row.desired) * width));
  const pending = Math.min(width - running, Math.round((Math.min(row.pending, row.desired) / row.desired) * width));
  return '█'.repeat(running) + '▒'.repeat(pending) + '░'.repeat(width - running - pending);
}

/** The deployments, one row each, within `width` columns: the bar shrinks (or goes) on a narrow terminal. */
function DeploymentsTable({rows, width}: {rows: DeploymentRow[]; width: number}) {
  if (rows.length === 0) return null;
  const header = ['STATUS', 'REVISION', 'ROLLOUT', 'DESIRED', 'RUNNING', 'PENDING', 'FAILED'];
  const widths = [9, Math.max(10, ...rows.map((row) => taskDefinitionLabel(row.taskDefinition).length + 4)), 13, 8, 8, 8, 7];
  const left = width - widths.reduce((sum, cell) => sum + cell, 0);
  const barWidth = left >= 4 ? Math.min(BAR_WIDTH, left) : 0;
  const cell = (text: string, index: number): string => text.padEnd(widths[index]!);
  return (
    <Box flexDirection="column">
      <Text dimColor>{header.map(cell).join('')}</Text>
      {rows.map((row) => {
        const label =
          row.revision === undefined ? taskDefinitionLabel(row.taskDefinition) : `${parseTaskDefinition(row.taskDefinition).family}:${row.revision}`;
        const rollout = row.rolloutState ?? '—';
        const rolloutColor = row.rolloutState === 'FAILED' ? 'red' : row.rolloutState === 'COMPLETED' ? 'green' : 'yellow';
        return (
          <Box key={row.id} flexDirection="column">
            <Text>
              <Text bold={row.ours}>{cell(row.status, 0)}</Text>
              <Text bold={row.ours}>{cell(label + (row.ours ? ' *' : ''), 1)}</Text>
              <Text color={rolloutColor}>{cell(rollout, 2)}</Text>
              <Text>{cell(String(row.desired), 3)}</Text>
              <Text color="green">{cell(String(row.running), 4)}</Text>
              <Text>{cell(String(row.pending), 5)}</Text>
              <Text color={row.failed > 0 ? 'red' : undefined}>{cell(String(row.failed), 6)}</Text>
              {barWidth > 0 ? <Text color={row.rolloutState === 'FAILED' ? 'red' : 'green'}>{progressBar(row, barWidth)}</Text> : null}
            </Text>
            {row.reason && row.rolloutState === 'FAILED' ? (
              <Text dimColor wrap="wrap">
                {'  '}
                {row.reason}
              </Text>
            ) : null}
          </Box>
        );
      })}
    </Box>
  );
}

/** ECS's status of our deployment: success green, a rollback or stop red, in progress yellow. */
const RECORD_COLOR: Record<string, string> = {
  SUCCESSFUL: 'green',
  PENDING: 'yellow',
  IN_PROGRESS: 'yellow',
  STOP_REQUESTED: 'yellow',
  STOPPED: 'red',
  ROLLBACK_REQUESTED: 'red',
  ROLLBACK_IN_PROGRESS: 'red',
  ROLLBACK_SUCCESSFUL: 'red',
  ROLLBACK_FAILED: 'red',
};

const clockText = (ms: number): string => {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
};

/** The live part: what is redrawn (everything else went into <Static>). */
export function DeployLive(props: {view: DeployView; now: number; width?: number; simulation?: {scenario: string; speed: number}; notice?: string}) {
  const {view} = props;
  const watching = view.cluster !== undefined;
  const lastFailure = view.failures.at(-1);
  const elapsed = view.startedAt === undefined ? 0 : (view.finished ? (view.now ?? props.now) : Math.max(props.now, view.now ?? 0)) - view.startedAt;
  const current = [...view.steps].reverse().find((step) => step.status === 'started');
  return (
    <Box flexDirection="column" marginTop={1}>
      {watching ? <DeploymentsTable rows={view.deployments} width={props.width ?? 100} /> : null}
      {view.traffic ? (
        <TrafficPanel traffic={view.traffic} now={Math.max(props.now, view.now ?? 0)} width={props.width ?? 100} finished={view.finished} />
      ) : null}
      {view.serviceDeployment ? (
        <Text color={RECORD_COLOR[view.serviceDeployment.status]}>
          {'ECS: '}
          {view.serviceDeployment.status}
          {view.serviceDeployment.statusReason ? ` — ${view.serviceDeployment.statusReason}` : ''}
        </Text>
      ) : null}
      {view.circuitBreaker?.off ? (
        <Text color={view.circuitBreaker.failed > 0 ? 'yellow' : undefined}>
          circuit breaker: off — {view.circuitBreaker.failed} failed tasks
          {view.finished ? ' seen' : '; ECS will not stop or roll back this deployment'}
        </Text>
      ) : view.circuitBreaker ? (
        <Text
          color={
            view.circuitBreaker.failed >= view.circuitBreaker.threshold || view.outcome === 'rolled-back'
              ? 'red'
              : view.circuitBreaker.failed > 0
                ? 'yellow'
                : undefined
          }
        >
          circuit breaker: {view.circuitBreaker.failed}
          {' of '}
          {view.circuitBreaker.threshold} failed tasks
          {view.finished
            ? view.outcome === 'rolled-back'
              ? ' seen — the deployment was rolled back'
              : ' seen'
            : view.circuitBreaker.failed >= view.circuitBreaker.threshold
              ? ' — tripped'
              : ` (rolls back at ${view.circuitBreaker.threshold})`}
        </Text>
      ) : watching && !view.finished ? (
        <Text dimColor>circuit breaker: no failed tasks</Text>
      ) : null}
      {lastFailure ? (
        <Box flexDirection="column">
          <Text color="red">
            {'last failure: '}
            {lastFailure.failure.summary}
          </Text>
          <Text dimColor>
            {'  '}
            {lastFailure.stoppedReason}
          </Text>
          <TaskLogsPanel failures={view.failures} />
        </Box>
      ) : null}
      {view.throttled ? (
        <Text color="yellow">
          {'ECS is throttling requests; retrying in '}
          {Math.round(view.throttled.retryInMs / 100) / 10}s
        </Text>
      ) : null}
      {props.notice ? <Text color="cyan">{props.notice}</Text> : null}
      {view.finished ? (
        <Text bold color={view.outcome === 'deployed' ? 'green' : view.outcome === 'detached' ? 'yellow' : 'red'}>
          {outcomeTitle(view)}
          {' · exit '}
          {view.exitCode}
          {' · '}
          {clockText(elapsed)}
        </Text>
      ) : (
        <Text dimColor>
          {watching ? 'watching' : current ? `${current.name}…` : 'starting…'}
          {' · elapsed '}
          {clockText(elapsed)}
          {props.simulation ? ' · simulated' : ''}
        </Text>
      )}
    </Box>
  );
}

function outcomeTitle(view: DeployView): string {
  const simulated = view.simulated ? ' (simulated)' : '';
  switch (view.outcome) {
    case 'deployed':
      return `Deployed${simulated}`;
    case 'failed':
      return view.exitCode === 2 ? 'Not started: nothing was changed' : `Failed${simulated}`;
    case 'rolled-back':
      return `Rolled back${simulated}`;
    case 'timed-out':
      return 'Timed out';
    case 'detached':
      return 'Detached: the deployment goes on';
    case 'interrupted':
      return 'Stopped';
    default:
      return 'Finished';
  }
}

/** The review printed before the question (and with --yes): the plan with its diff, and the checks that did not pass. */
function reviewText(
  question: Confirmation | {kind: 'deploy'; review: Parameters<NonNullable<StreamHooks['onReview']>>[0]},
  options: {width: number; color: boolean},
): string {
  if (question.kind === 'rollback') return '';
  // The checks are in the log above it: only the plan and its diff.
  return planText(question.review.plan, options);
}

function questionText(question: Confirmation): string {
  if (question.kind === 'rollback') {
    const {target} = question;
    return `Roll back service ${target.serviceName} from ${taskDefinitionLabel(target.from)} to ${taskDefinitionLabel(target.taskDefinitionArn)}${target.tag ? ` (tag ${target.tag})` : ''}?`;
  }
  const {plan, remedies} = question.review;
  const also = remedies.length > 0 ? ` This also will ${remedies.map((remedy) => remedy.label).join(' and ')}.` : '';
  return `${plan.action === 'none' ? 'Nothing to change. Check that the service is steady?' : `Deploy ${plan.profile.name} to ${plan.environment.name}?`}${also}`;
}

/** Re-renders every second with the clock's time (for the elapsed counter). The clock's sleep must really wait. */
function useNow(clock: Clock, running: boolean): number {
  const [now, setNow] = useState(() => clock.now());
  useEffect(() => {
    if (!running) return undefined;
    const controller = new AbortController();
    void (async () => {
      for (;;) {
        await clock.sleep(1_000, controller.signal);
        setNow(clock.now());
      }
    })().catch(() => undefined);
    return () => controller.abort();
  }, [clock, running]);
  return now;
}

const WATCH_KEYS: KeyHint[] = [
  {keys: 'r', label: 'roll back now'},
  {keys: 'd', label: 'detach'},
  {keys: 'ctrl-c', label: 'detach'},
];
const CONFIRM_KEYS: KeyHint[] = [
  {keys: 'y', label: 'yes, go on'},
  {keys: 'n/esc', label: 'no, change nothing'},
];
const STARTING_KEYS: KeyHint[] = [{keys: 'ctrl-c', label: 'stop (nothing changed yet)'}];
/** A deployment that shifts traffic: `r` and `a` ask ECS to stop it (StopServiceDeployment ROLLBACK / ABORT). */
const TRAFFIC_KEYS: KeyHint[] = [
  {keys: 'r', label: 'roll back (ECS)'},
  {keys: 'a', label: 'abort (ECS)'},
  {keys: 'd', label: 'detach'},
  {keys: 'ctrl-c', label: 'detach'},
];
const STOP_CONFIRM_KEYS: KeyHint[] = [
  {keys: 'y', label: 'ask ECS now'},
  {keys: 'any other key', label: 'keep watching'},
];
const ROLLBACK_CONFIRM_KEYS: KeyHint[] = [
  {keys: 'y', label: 'roll back now'},
  {keys: 'any other key', label: 'keep watching'},
];

export function DeployScreen(props: DeployScreenProps) {
  const {control, clock} = props;
  const {stdout} = useStdout();
  const width = Math.max(40, (stdout.columns ?? 100) - 1);
  const [state, dispatchPrinted] = useReducer(screenReducer, initialScreenState);
  // What Ink has printed of the current batch: Ink writes <Static> output in the commit itself, before layout effects.
  const printed = useRef<Printed>({batch: 0, count: 0});
  useLayoutEffect(() => {
    printed.current = {batch: state.batch, count: state.items.length};
  });
  const dispatch = (action: {type: 'event'; event: DeployEvent} | {type: 'block'; text: string}): void =>
    dispatchPrinted({...action, printed: printed.current});
  const [question, setQuestion] = useState<{question: Confirmation; resolve: (answer: boolean) => void} | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  /** `r` was pressed: the next key says whether to roll back (y) or not (anything else). */
  const [confirmingRollback, setConfirmingRollback] = useState(false);
  /** `r` (traffic strategies) or `a` was pressed: the next key says whether to ask ECS to stop the deployment. */
  const [confirmingStop, setConfirmingStop] = useState<'ROLLBACK' | 'ABORT' | undefined>();
  const [ended, setEnded] = useState(false);
  const [applying, setApplying] = useState(false);
  const finishedRef = useRef(false);
  const now = useNow(clock, !ended);
  const {view} = state;
  const active = props.active ?? true;

  useEffect(() => {
    let stopped = false;
    const hooks: StreamHooks = {
      onReview: (review) => dispatch({type: 'block', text: reviewText({kind: 'deploy', review}, {width, color: props.color})}),
      ...(props.confirm ? {confirm: (asked: Confirmation) => new Promise<boolean>((resolve) => setQuestion({question: asked, resolve}))} : {}),
    };
    void (async () => {
      let sawDone = false;
      try {
        for await (const event of props.start(hooks)) {
          if (event.type === 'watch-started' || (event.type === 'step' && (event.name === 'register' || event.name === 'service'))) setApplying(true);
          if (event.type === 'done') sawDone = true;
          dispatch({type: 'event', event});
        }
      } catch (error) {
        const exitCode = typeof (error as {exitCode?: unknown}).exitCode === 'number' ? (error as {exitCode: number}).exitCode : 1;
        const reason = error instanceof Error ? error.message : String(error);
        if (!sawDone) dispatch({type: 'event', event: {type: 'done', at: clock.now(), outcome: 'failed', reason, exitCode, elapsedMs: 0, apiCalls: 0}});
        sawDone = true;
      }
      if (!sawDone) {
        dispatch({
          type: 'event',
          event: {type: 'done', at: clock.now(), outcome: 'interrupted', reason: 'the stream ended early', exitCode: 5, elapsedMs: 0, apiCalls: 0},
        });
      }
      if (!stopped) setEnded(true);
    })();
    return () => {
      stopped = true;
      control.detach();
    };
    // The stream starts once per mount.
  }, []);

  useEffect(() => {
    if (!ended || !view.finished || finishedRef.current) return;
    finishedRef.current = true;
    props.onFinished?.(view);
  }, [ended, view, props]);

  const answer = (yes: boolean): void => {
    if (!question) return;
    question.resolve(yes);
    setQuestion(undefined);
    if (!yes) setNotice('Cancelled: nothing was changed.');
  };

  useInput(
    (input, key) => {
      if (view.finished) return;
      if (question) {
        if (input === 'y' || input === 'Y') answer(true);
        else if (input === 'n' || input === 'N' || key.escape || (key.ctrl && input === 'c')) answer(false);
        return;
      }
      if (confirmingStop !== undefined) {
        const stopType = confirmingStop;
        setConfirmingStop(undefined);
        if (input !== 'y' && input !== 'Y') {
          setNotice('Nothing asked of ECS: still watching.');
          return;
        }
        setNotice(`Asking ECS to stop the deployment (StopServiceDeployment ${stopType})…`);
        control
          .stopDeployment(view.serviceDeployment?.arn ?? '', stopType)
          .then(setNotice, (error: unknown) =>
            setNotice(`StopServiceDeployment ${stopType} failed: ${error instanceof Error ? error.message : String(error)}`),
          );
        return;
      }
      if (confirmingRollback) {
        setConfirmingRollback(false);
        if (input !== 'y' && input !== 'Y') {
          setNotice('Not rolled back: still watching.');
          return;
        }
        setNotice('Rolling back…');
        control.rollBack().then(
          (message) => setNotice(`${message[0]!.toUpperCase()}${message.slice(1)}; watching the rollback.`),
          (error: unknown) => setNotice(`Roll back failed: ${error instanceof Error ? error.message : String(error)}`),
        );
        return;
      }
      if ((key.ctrl && input === 'c') || input === 'd') {
        control.detach();
        setNotice(applying ? 'Detaching: one last look at the deployment, then the watch stops (the deployment goes on)…' : 'Stopping before any change…');
        return;
      }
      if (input === 'a' || (input === 'r' && view.traffic !== undefined)) {
        const stopType = input === 'a' ? 'ABORT' : 'ROLLBACK';
        const why = control.stopUnavailable(view.serviceDeployment?.arn);
        if (why !== undefined) {
          setNotice(`Cannot ask ECS to ${stopType === 'ABORT' ? 'abort' : 'roll back'}: ${why}.`);
          return;
        }
        setConfirmingStop(stopType);
        setNotice(
          stopType === 'ABORT'
            ? 'Abort the deployment (StopServiceDeployment ABORT)? y asks ECS · any other key keeps watching'
            : 'Roll back (StopServiceDeployment ROLLBACK: production traffic goes back to the old revision)? y asks ECS · any other key keeps watching',
        );
        return;
      }
      if (input === 'r') {
        const why = control.rollbackUnavailable;
        if (why !== undefined) {
          setNotice(`Cannot roll back: ${why}.`);
          return;
        }
        // Destructive: asked first, like every other key that changes the service.
        setConfirmingRollback(true);
        setNotice('Roll back now? y rolls back · any other key keeps watching');
      }
    },
    {isActive: active},
  );

  const startedAt = view.startedAt ?? now;
  const keys = view.finished
    ? (props.finishedKeys ?? [])
    : question
      ? CONFIRM_KEYS
      : confirmingRollback
        ? ROLLBACK_CONFIRM_KEYS
        : confirmingStop !== undefined
          ? STOP_CONFIRM_KEYS
          : applying
            ? view.traffic !== undefined
              ? TRAFFIC_KEYS
              : WATCH_KEYS
            : STARTING_KEYS;
  return (
    <Box flexDirection="column">
      <Static key={state.batch} items={state.items}>
        {(item) =>
          item.kind === 'title' ? (
            <RunTitle key={item.key} title={props.title} simulation={props.simulation} />
          ) : item.kind === 'block' ? (
            <Box key={item.key} flexDirection="column" marginY={1}>
              <RenderedText>{item.text}</RenderedText>
            </Box>
          ) : (
            <LogLineView key={item.key} line={item.line} startedAt={startedAt} width={width} />
          )
        }
      </Static>
      {question ? (
        <Box marginTop={1}>
          <Text bold>{questionText(question.question)} </Text>
          <Text dimColor>(y/n)</Text>
        </Box>
      ) : (
        <DeployLive
          view={view}
          now={now}
          width={width}
          {...(props.simulation === undefined ? {} : {simulation: props.simulation})}
          {...(notice === undefined ? {} : {notice})}
        />
      )}
      {view.finished && view.outcome === 'detached' ? (
        <Text>
          {'Watch it again: '}
          {props.watchCommand}
        </Text>
      ) : null}
      {keys.length > 0 ? (
        <Box marginTop={1}>
          <Footer keys={keys} />
        </Box>
      ) : null}
    </Box>
  );
}

/** Mounts the deploy screen on the terminal; resolves with the final view once the stream has ended. */
export async function runDeployScreen(options: Omit<DeployScreenProps, 'onFinished' | 'active'> & {io: CommandIo}): Promise<DeployView> {
  const {io, ...props} = options;
  return mountUntilFinished<DeployView, DeployScreenProps>(DeployScreen, props, io, {
    ...initialDeployView,
    finished: true,
    outcome: 'interrupted',
    exitCode: 5,
  });
}
