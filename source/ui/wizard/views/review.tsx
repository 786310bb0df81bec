/**
 * The review step: for the chosen environment, the task definition and service exactly as they will be sent,
 * every validation issue with its path, and a live diff against what exists in AWS (nothing, the family's
 * latest revision, or the service). It is computed from the answers each time the step is shown, so going
 * back and changing an answer recomputes it.
 */
import React, {useEffect, useMemo, useState} from 'react';
import {Box, useInput, useStdout} from 'ink';
import {maskSecrets} from '../../../domain/diff.js';
import {formatIssueLocation} from '../../../domain/issues.js';
import {withDeployDefaults} from '../../../operations/deploy/plan.js';
import {assembleProfile, blockingCount, reviewEnvironment, suggestProfileName} from '../../../operations/wizard/profile.js';
import type {LiveDiff} from '../../../operations/wizard/services.js';
import {namesTheArtifact, reviewNameLine} from '../../../operations/wizard/questions/container-name.js';
import {useElasticRows} from '../../components/fit.js';
import {Text} from '../../components/text.js';
import {wrapText} from '../../components/wrap.js';
import {Note, Problem, Question} from '../widgets/fields.js';
import type {QuestionViewProps} from './view-props.js';

const VIEWS = ['task', 'service', 'issues', 'diff'] as const;
type View = (typeof VIEWS)[number];
/** Rows of the document at least (and one more for the "lines x–y of n" line), unless the terminal is too short. */
const HEIGHT = 11;

type Tone = 'red' | 'yellow' | 'green' | 'dim';
type Line = {text: string; tone?: Tone};

type DiffState = {status: 'loading'} | {status: 'ok'; diff: LiveDiff} | {status: 'failed'; reason: string};

/** The review (review): `c` changes an answer, Enter goes on to saving (when nothing blocks it). */
export function ReviewView(props: QuestionViewProps) {
  const {answers} = props.ctx;
  const assembled = useMemo(() => assembleProfile(answers, {name: answers.profileName ?? suggestProfileName(answers), now: props.services.now()}), [answers]);
  const environments = assembled.profile?.environments.map((environment) => environment.name) ?? [];
  const [envIndex, setEnvIndex] = useState(0);
  const envName = environments[Math.min(envIndex, Math.max(0, environments.length - 1))];
  const [view, setView] = useState<View>('task');
  const [scroll, setScroll] = useState(0);
  const [error, setError] = useState<string>();
  const [diff, setDiff] = useState<DiffState>({status: 'loading'});

  const rendered = useMemo(
    () =>
      assembled.profile && envName !== undefined
        ? reviewEnvironment(
            assembled.profile,
            envName,
            answers.discovery?.recordTypes ? {[answers.discovery.registryArn]: answers.discovery.recordTypes} : undefined,
          )
        : undefined,
    [assembled, envName],
  );
  const issues = envName === undefined ? [] : (assembled.issues[envName] ?? []);
  const blocking = blockingCount(assembled);
  const warnings =
    assembled.problems.filter((problem) => problem.severity === 'warning').length +
    Object.values(assembled.issues)
      .flat()
      .filter((issue) => issue.severity === 'warning').length;

  useEffect(() => {
    if (!assembled.profile || envName === undefined) {
      setDiff({status: 'failed', reason: 'the profile is not complete'});
      return;
    }
    let cancelled = false;
    setDiff({status: 'loading'});
    props.services.liveDiff(assembled.profile, envName, Math.max(40, props.width - 6)).then((result) => {
      if (cancelled) return;
      setDiff(result.ok ? {status: 'ok', diff: result.diff} : {status: 'failed', reason: result.reason});
    });
    return () => {
      cancelled = true;
    };
  }, [assembled, envName]);

  const paragraphs = useMemo((): Line[] => {
    if (view === 'task') {
      return rendered?.taskDefinition
        ? JSON.stringify(maskSecrets(rendered.taskDefinition), null, 2)
            .split('\n')
            .map((text) => ({text}))
        : [{text: 'The task definition cannot be rendered: see Issues.', tone: 'red'}];
    }
    if (view === 'service') {
      return rendered?.service
        ? // What deploy sends (with its defaults, e.g. the circuit breaker), secrets masked.
          JSON.stringify(maskSecrets(withDeployDefaults(rendered.service)), null, 2)
            .split('\n')
            .map((text) => ({text}))
        : [{text: 'The service cannot be rendered: see Issues.', tone: 'red'}];
    }
    if (view === 'issues') {
      const found = [
        ...assembled.problems.map((problem) => ({
          text: `${problem.severity === 'error' ? '✖' : '⚠'} ${problem.field}${problem.environment === undefined ? '' : ` [${problem.environment + 1}]`}: ${problem.message}${problem.fix ? ` — ${problem.fix}` : ''}`,
          tone: problem.severity === 'error' ? ('red' as const) : ('yellow' as const),
        })),
        ...issues.map((issue) => ({
          text: `${issue.severity === 'error' ? '✖' : issue.severity === 'warning' ? '⚠' : 'ℹ'} ${formatIssueLocation(issue)}: ${issue.message}${issue.fix ? ` — ${issue.fix}` : ''}`,
          tone: issue.severity === 'error' ? ('red' as const) : issue.severity === 'warning' ? ('yellow' as const) : ('dim' as const),
        })),
      ];
      return found.length === 0 ? [{text: '✔ No issues.', tone: 'green'}] : found;
    }
    if (diff.status === 'loading') return [{text: 'Comparing with what exists in AWS…', tone: 'dim'}];
    if (diff.status === 'failed')
      return [
        {text: `Cannot compare with AWS: ${diff.reason}`, tone: 'yellow'},
        {text: 'The profile can be saved anyway; `ecs-wizard diff` compares it later.', tone: 'dim'},
      ];
    return [{text: diff.diff.summary, tone: 'green'}, ...diff.diff.text.split('\n').map((text) => ({text}))];
  }, [view, rendered, assembled, issues, diff]);
  // The rows shown: JSON lines are cut at the edge (their indentation is their meaning); messages — issues,
  // warnings, notes — wrap, under the text after their mark.
  const width = Math.max(20, props.width - 2);
  const lines = useMemo(
    (): Line[] =>
      paragraphs.flatMap((line) =>
        line.tone === undefined ? [line] : wrapText(line.text, width, /^[✖⚠ℹ✔] /.test(line.text) ? '  ' : '').map((text) => ({text, tone: line.tone})),
      ),
    [paragraphs, width],
  );
  // A tall terminal shows more of the document; a short one less (fit.tsx), so that the keys stay on screen.
  const {stdout} = useStdout();
  const height = useElasticRows(Math.max(HEIGHT, (stdout.rows > 0 ? stdout.rows : 0) - 20) + 1, 4) - 1;

  const maxScroll = Math.max(0, lines.length - height);
  useInput(
    (input, key) => {
      // Ctrl keys belong to the wizard screen (Ctrl-C: leave, asking first); `c` alone changes an answer.
      if (key.ctrl) return;
      if (key.leftArrow || (key.shift && key.tab)) {
        setView(VIEWS[(VIEWS.indexOf(view) + VIEWS.length - 1) % VIEWS.length]!);
        setScroll(0);
      } else if (key.rightArrow || key.tab) {
        setView(VIEWS[(VIEWS.indexOf(view) + 1) % VIEWS.length]!);
        setScroll(0);
      } else if (key.upArrow || input === 'k') setScroll(Math.max(0, scroll - 1));
      else if (key.downArrow || input === 'j') setScroll(Math.min(maxScroll, scroll + 1));
      else if (key.pageUp) setScroll(Math.max(0, scroll - height));
      else if (key.pageDown) setScroll(Math.min(maxScroll, scroll + height));
      else if (input === 'e' && environments.length > 1) {
        setEnvIndex((envIndex + 1) % environments.length);
        setScroll(0);
      } else if (input === 'c') props.change();
      else if (input === '?') props.help();
      else if (key.return) {
        if (blocking > 0)
          setError(`${blocking} problem${blocking === 1 ? '' : 's'} must be fixed before saving: see Issues (→), then press c to change an answer`);
        else props.submit({});
      }
    },
    {isActive: props.active},
  );

  const tabLabel = (candidate: View): string =>
    candidate === 'task'
      ? 'Task definition'
      : candidate === 'service'
        ? 'Service'
        : candidate === 'issues'
          ? `Issues (${assembled.problems.length + issues.length})`
          : 'Diff vs AWS';
  return (
    <Box flexDirection="column">
      <Question
        label={`Review${envName === undefined ? '' : ` · environment ${envName}`}${environments.length > 1 ? ` (${envIndex + 1} of ${environments.length}, e: next)` : ''}`}
      />
      <Box marginLeft={2}>
        {blocking > 0 ? (
          <Text color="red">
            {'✖ '}
            {blocking}
            {' problem'}
            {blocking === 1 ? '' : 's'}
            {' block saving'}
          </Text>
        ) : (
          <Text color="green">✔ Ready to save{warnings > 0 ? ` · ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}</Text>
        )}
      </Box>
      {namesTheArtifact(answers) ? <ContainerNameLine answers={answers} /> : null}
      <Box marginLeft={2}>
        {VIEWS.map((candidate, index) => (
          <Text key={candidate}>
            {index > 0 ? <Text dimColor>{' │ '}</Text> : null}
            <Text bold={candidate === view} color={candidate === view ? 'cyan' : undefined} underline={candidate === view}>
              {tabLabel(candidate)}
            </Text>
          </Text>
        ))}
      </Box>
      <Box flexDirection="column" marginLeft={2} height={height + 1}>
        {lines.slice(Math.min(scroll, maxScroll), Math.min(scroll, maxScroll) + height).map((line, index) => (
          <Text
            key={scroll + index}
            color={line.tone === 'red' ? 'red' : line.tone === 'yellow' ? 'yellow' : line.tone === 'green' ? 'green' : undefined}
            dimColor={line.tone === 'dim'}
            wrap="truncate-end"
          >
            {line.text}
          </Text>
        ))}
        {lines.length > height ? (
          <Text dimColor>
            {'  lines '}
            {Math.min(scroll, maxScroll) + 1}–{Math.min(lines.length, Math.min(scroll, maxScroll) + height)}
            {' of '}
            {lines.length}
            {' (↑↓ scroll)'}
          </Text>
        ) : null}
      </Box>
      <Note message="←→ view · ↑↓ scroll · c change an answer · enter save · esc back" />
      <Problem message={error} />
    </Box>
  );
}

/** The artifact container's name, and what a derived one moves when Cloud Map or a load balancer maps it (c changes it). */
function ContainerNameLine({answers}: {answers: QuestionViewProps['ctx']['answers']}) {
  const line = reviewNameLine(answers);
  return (
    <Box marginLeft={2}>
      <Text color={line.warning ? 'yellow' : undefined} dimColor={!line.warning} wrap="wrap">
        {line.warning ? '⚠ ' : ''}
        {line.text}
      </Text>
    </Box>
  );
}
