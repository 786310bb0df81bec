/**
 * Browse services: clusters → the services of a cluster → one service's summary (task definition, desired and
 * running counts, launch type, network configuration, service registries). Thin views over ui/browser-state.ts.
 */
import React, {useCallback, useEffect, useState} from 'react';
import {Box, useInput} from 'ink';
import {Text} from '../components/text.js';
import {clustersPage, loadService, servicesPage, summariseService, type ClusterRow, type ServiceRow, type ServiceSummary} from '../../operations/browse.js';
import {selectedItem, type ListBehaviour, type LoadError} from '../browser-state.js';
import {Frame} from '../components/frame.js';
import type {ScreenHelp} from '../components/help-overlay.js';
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
const FILTER: KeyHint = {keys: '/', label: 'filter'};

const byName: ListBehaviour<ClusterRow | ServiceRow> = {match: (row, query) => row.name.toLowerCase().includes(query), key: (row) => row.arn};

export const clustersHelp: ScreenHelp = {
  title: 'Clusters',
  text: [
    "The ECS clusters of this region (ListClusters), read a page at a time. Enter lists a cluster's services.",
    'R switches region; the header shows the region and AWS profile in use.',
  ],
  keys: [NAVIGATE, {keys: 'enter', label: 'services'}, FILTER, {keys: 'R', label: 'region'}, RETRY, BACK],
};

export function BrowseClusters(props: BrowserProps & {onOpen: (cluster: string, region: string | undefined) => void}) {
  const {root} = props;
  const rows = useTerminalRows();
  const [region, setRegion] = useState<string | undefined>(undefined);
  const [resolved, setResolved] = useResolvedRegion();
  const [picking, setPicking] = useState(false);
  const fetchPage = useCallback(
    async (nextToken: string | undefined) => {
      const ecs = await root.ecs(region);
      setResolved(ecs.region);
      return clustersPage(ecs, nextToken);
    },
    [root, region],
  );
  const [state, dispatch] = usePagedList<ClusterRow>(byName, fetchPage, listHeight(rows, 10));
  useTypingReport(props.active, state.filtering || picking, props.onTypingChange);
  const current = selectedItem(state);

  useInput(
    (input, key) => {
      if (key.return) {
        if (state.filtering) dispatch({type: 'filter-stop'});
        if (current !== undefined) props.onOpen(current.name, region);
        return;
      }
      if (handleListKey(state, dispatch, input, key) || state.filtering) return;
      if (key.escape) props.onBack();
      else if (input === 'r' && state.error !== undefined) dispatch({type: 'retry'});
      else if (input === 'R') setPicking(true);
    },
    {isActive: props.active && !picking},
  );

  const keys: KeyHint[] = picking
    ? REGION_PICKER_KEYS
    : state.filtering
      ? FILTER_KEYS
      : [NAVIGATE, {keys: 'enter', label: 'services'}, FILTER, {keys: 'R', label: 'region'}, ...(state.error === undefined ? [] : [RETRY]), BACK];
  return (
    <Frame title="clusters" subtitle={awsSubtitle(root, region ?? resolved)} keys={keys} capturing={state.filtering || picking}>
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
          <Text dimColor>Clusters</Text>
          <ListView
            state={state}
            dispatch={dispatch}
            active={props.active}
            noun="clusters"
            loadingLabel="Loading clusters…"
            emptyText="No clusters in this region. Press R to switch region."
            renderRow={(row) => row.name}
          />
        </>
      )}
    </Frame>
  );
}

export const servicesHelp: ScreenHelp = {
  title: 'Services',
  text: [
    'The services of one cluster (ListServices), read a page at a time. Enter shows a service; i imports it — its service specification, task definition and environment — into a new profile.',
  ],
  keys: [NAVIGATE, {keys: 'enter', label: 'summary'}, FILTER, {keys: 'i', label: 'import'}, RETRY, BACK],
};

export function BrowseServices(
  props: BrowserProps & {cluster: string; region?: string; onOpen: (service: string) => void; onImport: (service: string) => void},
) {
  const {root, cluster, region} = props;
  const rows = useTerminalRows();
  const [resolved, setResolved] = useResolvedRegion();
  const fetchPage = useCallback(
    async (nextToken: string | undefined) => {
      const ecs = await root.ecs(region);
      setResolved(ecs.region);
      return servicesPage(ecs, cluster, nextToken);
    },
    [root, region, cluster],
  );
  const [state, dispatch] = usePagedList<ServiceRow>(byName, fetchPage, listHeight(rows, 10));
  useTypingReport(props.active, state.filtering, props.onTypingChange);
  const current = selectedItem(state);

  useInput(
    (input, key) => {
      if (key.return) {
        if (state.filtering) dispatch({type: 'filter-stop'});
        if (current !== undefined) props.onOpen(current.name);
        return;
      }
      if (handleListKey(state, dispatch, input, key) || state.filtering) return;
      if (key.escape) props.onBack();
      else if (input === 'r' && state.error !== undefined) dispatch({type: 'retry'});
      else if (input === 'i' && current !== undefined) props.onImport(current.name);
    },
    {isActive: props.active},
  );

  const keys: KeyHint[] = state.filtering
    ? FILTER_KEYS
    : [NAVIGATE, {keys: 'enter', label: 'summary'}, FILTER, {keys: 'i', label: 'import'}, ...(state.error === undefined ? [] : [RETRY]), BACK];
  return (
    <Frame title={`services in ${cluster}`} subtitle={awsSubtitle(root, region ?? resolved)} keys={keys} capturing={state.filtering}>
      <Text dimColor>Services of cluster {cluster}</Text>
      <ListView
        state={state}
        dispatch={dispatch}
        active={props.active}
        noun="services"
        loadingLabel={`Loading the services of ${cluster}…`}
        emptyText="No services in this cluster."
        renderRow={(row) => row.name}
      />
    </Frame>
  );
}

export const serviceHelp: ScreenHelp = {
  title: 'Service',
  text: [
    'One service as DescribeServices shows it: the task definition it runs, desired and running tasks, launch type, network configuration and service registries.',
    'i imports it into a new profile, as ecspresso init does: the service specification (read-only fields left out), its task definition and the environment (region, cluster, launch type, subnets, security groups, public IP, execution role). Deployed with the current tag, the profile changes nothing.',
  ],
  keys: [{keys: 'i', label: 'import'}, {keys: 't', label: 'task definition'}, RETRY, BACK],
};

type Loaded = {status: 'loading'} | {status: 'failed'; error: LoadError} | {status: 'missing'} | {status: 'loaded'; summary: ServiceSummary};

function Field({label, children}: {label: string; children: React.ReactNode}) {
  return (
    <Text wrap="truncate-end">
      <Text dimColor>{label.padEnd(16)}</Text>
      {children}
    </Text>
  );
}

export function BrowseService(
  props: BrowserProps & {cluster: string; service: string; region?: string; onImport: () => void; onTaskDefinition: (reference: string) => void},
) {
  const {root, cluster, service, region} = props;
  const [resolved, setResolved] = useResolvedRegion();
  const [loaded, setLoaded] = useState<Loaded>({status: 'loading'});
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let cancelled = false;
    setLoaded({status: 'loading'});
    (async () => {
      const ecs = await root.ecs(region);
      setResolved(ecs.region);
      return loadService(ecs, cluster, service);
    })().then(
      (state) => !cancelled && setLoaded(state === undefined ? {status: 'missing'} : {status: 'loaded', summary: summariseService(state)}),
      (error: unknown) => !cancelled && setLoaded({status: 'failed', error: loadError(error)}),
    );
    return () => {
      cancelled = true;
    };
  }, [root, region, cluster, service, attempt]);

  useInput(
    (input, key) => {
      if (key.escape) props.onBack();
      else if (input === 'r' && loaded.status === 'failed') setAttempt((n) => n + 1);
      else if (input === 'i' && loaded.status === 'loaded') props.onImport();
      else if (input === 't' && loaded.status === 'loaded') props.onTaskDefinition(loaded.summary.taskDefinition);
    },
    {isActive: props.active},
  );

  const summary = loaded.status === 'loaded' ? loaded.summary : undefined;
  const keys: KeyHint[] =
    summary !== undefined ? [{keys: 'i', label: 'import'}, {keys: 't', label: 'task definition'}, BACK] : loaded.status === 'failed' ? [RETRY, BACK] : [BACK];
  const lines = summary;
  return (
    <Frame title={`service ${cluster}/${service}`} subtitle={awsSubtitle(root, region ?? resolved)} keys={keys}>
      {loaded.status === 'loading' ? <Spinner label={`Describing ${service}…`} /> : null}
      {loaded.status === 'failed' ? <ErrorLines error={loaded.error} /> : null}
      {loaded.status === 'missing' ? (
        <Text color="red">
          There is no service {service} in {cluster} (any more).
        </Text>
      ) : null}
      {lines === undefined ? null : (
        <Box flexDirection="column">
          <Field label="Status">{lines.status}</Field>
          <Field label="Task definition">{lines.taskDefinition}</Field>
          <Field label="Tasks">
            {lines.desiredCount} desired · {lines.runningCount} running · {lines.pendingCount} pending
          </Field>
          <Field label="Launch type">
            {lines.launchType} · {lines.schedulingStrategy}
          </Field>
          <Field label="Network">
            {lines.network === undefined
              ? 'no awsvpc configuration'
              : `subnets ${lines.network.subnets.join(', ') || '-'} · security groups ${lines.network.securityGroups.join(', ') || '-'} · public IP ${lines.network.assignPublicIp}`}
          </Field>
          <Field label="Registries">{lines.registries.length === 0 ? 'none' : lines.registries.join('; ')}</Field>
          {lines.loadBalancers.length === 0 ? null : <Field label="Load balancers">{lines.loadBalancers.join('; ')}</Field>}
          {lines.deployments.map((deployment, index) => (
            <Field key={index} label={index === 0 ? 'Deployments' : ''}>
              {deployment}
            </Field>
          ))}
        </Box>
      )}
    </Frame>
  );
}
