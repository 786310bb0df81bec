/**
 * The Ink screen of a whole-application run (`deploy --app`, `watch --app`) over `appViewReducer`: a table with one
 * row per service — stage, revision, running / desired, outcome — and the focused service's detail below it, drawn by
 * the single deploy screen's components (its live part: deployments table, ECS's record, circuit breaker, latest
 * failure; and its last log lines). ↑↓ (j/k) move the focus; d or Ctrl-C detach the whole run (the deployments go
 * on; nothing more starts); r then y roll the focused service back now. Before anything changes it shows each
 * service's plan and asks once (y / n). Text from outside is cleaned by the Text component. Time from the clock.
 */
import React, {useEffect, useReducer, useRef, useState} from 'react';
import {Box, Static, useInput, useStdout} from 'ink';
import type {AppDeployEvent} from '../../domain/deploy/app-events.js';
import {
  appHeadline,
  appSummaryLines,
  appViewReducer,
  initialAppView,
  rowRevision,
  rowStage,
  rowTasks,
  type AppServiceRow,
  type AppView,
} from '../../domain/deploy/app-view.js';
import type {AppReview} from '../../operations/deploy/app-run.js';
import type {DeployControl} from '../../operations/deploy/control.js';
import type {Clock} from '../../ports/clock.js';
import type {CommandIo} from '../../ports/terminal.js';
import {planText} from '../../report/plan-text.js';
import type {KeyHint} from '../keys.js';
import {Footer} from '../components/frame.js';
import {RenderedText, Text} from '../components/text.js';
import {RunTitle} from '../components/run-title.js';
import {mountUntilFinished} from '../mount-until-finished.js';
import {DeployLive, LogLineView} from './deploy.js';

export interface AppDeployScreenProps {
  clock: Clock;
  title: string;
  detach: () => void;
  controls?: Map<string, DeployControl>;
  confirm: boolean;
  color: boolean;
  simulation?: {scenario: string; speed: number};
  watchCommand: string;
  resumeCommand: (flags: string) => string;
  start: (hooks: {onReview?: (reviews: AppReview[]) => void; confirm?: (reviews: AppReview[]) => Promise<boolean>}) => AsyncIterable<AppDeployEvent>;
  onFinished?: (view: AppView) => void;
  active?: boolean;
  finishedKeys?: KeyHint[];
}

/** How many of the focused service's log lines are shown under its live part. */
const DETAIL_LINES = 6;

const OUTCOME_COLOR: Record<string, string> = {
  deployed: 'green',
  'rolled-back': 'red',
  failed: 'red',
  'timed-out': 'yellow',
  detached: 'yellow',
  interrupted: 'yellow',
};

function rowColor(row: AppServiceRow): string | undefined {
  if (row.status === 'finished') return row.outcome === undefined ? undefined : OUTCOME_COLOR[row.outcome];
  if (row.status === 'skipped') return 'yellow';
  if (row.status === 'started') return 'cyan';
  return undefined;
}

/** One row per service: stage, revision, running / desired, outcome. */
export function ServicesTable({view, focus, width}: {view: AppView; focus: number; width: number}) {
  const nameWidth = Math.max(7, ...view.rows.map((row) => row.service.length)) + 3;
  const stageWidth = Math.max(12, ...view.rows.map((row) => rowStage(row).length)) + 2;
  const revisionWidth = Math.max(9, ...view.rows.map((row) => (rowRevision(row) ?? '—').length)) + 2;
  const tasksWidth = 9;
  const outcomeWidth = Math.max(10, width - nameWidth - stageWidth - revisionWidth - tasksWidth);
  const pad = (text: string, size: number): string => (text.length > size - 1 ? `${text.slice(0, size - 2)}… ` : text.padEnd(size));
  return (
    <Box flexDirection="column">
      <Text dimColor>{pad('  SERVICE', nameWidth) + pad('STAGE', stageWidth) + pad('REVISION', revisionWidth) + pad('RUN/DES', tasksWidth) + 'OUTCOME'}</Text>
      {view.rows.map((row, index) => {
        const tasks = rowTasks(row);
        const outcome =
          row.status === 'finished'
            ? `exit ${row.exitCode ?? '?'}${row.reason ? ` — ${row.reason}` : ''}`
            : row.status === 'skipped'
              ? (row.reason ?? '').replace(/^not started: /, '')
              : row.dependsOn.length > 0 && row.status !== 'started'
                ? `after ${row.dependsOn.join(', ')}`
                : '';
        return (
          <Text key={row.service} wrap="truncate">
            <Text bold={index === focus} color={index === focus ? 'cyan' : undefined}>
              {pad(`${index === focus ? '›' : ' '} ${row.service}`, nameWidth)}
            </Text>
            <Text color={rowColor(row)}>{pad(rowStage(row), stageWidth)}</Text>
            <Text>{pad(rowRevision(row) ?? '—', revisionWidth)}</Text>
            <Text>{pad(tasks === undefined ? '—' : `${tasks.running}/${tasks.desired}`, tasksWidth)}</Text>
            <Text color={rowColor(row)}>{outcome.slice(0, outcomeWidth)}</Text>
          </Text>
        );
      })}
    </Box>
  );
}

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

const clockText = (ms: number): string => {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
};

type Block = {key: string; kind: 'title'} | {key: string; kind: 'block'; text: string};

export function AppDeployScreen(props: AppDeployScreenProps) {
  const {clock} = props;
  const {stdout} = useStdout();
  const width = Math.max(40, (stdout.columns ?? 100) - 1);
  const [view, dispatch] = useReducer(appViewReducer, initialAppView);
  const [blocks, setBlocks] = useState<Block[]>([{key: 'title', kind: 'title'}]);
  const [question, setQuestion] = useState<{count: number; resolve: (answer: boolean) => void} | undefined>();
  const [focus, setFocus] = useState(0);
  const [notice, setNotice] = useState<string | undefined>();
  const [confirmingRollback, setConfirmingRollback] = useState(false);
  const [ended, setEnded] = useState(false);
  const finishedRef = useRef(false);
  const now = useNow(clock, !ended);
  const active = props.active ?? true;

  useEffect(() => {
    void (async () => {
      let sawDone = false;
      try {
        for await (const event of props.start({
          onReview: (reviews) =>
            setBlocks((current) => [
              ...current,
              ...reviews.map((item, index) => ({key: `plan${index}`, kind: 'block' as const, text: planText(item.review.plan, {width, color: props.color})})),
            ]),
          ...(props.confirm ? {confirm: (reviews: AppReview[]) => new Promise<boolean>((resolve) => setQuestion({count: reviews.length, resolve}))} : {}),
        })) {
          if (event.type === 'app-done') sawDone = true;
          dispatch(event);
        }
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        if (!sawDone) dispatch({type: 'app-done', at: clock.now(), outcome: 'failed', exitCode: 1, reason, elapsedMs: 0, services: []});
        sawDone = true;
      }
      if (!sawDone)
        dispatch({type: 'app-done', at: clock.now(), outcome: 'interrupted', exitCode: 5, reason: 'the stream ended early', elapsedMs: 0, services: []});
      setEnded(true);
    })();
    return () => props.detach();
    // The stream starts once per mount.
  }, []);

  useEffect(() => {
    if (!ended || !view.finished || finishedRef.current) return;
    finishedRef.current = true;
    props.onFinished?.(view);
  }, [ended, view, props]);

  const focused = view.rows[Math.min(focus, Math.max(0, view.rows.length - 1))];

  useInput(
    (input, key) => {
      if (question) {
        if (input === 'y' || input === 'Y') {
          question.resolve(true);
          setQuestion(undefined);
        } else if (input === 'n' || input === 'N' || key.escape || (key.ctrl && input === 'c')) {
          question.resolve(false);
          setQuestion(undefined);
          setNotice('Cancelled: nothing was changed.');
        }
        return;
      }
      if (key.upArrow || input === 'k') setFocus((current) => Math.max(0, current - 1));
      else if (key.downArrow || input === 'j') setFocus((current) => Math.min(view.rows.length - 1, current + 1));
      if (view.finished) return;
      if (confirmingRollback) {
        setConfirmingRollback(false);
        const control = focused === undefined ? undefined : props.controls?.get(focused.service);
        if ((input !== 'y' && input !== 'Y') || control === undefined) {
          setNotice('Not rolled back: still watching.');
          return;
        }
        setNotice(`Rolling ${focused!.service} back…`);
        control.rollBack().then(
          (message) => setNotice(`${message[0]!.toUpperCase()}${message.slice(1)}; watching the rollback.`),
          (error: unknown) => setNotice(`Roll back failed: ${error instanceof Error ? error.message : String(error)}`),
        );
        return;
      }
      if ((key.ctrl && input === 'c') || input === 'd') {
        props.detach();
        setNotice('Detaching: nothing more starts; the deployments in flight go on…');
        return;
      }
      if (input === 'r' && focused !== undefined) {
        const control = props.controls?.get(focused.service);
        const why = focused.status !== 'started' ? `${focused.service} is not rolling out` : (control?.rollbackUnavailable ?? undefined);
        if (why !== undefined || control === undefined) {
          setNotice(`Cannot roll back: ${why ?? 'nothing was deployed yet'}.`);
          return;
        }
        setConfirmingRollback(true);
        setNotice(`Roll ${focused.service} back now? y rolls back · any other key keeps watching`);
      }
    },
    {isActive: active},
  );

  const elapsed = (view.finished ? (view.now ?? now) : Math.max(now, view.now ?? 0)) - (view.startedAt ?? now);
  const keys: KeyHint[] = view.finished
    ? [{keys: '↑↓', label: 'service'}, ...(props.finishedKeys ?? [])]
    : question
      ? [
          {keys: 'y', label: 'yes, deploy'},
          {keys: 'n/esc', label: 'no, change nothing'},
        ]
      : [
          {keys: '↑↓', label: 'service'},
          {keys: 'r', label: 'roll back this one'},
          {keys: 'd', label: 'detach'},
          {keys: 'ctrl-c', label: 'detach'},
        ];
  const detailStart = focused?.view.startedAt ?? now;
  return (
    <Box flexDirection="column">
      <Static items={blocks}>
        {(item) =>
          item.kind === 'title' ? (
            <RunTitle key={item.key} title={props.title} simulation={props.simulation} />
          ) : (
            <Box key={item.key} flexDirection="column" marginY={1}>
              <RenderedText>{item.text}</RenderedText>
            </Box>
          )
        }
      </Static>
      {question ? (
        <Box marginTop={1}>
          <Text bold>
            Deploy {question.count} service{question.count === 1 ? '' : 's'} of {view.application ?? ''} to {view.environment ?? ''}?{' '}
          </Text>
          <Text dimColor>(y/n)</Text>
        </Box>
      ) : (
        <Box flexDirection="column">
          <ServicesTable view={view} focus={focus} width={width} />
          {focused !== undefined && focused.view.startedAt !== undefined ? (
            <Box flexDirection="column" marginTop={1}>
              <Text bold>{focused.service}</Text>
              {focused.view.log.slice(-DETAIL_LINES).map((line, index) => (
                <LogLineView key={`${focused.service}${focused.view.logCount - DETAIL_LINES + index}`} line={line} startedAt={detailStart} width={width} />
              ))}
              <DeployLive view={focused.view} now={now} width={width} {...(props.simulation === undefined ? {} : {simulation: props.simulation})} />
            </Box>
          ) : null}
          {notice ? <Text color="cyan">{notice}</Text> : null}
          {view.finished ? (
            <Box flexDirection="column" marginTop={1}>
              <Text bold color={view.exitCode === 0 ? 'green' : view.outcome === 'detached' ? 'yellow' : 'red'}>
                {view.application} in {view.environment}: {appHeadline(view)}
                {' · exit '}
                {view.exitCode}
                {' · '}
                {clockText(elapsed)}
              </Text>
              {appSummaryLines(view, props.resumeCommand).map((line) => (
                <Text key={line}>
                  {'  '}
                  {line}
                </Text>
              ))}
              {view.outcome === 'detached' ? (
                <Text>
                  {'Watch them again: '}
                  {props.watchCommand}
                </Text>
              ) : null}
            </Box>
          ) : (
            <Text dimColor>
              {view.watch ? 'watching' : 'deploying'}
              {' · elapsed '}
              {clockText(elapsed)}
              {props.simulation ? ' · simulated' : ''}
            </Text>
          )}
        </Box>
      )}
      <Box marginTop={1}>
        <Footer keys={keys} />
      </Box>
    </Box>
  );
}

/** Mounts the screen on the terminal; resolves with the final view once the stream has ended. */
export async function runAppDeployScreen(options: Omit<AppDeployScreenProps, 'onFinished' | 'active'> & {io: CommandIo}): Promise<AppView> {
  const {io, ...props} = options;
  return mountUntilFinished<AppView, AppDeployScreenProps>(AppDeployScreen, props, io, {
    ...initialAppView,
    finished: true,
    outcome: 'interrupted',
    exitCode: 5,
  });
}
