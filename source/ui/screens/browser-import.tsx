/**
 * Import a revision or a live service into a profile: new profile (names suggested from the family or
 * service) or, for a revision, the container specification of an existing profile; the artifact's container
 * when there are several; then a review listing every replacement before anything is saved.
 * A thin view over importFormReducer (ui/browser-state.ts); the work is operations/import.ts.
 */
import React, {useEffect, useMemo, useReducer, useRef, useState} from 'react';
import {Box, useInput} from 'ink';
import {Text} from '../components/text.js';
import {TextInput} from '../components/text-input.js';
import type {Profile} from '../../domain/model.js';
import {
  containerChoices,
  familyOf,
  fetchServiceSource,
  fetchTaskDefinitionSource,
  importReport,
  planContainerReplacement,
  planImport,
  saveImport,
  suggestNames,
  type ImportPlan,
  type ImportSource,
} from '../../operations/import.js';
import {
  applySecretDecisions,
  applySecretPolicies,
  plaintextSecretsOf,
  secretPolicies,
  secretReport,
  type SecretDecision,
} from '../../operations/import-secrets.js';
import {secretNameFor} from '../../domain/import/plaintext-secrets.js';
import {breaking} from '../../domain/environment-impact.js';
import {sharedEnvironmentChanges, type SharedEnvironmentChange} from '../../operations/shared-environments.js';
import {breakingError} from '../../report/environment-impact-text.js';
import {atFirstStep, IMPORT_MODES, importFormReducer, initialImportForm, isImportTyping, NAME_FIELDS, type ImportFormState} from '../browser-state.js';
import {PLAINTEXT_KEYS, PlaintextSecrets} from './plaintext-secrets.js';
import {Frame} from '../components/frame.js';
import type {ScreenHelp} from '../components/help-overlay.js';
import {Spinner} from '../components/spinner.js';
import {BACK, type KeyHint} from '../keys.js';
import type {BrowseImportSource} from '../navigation.js';
import {awsSubtitle, ErrorLines, loadError, useResolvedRegion, useTypingReport, type BrowserProps} from './browser-list.js';

export const importHelp: ScreenHelp = {
  title: 'Import',
  text: [
    "Turns what runs on ECS into a profile, without retyping it. Read-only fields are left out; the artifact container's image becomes ${DOCKER_IMAGE_NAME} (its registry, path and tag or digest become the artifact source), its name becomes ${CONTAINER_NAME} only where it equals the derived name, and the execution role becomes ${EXECUTION_ROLE} when the environment takes it.",
    'Sidecars keep their literal images. A live service also gives the environment: region, cluster, launch type, subnets, security groups, public IP. Rendered with the imported tag, the profile gives back what was imported.',
    'Environment variables that look like secrets in plain text are asked about first: each moves to AWS Secrets Manager (one secret for the environment, a JSON key per variable) or stays as plain text, declared not a secret. The execution role then needs the policy shown after saving (ecs-wizard import --apply-iam puts it).',
    'The review lists every replacement; nothing is saved before you confirm.',
  ],
  keys: [
    {keys: '↑↓', label: 'choose'},
    {keys: 'tab', label: 'next field'},
    {keys: 'enter', label: 'next / save'},
    {keys: 'o', label: 'overwrite an existing profile'},
    BACK,
  ],
};

const LABELS: Record<(typeof NAME_FIELDS)[number], string> = {
  application: 'Application',
  service: 'Service',
  environment: 'Environment',
  profile: 'Profile name',
};

/** The review shows at most this many issue lines (the rest are counted). */
const MAX_REVIEW_ISSUES = 8;

export function BrowseImport(props: BrowserProps & {source: BrowseImportSource; onSaved: (profile: string) => void; onOpenProfile: (profile: string) => void}) {
  const {root, source} = props;
  const [state, dispatch] = useReducer(importFormReducer, source.kind, initialImportForm);
  const [loaded, setLoaded] = useState<{source: ImportSource; profiles: Profile[]; region: string} | undefined>(undefined);
  const [resolved, setResolved] = useResolvedRegion();
  useTypingReport(props.active, isImportTyping(state), props.onTypingChange);

  useEffect(() => {
    if (state.step !== 'loading') return undefined;
    let cancelled = false;
    (async () => {
      const ecs = await root.ecs(source.region);
      setResolved(ecs.region);
      const fetched =
        source.kind === 'revision' ? await fetchTaskDefinitionSource(ecs, source.reference) : await fetchServiceSource(ecs, source.cluster, source.service);
      const profiles = await (await root.profileStore()).list();
      return {source: fetched, profiles, region: ecs.region};
    })().then(
      (result) => {
        if (cancelled) return;
        setLoaded(result);
        const choices = containerChoices(result.source.taskDefinition);
        const names =
          source.kind === 'service'
            ? suggestNames({serviceName: result.source.serviceName ?? source.service, cluster: source.cluster})
            : suggestNames({family: familyOf(result.source.label)});
        dispatch({
          type: 'loaded',
          containers: choices.names,
          ...(choices.defaultName === undefined ? {} : {defaultContainer: choices.defaultName}),
          names,
          profiles: result.profiles.map((profile) => profile.name),
        });
      },
      (error: unknown) => !cancelled && dispatch({type: 'failed', error: loadError(error)}),
    );
    return () => {
      cancelled = true;
    };
  }, [state.step === 'loading']);

  // The plan is computed for the review (and kept while saving), at the time the review opened.
  const reviewing = state.step === 'review' || state.step === 'saving' || state.step === 'saved';
  const now = useRef<string>('');
  const plan: ImportPlan | undefined = useMemo(() => {
    if (!reviewing || loaded === undefined) return undefined;
    now.current = new Date(root.clock.now()).toISOString();
    const container = state.containers.length > 1 ? state.containers[state.container] : undefined;
    if (state.mode === 'replace') {
      const target = loaded.profiles.find((profile) => profile.name === state.profiles[state.target]);
      if (target === undefined) return undefined;
      return planContainerReplacement(target, loaded.source, {...(container === undefined ? {} : {container}), now: now.current});
    }
    return planImport(loaded.source, {names: state.names, ...(container === undefined ? {} : {container}), region: loaded.region, now: now.current});
  }, [reviewing, loaded, state.mode, state.target, state.container, state.names]);
  const exists = state.mode === 'new' && plan?.profile !== undefined && state.profiles.includes(plan.profile.name);
  // Plaintext secrets: decided (move or keep) before the review; a new plan asks again.
  const suspects = useMemo(() => (plan === undefined ? [] : plaintextSecretsOf(plan)), [plan]);
  const [decided, setDecided] = useState<{plan: ImportPlan; decisions: Map<string, SecretDecision>}>();
  const decisions = decided !== undefined && decided.plan === plan ? decided.decisions : undefined;
  const choosing = state.step === 'review' && suspects.length > 0 && decisions === undefined;
  const [secretLines, setSecretLines] = useState<string[]>([]);
  // An application environment other services use, read here with other values: the review says so before saving.
  const [shared, setShared] = useState<{plan: ImportPlan; changes: SharedEnvironmentChange[]}>();
  useEffect(() => {
    const profile = plan?.profile;
    if (plan === undefined || profile === undefined || state.step !== 'review') return undefined;
    let cancelled = false;
    root
      .profileStore()
      .then((store) => sharedEnvironmentChanges(store, [profile]))
      .then(
        (changes) => !cancelled && setShared({plan, changes}),
        () => undefined,
      );
    return () => {
      cancelled = true;
    };
  }, [plan, state.step]);
  const sharedChanges = shared !== undefined && shared.plan === plan ? shared.changes : [];

  const save = (overwrite: boolean) => {
    if (plan?.profile === undefined || loaded === undefined) return;
    dispatch({type: 'saving'});
    (async () => {
      const store = await root.profileStore();
      const label = loaded.source.label;
      // Asked again at the moment of saving: a change that breaks another service is refused, as env edit refuses it.
      for (const item of await sharedEnvironmentChanges(store, [plan.profile!]))
        if (breaking(item.impacts).length > 0)
          throw breakingError(`saving changes environment ${item.change.environment} of application ${item.change.application}: it`, item.impacts);
      if (decisions === undefined) return saveImport(store, plan, {overwrite: overwrite || state.mode === 'replace', label});
      // Secrets first (a secret per environment); IAM is only shown: the command's --apply-iam changes it.
      const moved = await applySecretDecisions(plan, decisions, {secrets: (region) => root.secrets(region), label});
      const iam = await applySecretPolicies(secretPolicies(moved.plan.profile!, moved.secrets), {apply: false});
      const profile = await saveImport(store, moved.plan, {overwrite: overwrite || state.mode === 'replace', label});
      setSecretLines([...secretReport(moved), ...iam]);
      return profile;
    })().then(
      (profile) => {
        dispatch({type: 'saved', profile: profile.name});
        props.onSaved(profile.name);
      },
      (error: unknown) => dispatch({type: 'save-failed', error: loadError(error)}),
    );
  };

  useInput(
    (input, key) => {
      if (state.step === 'saving') return;
      if (key.escape) {
        if (atFirstStep(state)) props.onBack();
        else dispatch({type: 'back'});
        return;
      }
      if (state.step === 'failed') {
        if (input === 'r') dispatch({type: 'retry'});
        return;
      }
      if (state.step === 'saved') {
        if (key.return && state.saved !== undefined) props.onOpenProfile(state.saved);
        return;
      }
      if (key.upArrow || (!isImportTyping(state) && input === 'k')) dispatch({type: 'move', delta: -1});
      else if (key.downArrow || (!isImportTyping(state) && input === 'j')) dispatch({type: 'move', delta: 1});
      else if (key.tab) dispatch({type: 'field', delta: key.shift ? -1 : 1});
      else if (state.step === 'review') {
        if (key.return && !exists) save(false);
        else if (input === 'o' && exists) save(true);
      } else if (key.return) dispatch({type: 'next'});
    },
    {isActive: props.active && !choosing},
  );

  const what =
    source.kind === 'revision' ? (loaded?.source.label ?? source.reference.replace(/^arn:[^/]*\//, '')) : `service ${source.cluster}/${source.service}`;
  return (
    <Frame
      title={`import ${what}`}
      subtitle={awsSubtitle(root, source.region ?? resolved)}
      keys={choosing ? PLAINTEXT_KEYS : keysFor(state, exists, plan)}
      capturing={isImportTyping(state)}
    >
      {choosing ? (
        <PlaintextSecrets
          suspects={suspects}
          destination={secretNameFor(plan?.profile?.name ?? '', plan?.profile?.environments[0]?.name ?? '')}
          active={props.active}
          footer={false}
          onDone={(chosen) => plan !== undefined && setDecided({plan, decisions: chosen})}
          onCancel={() => dispatch({type: 'back'})}
        />
      ) : (
        <Body
          state={state}
          plan={plan}
          exists={exists}
          what={what}
          dispatch={dispatch}
          active={props.active}
          secretLines={secretLines}
          decisions={decisions}
          sharedLines={sharedChanges.flatMap(sharedChangeLines)}
        />
      )}
    </Frame>
  );
}

function keysFor(state: ImportFormState, exists: boolean, plan: ImportPlan | undefined): KeyHint[] {
  switch (state.step) {
    case 'loading':
    case 'saving':
      return [];
    case 'failed':
      return [{keys: 'r', label: 'retry'}, BACK];
    case 'mode':
    case 'container':
    case 'target':
      return [{keys: '↑↓', label: 'choose'}, {keys: 'enter', label: 'next'}, BACK];
    case 'names':
      return [{keys: '↑↓/tab', label: 'field'}, {keys: 'enter', label: 'next'}, BACK];
    case 'review':
      if (plan?.profile === undefined) return [BACK];
      return exists ? [{keys: 'o', label: 'overwrite'}, BACK] : [{keys: 'enter', label: 'save'}, BACK];
    case 'saved':
      return [
        {keys: 'enter', label: 'open the profile'},
        {keys: 'esc', label: 'back to the browser'},
      ];
  }
}

function Choice({items, selected}: {items: React.ReactNode[]; selected: number}) {
  return (
    <Box flexDirection="column">
      {items.map((item, index) => (
        <Text key={index} color={index === selected ? 'cyan' : undefined}>
          {index === selected ? '❯ ' : '  '}
          {item}
        </Text>
      ))}
    </Box>
  );
}

function Body(props: {
  state: ImportFormState;
  plan: ImportPlan | undefined;
  exists: boolean;
  what: string;
  dispatch: React.Dispatch<Parameters<typeof importFormReducer>[1]>;
  active: boolean;
  secretLines: string[];
  decisions: ReadonlyMap<string, SecretDecision> | undefined;
  sharedLines: string[];
}) {
  const {state, plan, what, dispatch} = props;
  const message =
    state.error === undefined || state.step === 'failed' ? null : (
      <Text color="red">
        {state.error.message}
        {state.error.hint === undefined ? '' : ` — ${state.error.hint}`}
      </Text>
    );
  switch (state.step) {
    case 'loading':
      return <Spinner label={`Reading ${what}…`} />;
    case 'failed':
      return state.error === undefined ? null : <ErrorLines error={state.error} />;
    case 'mode':
      return (
        <Box flexDirection="column">
          <Text>Import {what} as:</Text>
          <Choice items={IMPORT_MODES.map((mode) => mode.label)} selected={state.modeIndex} />
          {message}
        </Box>
      );
    case 'container':
      return (
        <Box flexDirection="column">
          <Text>Which container runs the artifact (its image becomes {'${DOCKER_IMAGE_NAME}'}; the others keep their images)?</Text>
          <Choice items={state.containers} selected={state.container} />
        </Box>
      );
    case 'target':
      return (
        <Box flexDirection="column">
          <Text>Replace the container specification of which profile?</Text>
          <Choice items={state.profiles} selected={state.target} />
        </Box>
      );
    case 'names':
      return (
        <Box flexDirection="column">
          <Text>Names for the new profile (suggested from {what}):</Text>
          {NAME_FIELDS.map((field, index) => (
            <Text key={field}>
              <Text color={index === state.field ? 'cyan' : undefined}>{`${index === state.field ? '❯ ' : '  '}${LABELS[field].padEnd(14)}`}</Text>
              {index === state.field ? (
                <TextInput key={field} value={state.names[field]} focus={props.active} onChange={(value) => dispatch({type: 'edit', value})} />
              ) : (
                <Text>{state.names[field]}</Text>
              )}
            </Text>
          ))}
          {message}
        </Box>
      );
    case 'review':
    case 'saving':
    case 'saved':
      return (
        <Review
          state={state}
          plan={plan}
          exists={props.exists}
          message={message}
          secretLines={props.secretLines}
          decisions={props.decisions}
          sharedLines={props.sharedLines}
        />
      );
  }
}

function Review({
  state,
  plan,
  exists,
  message,
  secretLines,
  decisions,
  sharedLines,
}: {
  state: ImportFormState;
  plan: ImportPlan | undefined;
  exists: boolean;
  message: React.ReactNode;
  secretLines: string[];
  decisions: ReadonlyMap<string, SecretDecision> | undefined;
  sharedLines: string[];
}) {
  if (plan === undefined) return <Spinner label="Planning…" />;
  const errors = plan.issues.filter((issue) => issue.severity === 'error');
  if (plan.profile === undefined) {
    return (
      <Box flexDirection="column">
        <Text color="red">Cannot import:</Text>
        {errors.map((issue, index) => (
          <Text key={index} color="red">
            {'  '}
            {issue.path === '' ? '' : `${issue.path}: `}
            {issue.message}
          </Text>
        ))}
      </Box>
    );
  }
  const lines = importReport(plan);
  const issueStart = lines.findIndex((line) => /^(warning|info): /.test(line));
  const head = issueStart === -1 ? lines : lines.slice(0, issueStart);
  const issues = issueStart === -1 ? [] : lines.slice(issueStart);
  return (
    <Box flexDirection="column">
      <Text>
        {state.mode === 'replace'
          ? `Replaces the container specification and artifact of '${plan.profile.name}' (its environments, service specification and runs stay):`
          : `New profile '${plan.profile.name}':`}
      </Text>
      {head.map((line, index) => (
        <Text key={index} color={line === 'Replacements:' ? 'cyan' : undefined}>
          {line}
        </Text>
      ))}
      {issues.slice(0, MAX_REVIEW_ISSUES).map((line, index) => (
        <Text key={`i${index}`} color={line.startsWith('warning') ? 'yellow' : undefined} dimColor={line.startsWith('info')}>
          {line}
        </Text>
      ))}
      {issues.length > MAX_REVIEW_ISSUES ? <Text dimColor>… and {issues.length - MAX_REVIEW_ISSUES} more notes</Text> : null}
      {decisions === undefined || state.step === 'saved' ? null : <SecretDecisions decisions={decisions} />}
      {state.step === 'saved'
        ? null
        : sharedLines.map((line, index) => (
            <Text key={`s${index}`} color={line.startsWith('  ') ? 'red' : 'yellow'}>
              {line}
            </Text>
          ))}
      <Box marginTop={1}>
        {state.step === 'saving' ? (
          <Spinner label="Saving…" />
        ) : state.step === 'saved' ? (
          <Box flexDirection="column">
            <Text color="green">Saved profile '{state.saved}'.</Text>
            {secretLines.map((line, index) => (
              <Text key={index} dimColor={index > 0}>
                {line}
              </Text>
            ))}
          </Box>
        ) : exists ? (
          <Text color="yellow">A profile named '{plan.profile.name}' exists: press o to overwrite it, or esc to change the name.</Text>
        ) : (
          <Text>Press enter to save.</Text>
        )}
      </Box>
      {message}
    </Box>
  );
}

/** The wizard's words for a save that changes an application's environment other services use, and what it breaks. */
function sharedChangeLines(item: SharedEnvironmentChange): string[] {
  const {change} = item;
  return [
    `Saving changes the environment ${change.environment} (${change.fields.join(', ')}) for ${change.services.join(', ')} too: it is the application's`,
    ...breaking(item.impacts).flatMap((impact) => impact.breaks.map((issue) => `  ${impact.profile} would no longer render: ${issue.path} ${issue.message}`)),
  ];
}

/** What saving will do with the plaintext secrets. */
function SecretDecisions({decisions}: {decisions: ReadonlyMap<string, SecretDecision>}) {
  const moving = [...decisions].filter(([, decision]) => decision === 'move').map(([name]) => name);
  const keeping = [...decisions].filter(([, decision]) => decision === 'keep').map(([name]) => name);
  return (
    <Box flexDirection="column">
      {moving.length === 0 ? null : <Text color="cyan">Moves to AWS Secrets Manager on saving: {moving.join(', ')}</Text>}
      {keeping.length === 0 ? null : <Text>Kept as plain text (declared not secrets): {keeping.join(', ')}</Text>}
    </Box>
  );
}
