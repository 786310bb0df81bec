/**
 * `ecs-wizard import --from-copilot`: a Copilot workspace → one profile per service. The manifests are the
 * domain's to map (domain/import/copilot/); this module asks AWS what Copilot deployed — each environment's stack
 * `<app>-<env>` (cluster, subnets, security group, account) and each service's live ECS service, read as the
 * adoption import reads one (fetchServiceSource, planImport) — diffs each profile against what runs, and saves.
 */
import {separateEnvironmentVariants, type SeparatedEnvironment} from '../domain/import/copilot/environment-variants.js';
import type {CopilotAwsState, CopilotEnvironmentState, CopilotLiveService, CopilotMigration} from '../domain/import/copilot/build.js';
import type {CopilotWorkspace} from '../domain/import/copilot/build.js';
import {formatValue} from '../domain/diff-render.js';
import {MASK, redactChange, type Change} from '../domain/diff.js';
import {isJsonObject, type JsonObject} from '../domain/json.js';
import type {Profile} from '../domain/model.js';
import {validateProfile} from '../domain/profile-schema/profile.js';
import {InputError} from '../errors.js';
import type {EcsPort, EcsServiceState} from '../ports/ecs.js';
import type {LoadBalancingPort} from '../ports/load-balancing.js';
import {readTargetGroups} from './import-copilot-elb.js';
import type {ProfileStore} from '../ports/profile-store.js';
import type {CloudFormationPort} from '../ports/provisioners.js';
import {fetchServiceSource, planImport} from './import.js';
import {planDeploy} from './deploy/plan.js';

export interface CopilotAwsPorts {
  cloudFormation(region: string): Promise<CloudFormationPort>;
  ecs(region: string): Promise<EcsPort>;
  /** Elastic Load Balancing: the health check and listener rules of each service's target group (compared with the manifest). */
  loadBalancing?(region: string): Promise<LoadBalancingPort>;
}

export interface LearnedFromAws {
  state: CopilotAwsState;
  /** What could not be learned, one line each. */
  gaps: string[];
  /** What was read, one line each. */
  read: string[];
}

/** The account id of an ARN (`arn:aws:ecs:us-east-1:123456789012:service/…`). */
const accountFromArn = (arn: string): string | undefined => {
  const account = arn.split(':')[4];
  return account !== undefined && /^\d{12}$/.test(account) ? account : undefined;
};

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';

const list = (value: string | string[] | undefined): string[] | undefined => {
  if (value === undefined) return undefined;
  const items = (Array.isArray(value) ? value : value.split(',')).map((item) => item.trim()).filter((item) => item !== '');
  return items;
};

const one = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

/** The tags of a DescribeServices entry, as a map. */
function tagsOf(raw: JsonObject): Record<string, string> {
  const tags = Array.isArray(raw['tags']) ? raw['tags'] : [];
  const map: Record<string, string> = {};
  for (const tag of tags) {
    if (isJsonObject(tag) && typeof tag['key'] === 'string' && typeof tag['value'] === 'string') map[tag['key']] = tag['value'];
  }
  return map;
}

/** Every ACTIVE service of a cluster (every page, described ten at a time). */
async function clusterServices(ecs: EcsPort, cluster: string): Promise<EcsServiceState[]> {
  const arns: string[] = [];
  let token: string | undefined;
  do {
    const page = await ecs.listServices(cluster, token);
    arns.push(...page.items);
    token = page.nextToken;
  } while (token !== undefined);
  const states: EcsServiceState[] = [];
  for (let index = 0; index < arns.length; index += 10) states.push(...(await ecs.describeServices(cluster, arns.slice(index, index + 10))));
  return states.filter((state) => state.status === 'ACTIVE');
}

/** The live service of a Copilot service: by Copilot's tags, else by the name CloudFormation gives it (`<app>-<env>-<svc>-Service-…`). */
function findService(states: readonly EcsServiceState[], app: string, environment: string, service: string): EcsServiceState | undefined {
  const tagged = states.find((state) => {
    const tags = tagsOf(state.raw);
    return tags['copilot-application'] === app && tags['copilot-environment'] === environment && tags['copilot-service'] === service;
  });
  return tagged ?? states.find((state) => state.serviceName.startsWith(`${app}-${environment}-${service}-Service`));
}

/** The artifact container of a Copilot task definition: the one named after the service, else the first. */
function liveService(
  state: EcsServiceState,
  task: JsonObject | undefined,
  environment: CopilotLiveService['network'],
  region: string,
  service: string,
  cluster: string,
): CopilotLiveService {
  const containers = Array.isArray(task?.['containerDefinitions']) ? task['containerDefinitions'].filter(isJsonObject) : [];
  const container = containers.find((item) => item['name'] === service) ?? containers[0];
  const pairs = (key: string, value: string): Record<string, string> => {
    const entries = Array.isArray(container?.[key]) ? (container[key] as unknown[]).filter(isJsonObject) : [];
    return Object.fromEntries(
      entries.flatMap((item) => (typeof item['name'] === 'string' && typeof item[value] === 'string' ? [[item['name'], item[value]]] : [])),
    );
  };
  const accountId = accountFromArn(state.serviceArn);
  const loadBalancers = Array.isArray(state.raw['loadBalancers']) ? state.raw['loadBalancers'].filter(isJsonObject) : [];
  const deployments = Array.isArray(state.raw['deployments']) ? state.raw['deployments'].filter(isJsonObject) : [];
  const connect = deployments.find((deployment) => deployment['status'] === 'PRIMARY')?.['serviceConnectConfiguration'];
  return {
    ...(loadBalancers.length === 0 ? {} : {loadBalancers}),
    ...(isJsonObject(connect) ? {serviceConnect: connect} : {}),
    serviceName: state.serviceName,
    cluster,
    region,
    ...(environment === undefined ? {} : {network: environment}),
    ...(typeof task?.['executionRoleArn'] === 'string' ? {executionRoleArn: task['executionRoleArn']} : {}),
    ...(typeof task?.['taskRoleArn'] === 'string' ? {taskRoleArn: task['taskRoleArn']} : {}),
    ...(typeof container?.['image'] === 'string' ? {image: container['image']} : {}),
    environment: pairs('environment', 'value'),
    secrets: pairs('secrets', 'valueFrom'),
    ...(accountId === undefined ? {} : {accountId}),
  };
}

/**
 * What Copilot deployed: each environment's stack outputs, then each service's live service in that cluster. A
 * failure (no credentials, no stack, access denied) is a gap, named, and the migration goes on without it.
 */
export async function learnFromAws(
  workspace: CopilotWorkspace,
  ports: CopilotAwsPorts,
  defaultRegion: string,
  now: string,
  /** Where each environment is (`--env-region ENV=REGION`); the others are looked for in the default region. */
  environmentRegions: Readonly<Record<string, string>> = {},
): Promise<LearnedFromAws> {
  const app = workspace.application;
  const state: CopilotAwsState = {environments: {}, services: {}};
  const gaps: string[] = [];
  const read: string[] = [];
  const names = [
    ...new Set([...workspace.environments.map((item) => item.name), ...workspace.services.flatMap((item) => item.environments.map((env) => env.name))]),
  ];
  for (const environment of names) {
    const stackName = `${app}-${environment}`;
    const region = environmentRegions[environment] ?? defaultRegion;
    let outputs;
    try {
      outputs = await (await ports.cloudFormation(region)).stackOutputs(stackName);
    } catch (error) {
      gaps.push(`${environment}: the stack ${stackName} could not be read (${message(error)})`);
      continue;
    }
    if (outputs === undefined) {
      gaps.push(
        environmentRegions[environment] === undefined
          ? `${environment}: the stack ${stackName} is not found in ${region}; pass --env-region ${environment}=REGION if the environment is in another region`
          : `${environment}: no stack ${stackName} in ${region} (--env-region)`,
      );
      continue;
    }
    const accountId = accountFromArn(one(outputs['EnvironmentManagerRoleARN']) ?? '');
    const env: CopilotEnvironmentState = {stack: stackName, region};
    const cluster = one(outputs['ClusterId']);
    if (cluster !== undefined) env.cluster = cluster;
    const publicSubnets = list(outputs['PublicSubnets']);
    if (publicSubnets !== undefined) env.publicSubnets = publicSubnets;
    const privateSubnets = list(outputs['PrivateSubnets']);
    if (privateSubnets !== undefined) env.privateSubnets = privateSubnets;
    const group = list(outputs['EnvironmentSecurityGroup']);
    if (group !== undefined) env.securityGroups = group;
    if (accountId !== undefined) env.accountId = accountId;
    const publicDns = one(outputs['PublicLoadBalancerDNSName']);
    if (publicDns !== undefined) env.publicLoadBalancerDns = publicDns;
    const internalDns = one(outputs['InternalLoadBalancerDNSName']);
    if (internalDns !== undefined) env.internalLoadBalancerDns = internalDns;
    const listeners = ['HTTPListenerArn', 'HTTPSListenerArn', 'InternalHTTPListenerArn', 'InternalHTTPSListenerArn'].flatMap((key) => list(outputs[key]) ?? []);
    if (listeners.length > 0) env.listenerArns = listeners;
    state.environments[environment] = env;
    read.push(`${environment}: stack ${stackName} (cluster ${cluster ?? '-'}, ${Object.keys(outputs).length} outputs)`);
    if (cluster === undefined) {
      gaps.push(`${environment}: the stack ${stackName} has no ClusterId output`);
      continue;
    }
    let states: EcsServiceState[];
    let ecs: EcsPort;
    try {
      ecs = await ports.ecs(region);
      states = await clusterServices(ecs, cluster);
    } catch (error) {
      gaps.push(`${environment}: the services of cluster ${cluster} could not be read (${message(error)})`);
      continue;
    }
    for (const manifest of workspace.services) {
      const found = findService(states, app, environment, manifest.name);
      if (found === undefined) {
        if (['Load Balanced Web Service', 'Backend Service', 'Worker Service'].includes(manifest.type))
          gaps.push(`${manifest.name} in ${environment}: no live service in cluster ${cluster}`);
        continue;
      }
      try {
        // The live service, read and imported as `ecs-wizard import --cluster --service` does.
        const source = await fetchServiceSource(ecs, cluster, found.serviceName);
        const adopted = planImport(source, {
          names: {profile: 'copilot', application: app, service: manifest.name, environment},
          region,
          now,
        });
        const network = adopted.profile?.environments[0]?.network;
        const live = liveService(found, source.taskDefinition, network, region, manifest.name, cluster);
        if (live.loadBalancers !== undefined && ports.loadBalancing !== undefined) {
          // What ELB says of the target groups (health check, the rules' paths): compared with the manifest, never written.
          // A failure here loses only the comparison, never the live service.
          const elb = await ports
            .loadBalancing(region)
            .then((port) => readTargetGroups(port, live.loadBalancers!, env.listenerArns ?? []))
            .catch((error: unknown) => ({groups: {}, gaps: [`Elastic Load Balancing could not be read (${message(error)})`]}));
          if (Object.keys(elb.groups).length > 0) live.targetGroups = elb.groups;
          gaps.push(...elb.gaps.map((gap) => `${manifest.name} in ${environment}: ${gap}`));
        }
        (state.services[manifest.name] ??= {})[environment] = live;
        read.push(
          `${manifest.name} in ${environment}: service ${found.serviceName} (${source.label.replace(/^service /, '')}, ${String(source.taskDefinition?.['family'] ?? '')}:${String(source.taskDefinition?.['revision'] ?? '')})`,
        );
      } catch (error) {
        gaps.push(`${manifest.name} in ${environment}: service ${found.serviceName} could not be read (${message(error)})`);
      }
    }
  }
  return {state, gaps, read};
}

// ---------------------------------------------------------------------------------------------------
// What runs, against what the profile renders
// ---------------------------------------------------------------------------------------------------

export interface LiveComparison {
  service: string;
  environment: string;
  /** same: `diff` shows no change; different: the lines; failed: the plan could not be made. */
  outcome: 'same' | 'different' | 'failed';
  /** The tag compared (the one that runs). */
  tag?: string;
  lines: string[];
}

const changeLine = (document: string, change: Change): string => {
  const shown = redactChange(change);
  const before = shown.sensitive === true && shown.before !== undefined ? MASK : formatValue(shown.before);
  const after = shown.sensitive === true && shown.after !== undefined ? MASK : formatValue(shown.after);
  if (change.kind === 'added') return `${document} ${change.path}: + ${after}`;
  if (change.kind === 'removed') return `${document} ${change.path}: - ${before}`;
  return `${document} ${change.path}: ${before} → ${after}`;
};

/** For every service and environment that runs: the plan `ecs-wizard diff` makes, with the tag that runs. */
export async function compareWithLive(migration: CopilotMigration, aws: CopilotAwsState, ecs: (region: string) => Promise<EcsPort>): Promise<LiveComparison[]> {
  const comparisons: LiveComparison[] = [];
  for (const plan of migration.services) {
    const profile = plan.profile;
    if (profile === undefined) continue;
    for (const environment of profile.environments) {
      if (aws.services[plan.name]?.[environment.name] === undefined) continue;
      const tag = plan.runningTags[environment.name];
      const base = {service: plan.name, environment: environment.name, ...(tag === undefined ? {} : {tag})};
      try {
        const deploy = await planDeploy({ecs: await ecs(environment.region)}, {profile, environment, ...(tag === undefined ? {} : {tag}), overrides: {}});
        if (deploy.action === 'none') comparisons.push({...base, outcome: 'same', lines: []});
        else {
          const lines = [
            ...deploy.diff.taskDefinition.changes.map((change) => changeLine('task definition', change)),
            ...deploy.diff.service.changes.map((change) => changeLine('service', change)),
          ];
          if (deploy.action === 'create') lines.unshift(`no service ${deploy.serviceName} in ${deploy.cluster}: a deploy would create one`);
          if (lines.length === 0) lines.push(`a deploy would register a new revision of ${deploy.family}`);
          comparisons.push({...base, outcome: 'different', lines});
        }
      } catch (error) {
        const text = error instanceof Error ? error.message : String(error);
        comparisons.push({
          ...base,
          outcome: 'failed',
          lines: text
            .split('\n')
            .map((line) => line.trim())
            .filter((line) => line !== ''),
        });
      }
    }
  }
  return comparisons;
}

// ---------------------------------------------------------------------------------------------------
// Saving
// ---------------------------------------------------------------------------------------------------

/** The profiles the migration would replace (saved before, under the same names). */
export async function existingProfiles(store: ProfileStore, migration: CopilotMigration): Promise<Profile[]> {
  const found: Profile[] = [];
  for (const plan of migration.services) {
    if (plan.profile === undefined) continue;
    const existing = await store.get(plan.profile.name);
    if (existing !== undefined) found.push(existing);
  }
  return found;
}

/** Other profiles of the same application that the workspace no longer has a service for (left as they are). */
export async function otherProfilesOfApplication(store: ProfileStore, migration: CopilotMigration): Promise<string[]> {
  const names = new Set(migration.services.flatMap((plan) => (plan.profile === undefined ? [] : [plan.profile.name])));
  return (await store.summaries())
    .filter((summary) => summary.application === migration.application && !names.has(summary.name))
    .map((summary) => summary.name);
}

/** The profiles the migration saves, as it saves them (environments of one name that differ kept apart). */
export function migrationProfiles(migration: CopilotMigration): Profile[] {
  return separateEnvironmentVariants(migration.services.flatMap((plan) => (plan.profile === undefined ? [] : [plan.profile]))).profiles;
}

/**
 * Saves every profile of the migration. A profile saved before keeps its history (runs) and creation time; it is
 * replaced only with `overwrite` (the caller asked, or --force).
 */
export async function saveMigration(
  store: ProfileStore,
  migration: CopilotMigration,
  options: {overwrite: boolean},
): Promise<{created: string[]; replaced: string[]; separated: SeparatedEnvironment[]}> {
  const created: string[] = [];
  const replaced: string[] = [];
  const {profiles, separated} = separateEnvironmentVariants(migration.services.flatMap((plan) => (plan.profile === undefined ? [] : [plan.profile])));
  // All or nothing: every profile is checked as the store checks it before the first one is saved.
  const refused = migration.services.flatMap((plan) =>
    plan.profile === undefined
      ? []
      : validateProfile(plan.profile)
          .issues.filter((issue) => issue.severity === 'error')
          .map((issue) => `  ${plan.profile!.name}: ${issue.path}: ${issue.message}`),
  );
  if (refused.length > 0) throw new InputError(`the profiles cannot be saved:\n${refused.join('\n')}`, 'nothing was saved');
  for (const profile of profiles) {
    const existing = await store.get(profile.name);
    if (existing !== undefined && !options.overwrite) throw new InputError(`a profile named '${profile.name}' exists`, 'pass --force to replace it');
    const saved: Profile = existing === undefined ? profile : {...profile, runs: existing.runs, createdAt: existing.createdAt};
    await store.save(saved, {overwrite: existing !== undefined});
    (existing === undefined ? created : replaced).push(profile.name);
  }
  return {created, replaced, separated};
}
