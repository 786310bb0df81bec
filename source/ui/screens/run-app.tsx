/**
 * Home → "Deploy a whole application": application → environment → AWS or the simulator → the whole-application
 * screen (app-deploy.tsx): one plan, one question (y / n), the table. An application is the saved profiles with the
 * same application name (operations/deploy/app-services.ts); Esc goes back a step (and, once finished, home).
 */
import React, {useMemo, useState} from 'react';
import {Box, useInput} from 'ink';
import {DEFAULT_NO_PROGRESS_TIMEOUT_MS, DEFAULT_TIMEOUT_MS} from '../../operations/deploy/defaults.js';
import {appCommand, homeAppDeploy, parseAppSimulation} from '../../operations/deploy/app-setup.js';
import type {DeployControl} from '../../operations/deploy/control.js';
import type {CompositionRoot} from '../../ports/root.js';
import {SelectInput} from '../components/select-input.js';
import {Text} from '../components/text.js';
import {Frame} from '../components/frame.js';
import {BACK, NAVIGATE, SELECT} from '../keys.js';
import type {ProfilesState} from '../use-profiles.js';
import {AppDeployScreen} from './app-deploy.js';

/** The applications of the saved profiles: name → environment → the services deploying there. */
export function applicationsOf(profiles: ProfilesState['profiles']): Map<string, Map<string, string[]>> {
  const apps = new Map<string, Map<string, string[]>>();
  for (const profile of profiles ?? []) {
    const environments = apps.get(profile.application) ?? new Map<string, string[]>();
    for (const environment of profile.environments) environments.set(environment.name, [...(environments.get(environment.name) ?? []), profile.service.name]);
    apps.set(profile.application, environments);
  }
  return new Map([...apps].sort(([a], [b]) => a.localeCompare(b)));
}

export function RunApp(props: {
  root: CompositionRoot;
  profiles: ProfilesState;
  active: boolean;
  color: boolean;
  onBack: () => void;
  onDeployingChange: (deploying: boolean) => void;
}) {
  const {root, profiles} = props;
  const apps = useMemo(() => applicationsOf(profiles.profiles), [profiles.profiles]);
  const [application, setApplication] = useState<string | undefined>();
  const [environment, setEnvironment] = useState<string | undefined>();
  const [target, setTarget] = useState<string | undefined>();
  const [finished, setFinished] = useState(false);
  const [run, setRun] = useState<{controller: AbortController; controls: Map<string, DeployControl>} | undefined>();

  useInput(
    (_input, key) => {
      if (!key.escape || (run !== undefined && !finished)) return;
      if (finished) {
        props.onDeployingChange(false);
        props.onBack();
      } else if (target !== undefined) setTarget(undefined);
      else if (environment !== undefined) setEnvironment(undefined);
      else if (application !== undefined) setApplication(undefined);
      else props.onBack();
    },
    {isActive: props.active},
  );

  if (application !== undefined && environment !== undefined && target !== undefined && run !== undefined) {
    const simulation = target === 'aws' ? undefined : parseAppSimulation(target, 1);
    return (
      <AppDeployScreen
        clock={root.clock}
        title={`deploy application ${application} → ${environment}${simulation === undefined ? '' : ' (simulated)'}`}
        detach={() => run.controller.abort()}
        controls={run.controls}
        confirm
        color={props.color}
        {...(simulation === undefined ? {} : {simulation: {scenario: target, speed: 1}})}
        watchCommand={appCommand('watch', application, environment, simulation === undefined ? '' : `--simulate=${target}`)}
        resumeCommand={(flags) => appCommand('deploy', application, environment, flags)}
        start={(hooks) =>
          homeAppDeploy(
            {root, clock: root.clock},
            {
              application,
              environment,
              ...(simulation === undefined ? {} : {simulation}),
              parallel: 3,
              timeoutMs: DEFAULT_TIMEOUT_MS,
              noProgressTimeoutMs: DEFAULT_NO_PROGRESS_TIMEOUT_MS,
            },
            {signal: run.controller.signal, controls: run.controls, ...hooks},
          )
        }
        active={props.active}
        finishedKeys={[{keys: 'esc', label: 'back to the home screen'}]}
        onFinished={() => {
          setFinished(true);
          profiles.reload();
        }}
      />
    );
  }

  let body: React.ReactNode;
  if (application === undefined) {
    body =
      apps.size === 0 ? (
        <Text dimColor>No saved profiles yet: an application is the profiles that share an application name.</Text>
      ) : (
        <Box flexDirection="column">
          <Text bold>Which application?</Text>
          <SelectInput
            items={[...apps].map(([name, environments]) => ({
              key: name,
              label: `${name}  (${new Set([...environments.values()].flat()).size} services; ${[...environments.keys()].join(', ')})`,
              value: name,
            }))}
            isFocused={props.active}
            onSelect={(item) => setApplication(item.value)}
          />
        </Box>
      );
  } else if (environment === undefined) {
    body = (
      <Box flexDirection="column">
        <Text bold>Which environment of {application}?</Text>
        <SelectInput
          items={[...(apps.get(application) ?? new Map<string, string[]>())].map(([name, services]) => ({
            key: name,
            label: `${name}  (${services.join(', ')})`,
            value: name,
          }))}
          isFocused={props.active}
          onSelect={(item) => setEnvironment(item.value)}
        />
      </Box>
    );
  } else {
    body = (
      <Box flexDirection="column">
        <Text bold>Deploy to AWS, or simulate it?</Text>
        <SelectInput
          items={[
            {key: 'aws', label: 'AWS (your credentials)', value: 'aws'},
            {key: 'success', label: 'Simulator: every service succeeds', value: 'success'},
            {key: 'crash-loop', label: 'Simulator: every service crash-loops (rolled back)', value: 'crash-loop'},
          ]}
          isFocused={props.active}
          onSelect={(item) => {
            setTarget(item.value);
            setRun({controller: new AbortController(), controls: new Map()});
            props.onDeployingChange(true);
          }}
        />
      </Box>
    );
  }
  return (
    <Frame title="deploy a whole application" keys={[NAVIGATE, SELECT, BACK]}>
      {body}
    </Frame>
  );
}
