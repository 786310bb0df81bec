/**
 * The guided setup: answered steps collapse to `Label: value` lines above the current question; Esc goes back
 * one step keeping the answers; `?` shows the step's help (from the seed); Ctrl-C asks before discarding a
 * half-done setup and offers to save a draft, which the next `ecs-wizard init` offers to resume.
 */
import React, {useEffect, useReducer, useState} from 'react';
import {Box, useInput, useStdout} from 'ink';
import type {Profile} from '../../domain/model.js';
import {refKey} from '../../operations/wizard/question.js';
import {SECTIONS, questionById} from '../../operations/wizard/question-list.js';
import type {WizardServices} from '../../operations/wizard/services.js';
import {useElasticRows} from '../components/fit.js';
import {Frame} from '../components/frame.js';
import {HelpOverlay} from '../components/help-overlay.js';
import {Text} from '../components/text.js';
import type {KeyHint} from '../keys.js';
import {QuestionView} from './question-view.js';
import {contextOf, currentRef, hasProgress, initialWizard, summaryLines, wizardReducer, type SummaryLine, type WizardInit} from './wizard-state.js';
import {Note, SelectField} from './widgets/fields.js';

export type WizardExit = {kind: 'saved'; profile: Profile} | {kind: 'cancelled'; quit?: boolean} | {kind: 'draft'; path: string};

const MAX_SUMMARY = 7;

const KEYS: KeyHint[] = [
  {keys: '↑↓', label: 'move'},
  {keys: 'enter', label: 'continue'},
  {keys: 'esc', label: 'back'},
  {keys: '?', label: 'help'},
  {keys: 'ctrl-c', label: 'quit'},
];

const STEP_HELP_KEYS: KeyHint[] = [
  {keys: 'enter', label: 'answer / choose, and go on'},
  {keys: 'esc', label: 'back one step (answers are kept)'},
  {keys: '↑↓', label: 'move in a list (type to filter it)'},
  {keys: '?', label: 'this help (on an empty field)'},
  {keys: 'ctrl-c', label: 'leave (asks first; a draft can be saved)'},
];

export function WizardScreen(props: {services: WizardServices; init: WizardInit; active: boolean; finishOnSave: boolean; onExit: (exit: WizardExit) => void}) {
  const [state, dispatch] = useReducer(wizardReducer, props.init, initialWizard);
  const [saved, setSaved] = useState<Profile>();
  const [exiting, setExiting] = useState<WizardExit>();
  const {stdout} = useStdout();
  const width = stdout?.columns ?? 100;
  const ref = currentRef(state);
  const def = questionById(ref.id);
  const ctx = contextOf(state, ref);

  // Exit from an effect once the last frame has rendered (stack notes).
  useEffect(() => {
    if (exiting) props.onExit(exiting);
  }, [exiting]);
  useEffect(() => {
    if (!state.leaving) return;
    if (hasProgress(state)) dispatch({type: 'overlay', overlay: 'quit'});
    else setExiting({kind: 'cancelled'});
  }, [state.leaving]);
  useEffect(() => {
    if (saved === undefined) return;
    // The draft became this profile: delete it before exiting (`init` ends the process once the wizard exits,
    // which used to cut the deletion short, so the next `init` offered the draft again).
    void props.services
      .draft()
      .then((draft) => draft.clear())
      .catch(() => undefined)
      .then(() => {
        if (props.finishOnSave) setExiting({kind: 'saved', profile: saved});
      });
  }, [saved]);

  useInput(
    (input, key) => {
      if (key.ctrl && input === 'c') {
        if (state.overlay === 'quit' || !hasProgress(state) || saved) setExiting(saved ? {kind: 'saved', profile: saved} : {kind: 'cancelled', quit: true});
        else dispatch({type: 'overlay', overlay: 'quit'});
      } else if (saved) {
        if (key.return || key.escape) setExiting({kind: 'saved', profile: saved});
      } else if (key.escape) {
        if (state.overlay !== 'none') dispatch({type: 'stay'});
        else dispatch({type: 'back'});
      } else if (input === '?' && state.overlay === 'help') dispatch({type: 'toggle-help'});
    },
    {isActive: props.active && exiting === undefined},
  );

  const stepActive = props.active && state.overlay === 'none' && saved === undefined && exiting === undefined;
  const lines = summaryLines(state);
  // The review and the overlays need the room: fewer answered lines above them.
  const room = state.overlay !== 'none' ? 0 : ref.id === 'review' ? 2 : Math.max(2, Math.min(MAX_SUMMARY, (stdout?.rows ?? 30) - 22));
  const subtitle = `${def.section + 1}/${SECTIONS.length} ${SECTIONS[def.section]}`;

  if (saved) {
    return (
      <Frame title="new setup" subtitle="saved" keys={props.finishOnSave ? [] : [{keys: 'enter', label: 'done'}]} capturing>
        <Text color="green">
          {'✔ Saved profile '}
          {saved.name}
          {' ('}
          {saved.environments.length}
          {' environment'}
          {saved.environments.length === 1 ? '' : 's'}
          {': '}
          {saved.environments.map((environment) => environment.name).join(', ')}).
        </Text>
        <Text>
          Deploy it:{' '}
          <Text bold>
            {'ecs-wizard deploy '}
            {saved.name}
          </Text>
          <Text dimColor>
            {'   (ecs-wizard render '}
            {saved.name}
            {' shows the JSON it sends)'}
          </Text>
        </Text>
      </Frame>
    );
  }

  return (
    <Frame title="new setup" subtitle={subtitle} keys={KEYS} capturing>
      <Answers lines={room === 0 ? [] : lines} room={room} width={width} notice={state.overlay === 'none' ? state.notice : undefined} />
      <Box flexDirection="column">
        {state.overlay === 'help' ? (
          <StepHelp title={SECTIONS[def.section] === def.label ? def.label : `${SECTIONS[def.section]} · ${def.label}`} text={def.help} />
        ) : null}
        {state.overlay === 'quit' ? (
          <SelectField
            label="Leave the setup? Your answers are not saved yet."
            options={[
              {value: 'draft', label: 'Save a draft and quit', detail: 'ecs-wizard init offers to resume it (passwords are never saved)'},
              {value: 'discard', label: 'Quit without saving'},
              {value: 'stay', label: 'Keep going'},
            ]}
            active={props.active}
            onHelp={() => undefined}
            onSubmit={(value) => {
              if (value === 'stay') dispatch({type: 'stay'});
              else if (value === 'discard') setExiting({kind: 'cancelled', quit: true});
              else {
                void props.services
                  .draft()
                  .then((store) => store.save({answers: state.answers, choices: state.choices, done: state.done, savedAt: props.services.now()}))
                  .then(
                    (path) => setExiting({kind: 'draft', path}),
                    () => setExiting({kind: 'cancelled', quit: true}),
                  );
              }
            }}
          />
        ) : null}
        {state.overlay === 'change' ? (
          <SelectField
            label="Change which answer? (the review comes back once everything holds again)"
            options={lines.filter((line) => !line.auto).map((line) => ({value: refKey(line.ref), label: `${line.label}: ${line.value}`}))}
            initial={lines
              .filter((line) => !line.auto)
              .map((line) => refKey(line.ref))
              .at(-1)}
            active={props.active}
            onHelp={() => undefined}
            onSubmit={(value) => {
              const line = lines.find((candidate) => refKey(candidate.ref) === value);
              if (line) dispatch({type: 'change', ref: line.ref});
            }}
          />
        ) : null}
        <Box display={state.overlay === 'none' ? 'flex' : 'none'} flexDirection="column">
          <QuestionView
            key={`${refKey(ref)}:${state.history.length}`}
            stepRef={ref}
            ctx={ctx}
            {...(state.password === undefined ? {} : {password: state.password})}
            services={props.services}
            active={stepActive}
            width={width}
            submit={(submission) => dispatch({type: 'submit', ref, submission})}
            back={() => dispatch({type: 'back'})}
            help={() => dispatch({type: 'toggle-help'})}
            change={() => dispatch({type: 'overlay', overlay: 'change'})}
            saved={setSaved}
          />
        </Box>
      </Box>
    </Frame>
  );
}

/**
 * The wizard with its draft: a draft left by Ctrl-C is offered first (resume or start over), unless the
 * setup starts from flags.
 */
export function Wizard(props: {
  services: WizardServices;
  init?: WizardInit;
  active: boolean;
  finishOnSave: boolean;
  offerDraft: boolean;
  onExit: (exit: WizardExit) => void;
}) {
  const [phase, setPhase] = useState<{kind: 'checking'} | {kind: 'ask'; init: WizardInit; savedAt: string} | {kind: 'run'; init: WizardInit}>(() =>
    props.offerDraft ? {kind: 'checking'} : {kind: 'run', init: withPassword(props.init ?? {}, props.services)},
  );
  useEffect(() => {
    if (phase.kind !== 'checking') return;
    props.services
      .draft()
      .then((store) => store.load())
      .then(
        (draft) =>
          setPhase(
            draft === undefined
              ? {kind: 'run', init: withPassword(props.init ?? {}, props.services)}
              : {
                  kind: 'ask',
                  savedAt: draft.savedAt,
                  init: withPassword({answers: draft.answers, choices: draft.choices, done: draft.done, resume: true}, props.services),
                },
          ),
        () => setPhase({kind: 'run', init: withPassword(props.init ?? {}, props.services)}),
      );
  }, []);
  useInput(
    (input, key) => {
      if (key.ctrl && input === 'c') props.onExit({kind: 'cancelled', quit: true});
      else if (key.escape) props.onExit({kind: 'cancelled'});
    },
    {isActive: props.active && phase.kind === 'ask'},
  );
  if (phase.kind === 'checking') return <Text dimColor>Starting the setup…</Text>;
  if (phase.kind === 'ask') {
    return (
      <Frame
        title="new setup"
        keys={[
          {keys: '↑↓', label: 'move'},
          {keys: 'enter', label: 'choose'},
          {keys: 'esc', label: 'back'},
        ]}
        capturing
      >
        <SelectField
          label={`You left a setup unfinished on ${phase.savedAt.slice(0, 16).replace('T', ' ')} (saved as a draft).`}
          options={[
            {value: 'resume', label: 'Resume it', detail: 'from the first unanswered question'},
            {value: 'new', label: 'Start a new setup', detail: 'the draft is removed'},
          ]}
          active={props.active}
          onHelp={() => undefined}
          onSubmit={(value) => {
            if (value === 'resume') setPhase({kind: 'run', init: phase.init});
            else {
              void props.services.draft().then(
                (store) => store.clear(),
                () => undefined,
              );
              setPhase({kind: 'run', init: withPassword(props.init ?? {}, props.services)});
            }
          }}
        />
      </Frame>
    );
  }
  return <WizardScreen services={props.services} init={phase.init} active={props.active} finishOnSave={props.finishOnSave} onExit={props.onExit} />;
}

/**
 * The answered steps above the question: the last `room` of them (fewer when the terminal is too short for the
 * step: they give up their rows first, fit.tsx), "… N earlier answers" for the others, and the last answer's
 * note. A blank row below, when there is anything.
 */
function Answers({lines, room, width, notice}: {lines: SummaryLine[]; room: number; width: number; notice: string | undefined}) {
  // One unit more than the lines: the "… earlier" line with the blank row below, given up last.
  const units = useElasticRows(lines.length === 0 ? 0 : Math.min(room, lines.length) + 1, 0);
  const shown = units <= 1 ? [] : lines.slice(-(units - 1));
  const earlier = units === 0 ? 0 : lines.length - shown.length;
  if (shown.length === 0 && earlier === 0 && !notice) return null;
  return (
    <Box flexDirection="column" marginBottom={1}>
      {earlier > 0 ? (
        <Text dimColor>
          {'  … '}
          {earlier}
          {' earlier answer'}
          {earlier === 1 ? '' : 's'}
        </Text>
      ) : null}
      {shown.map((line) => (
        <AnswerLine key={refKey(line.ref)} label={line.label} value={line.value} width={width} />
      ))}
      <Note message={notice} />
    </Box>
  );
}

/** The answers keep at least this many columns beside their label; on a narrower terminal they go below it. */
export const MIN_ANSWER = 24;

/** `✔ Label: value` on one row, cut with "…" at the edge; the value under the label when the label leaves it too little room. */
function AnswerLine({label, value, width}: {label: string; value: string; width: number}) {
  const stacked = width - (label.length + 4) < MIN_ANSWER;
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end">
        <Text color="green">{'✔ '}</Text>
        <Text dimColor>
          {label}
          {':'}
        </Text>
        {stacked ? '' : ` ${value}`}
      </Text>
      {stacked ? (
        <Text wrap="truncate-end">
          {'    '}
          {value}
        </Text>
      ) : null}
    </Box>
  );
}

/** The `?` overlay of a step: the seed's explanation, and the wizard's keys (only those: q is a letter here). */
function StepHelp({title, text}: {title: string; text: readonly string[]}) {
  return <HelpOverlay help={{title, text: [...text], keys: STEP_HELP_KEYS}} ownKeysOnly />;
}

function withPassword(init: WizardInit, services: WizardServices): WizardInit {
  const password = services.registryPassword();
  return password === undefined || password === '' ? init : {...init, password, passwordFromEnv: true};
}
