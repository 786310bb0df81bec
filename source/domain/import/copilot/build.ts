/**
 * A Copilot workspace → one profile per service (application = the workspace's, its environments inside each
 * profile), the way Copilot's own CloudFormation templates (copilot-cli internal/pkg/template/templates/workloads)
 * render a service: family `<app>-<env>-<svc>`, one container named after the service, Fargate and awsvpc, the
 * awslogs group `/copilot/<app>-<env>-<svc>`, the COPILOT_* variables Copilot injects, the secrets as valueFrom.
 * A value that differs between environments becomes a config variable with per-environment overrides.
 *
 * What AWS says (the environment stacks' outputs, each service's live ECS service) completes it when given;
 * without it, every value that could not be learned is said so in a note.
 */
import type {JsonObject, JsonValue} from '../../json.js';
import type {ArtifactSource, AwsVpcNetwork, Environment, Profile, Service} from '../../model.js';
import {parseImageReference} from '../../image.js';
import {stringifyJsonText} from '../../json-text.js';
import {CONTAINER_NAME, DOCKER_IMAGE_NAME, EXECUTION_ROLE, escapePlaceholders, serviceVariable} from '../../placeholders.js';
import type {CopilotNote, ServiceManifest, ServiceSettings} from './manifest.js';
import type {EnvironmentManifest} from './manifest.js';
import {interpolate, PerEnvironment, secretValueFrom} from './per-environment.js';
import {profileAutoScaling} from './scaling.js';
import {enabledHttp, serviceWiring, type TargetGroupState} from './wiring.js';

/** A workspace as read: its application, environment manifests and service manifests. */
export interface CopilotWorkspace {
  application: string;
  environments: EnvironmentManifest[];
  services: ServiceManifest[];
}

/** What an environment's stack (`<app>-<env>`) says. */
export interface CopilotEnvironmentState {
  stack: string;
  region: string;
  cluster?: string;
  publicSubnets?: string[];
  privateSubnets?: string[];
  securityGroups?: string[];
  accountId?: string;
  publicLoadBalancerDns?: string;
  internalLoadBalancerDns?: string;
  /** The listeners of the environment's load balancers (HTTPListenerArn, HTTPSListenerArn, Internal…): their rules say each service's path. */
  listenerArns?: string[];
}

/** A service's live ECS service in one environment, as the adoption import read it. */
export interface CopilotLiveService {
  serviceName: string;
  cluster: string;
  region: string;
  network?: AwsVpcNetwork;
  executionRoleArn?: string;
  taskRoleArn?: string;
  /** The artifact container's image as it runs. */
  image?: string;
  /** The artifact container's environment and secrets (name → value / valueFrom). */
  environment: Record<string, string>;
  secrets: Record<string, string>;
  accountId?: string;
  /** The service's loadBalancers entries, its Service Connect configuration and what ELB says of its target groups. */
  loadBalancers?: JsonObject[];
  serviceConnect?: JsonObject;
  targetGroups?: Record<string, TargetGroupState>;
}

export interface CopilotAwsState {
  environments: Record<string, CopilotEnvironmentState>;
  /** service → environment → live service. */
  services: Record<string, Record<string, CopilotLiveService>>;
}

export interface CopilotServicePlan {
  name: string;
  type: string;
  file: string;
  /** One line: what the service becomes. */
  becomes: string;
  profile?: Profile;
  /** The tag each environment runs (from AWS), for the diff. */
  runningTags: Record<string, string>;
  notes: CopilotNote[];
}

export interface CopilotMigration {
  application: string;
  environments: string[];
  /** What each environment manifest says of its network (an imported VPC names its subnets). */
  networks: Array<{name: string; file: string; vpcId?: string; publicSubnets: string[]; privateSubnets: string[]}>;
  services: CopilotServicePlan[];
  /** Notes of the environment manifests and of the workspace. */
  notes: CopilotNote[];
}

const SERVICE_TYPES = ['Load Balanced Web Service', 'Backend Service', 'Worker Service'];
const NOT_SERVICES: Record<string, string> = {
  'Scheduled Job':
    'a Scheduled Job is a task started on a schedule (an EventBridge rule and a Step Functions state machine), not an ECS service: no profile. Keep its stack, or run its task definition from an EventBridge Scheduler schedule',
  'Request-Driven Web Service':
    'a Request-Driven Web Service runs on AWS App Runner, not on ECS: no profile. Keep it on App Runner, or make it a Load Balanced Web Service first',
  'Static Site': 'a Static Site is S3 and CloudFront, not ECS: no profile',
};

/** Copilot's defaults for a Fargate service (manifest/svc.go): 0.25 vCPU, 512 MiB, one task. */
const DEFAULTS = {cpu: 256, memory: 512, count: 1};

/** The settings of one environment: the base, then the environment's values (maps merged key by key). */
function settingsIn(manifest: ServiceManifest, environment: string): ServiceSettings {
  const override = manifest.environments.find((candidate) => candidate.name === environment)?.settings;
  if (override === undefined) return manifest.base;
  const merged: ServiceSettings = {...manifest.base};
  for (const [key, value] of Object.entries(override) as Array<[keyof ServiceSettings, unknown]>) {
    if (key === 'variables' || key === 'secrets' || key === 'cfnVariables') continue;
    if (value !== undefined) (merged as unknown as Record<string, unknown>)[key] = value;
  }
  // A plain `count: N` under the environment replaces the base's range (Copilot's Count is a number or a map).
  if (override.count !== undefined && override.scaling === undefined) delete merged.scaling;
  // http is merged field by field (Copilot's override of a map); `http: false` turns it off.
  const baseHttp = manifest.base.http?.value;
  if (override.http !== undefined && override.http.value !== false && baseHttp !== undefined && baseHttp !== false)
    merged.http = {value: {...baseHttp, ...override.http.value, keys: [...new Set([...baseHttp.keys, ...override.http.value.keys])]}, at: override.http.at};
  merged.variables = {...manifest.base.variables, ...override.variables};
  merged.cfnVariables = {...manifest.base.cfnVariables, ...override.cfnVariables};
  merged.secrets = {...manifest.base.secrets, ...override.secrets};
  return merged;
}

/** A profile name made of `text`: other characters become `-`, at most 64. */
const toProfileNameText = (text: string): string =>
  text
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^[^A-Za-z0-9]+/, '')
    .slice(0, 64)
    .replace(/-+$/, '');

const variableName = (prefix: string, name: string): string => `${prefix}_${name.replace(/[^A-Za-z0-9_]/g, '_')}`;

/** One service manifest → its plan (a profile for the three service types). */
export function planService(
  workspace: CopilotWorkspace,
  manifest: ServiceManifest,
  options: {region?: string; now: string; aws?: CopilotAwsState; environmentRegions?: Readonly<Record<string, string>>},
): CopilotServicePlan {
  const app = workspace.application;
  const notes: CopilotNote[] = [...manifest.notes];
  const base = {name: manifest.name, type: manifest.type, file: manifest.file, runningTags: {}, notes};
  if (!SERVICE_TYPES.includes(manifest.type)) {
    const reason = NOT_SERVICES[manifest.type] ?? `"${manifest.type}" is not a Copilot service type ecs-wizard knows: no profile`;
    notes.unshift({at: manifest.at, field: 'type', status: 'unmapped', message: reason});
    return {...base, becomes: `not migrated: ${reason.split(':')[0]}`};
  }
  const names = [...workspace.environments.map((environment) => environment.name)];
  for (const environment of manifest.environments) if (!names.includes(environment.name)) names.push(environment.name);
  if (names.length === 0) {
    notes.unshift({
      at: manifest.at,
      field: 'environments',
      status: 'warning',
      message: 'no environment: copilot/environments/ is empty and the manifest names none',
    });
    return {...base, becomes: 'not migrated: no environment to run in'};
  }
  const live = options.aws?.services[manifest.name] ?? {};
  const stacks = options.aws?.environments ?? {};
  const settings = Object.fromEntries(names.map((name) => [name, settingsIn(manifest, name)]));
  const per = new PerEnvironment(names);
  const byEnv = (pick: (environment: string) => string | undefined): Record<string, string | undefined> =>
    Object.fromEntries(names.map((name) => [name, pick(name)]));
  const note = (field: string, status: CopilotNote['status'], message: string, extra: Partial<CopilotNote> = {}): void => {
    notes.push({at: manifest.at, field, status, message, ...extra});
  };

  const region = byEnv((name) => live[name]?.region ?? stacks[name]?.region ?? options.environmentRegions?.[name] ?? options.region);
  const missingRegion = names.filter((name) => region[name] === undefined);
  if (missingRegion.length > 0) {
    return {
      ...base,
      becomes: 'not migrated: the region is not known',
      notes: [...notes, {at: manifest.at, field: 'region', status: 'warning', message: 'no region: give --region'}],
    };
  }
  const account = byEnv((name) => live[name]?.accountId ?? stacks[name]?.accountId);
  const runningTags: Record<string, string> = {};
  for (const name of names) {
    const tag = live[name]?.image === undefined ? undefined : parseImageReference(live[name].image)?.tag;
    if (tag !== undefined) runningTags[name] = tag;
  }

  // The artifact.
  const first = names[0]!;
  let artifact: ArtifactSource;
  const location = manifest.base.imageLocation;
  const liveImage = names.map((name) => live[name]?.image).find((image) => image !== undefined);
  if (location !== undefined) {
    const written = interpolate(location.value, app, first);
    const withoutShellTag = written.replace(/:\$\{[^}]*\}$/, '');
    const parsed = parseImageReference(withoutShellTag);
    if (parsed === undefined) {
      notes.unshift({at: location.at, field: 'image.location', status: 'warning', message: `"${location.value}" is not an image reference ecs-wizard reads`});
      return {...base, notes, becomes: 'not migrated: the image cannot be read'};
    }
    if (withoutShellTag !== written)
      notes.push({
        at: location.at,
        field: 'image.location',
        status: 'info',
        message: 'the tag comes from the shell of whoever deployed: it is asked at deploy',
      });
    artifact = {registry: parsed.registry, host: parsed.host, image: parsed.image, ...(parsed.tag === undefined ? {} : {tag: parsed.tag})};
  } else {
    const host = liveImage === undefined ? undefined : parseImageReference(liveImage)?.host;
    const accountId = account[first];
    const ecrHost = host ?? (accountId === undefined ? '' : `${accountId}.dkr.ecr.${region[first]!}.amazonaws.com`);
    artifact = {registry: 'ecr', host: ecrHost, image: `${app}/${manifest.name}`};
    const at = manifest.base.imageBuild ?? manifest.at;
    notes.push({
      at,
      field: 'image.build',
      status: 'info',
      message: `built by Copilot and pushed to the ECR repository ${app}/${manifest.name}: the tag is asked at deploy`,
    });
    if (ecrHost === '')
      notes.push({
        at,
        field: 'image.build',
        status: 'warning',
        message: 'the ECR registry host (it holds the account id) is not known without AWS: the artifact has none yet — import again with AWS access',
      });
  }
  const tagNow = runningTags[first];
  if (tagNow !== undefined) artifact.tag = tagNow;

  // The container.
  const environmentEntries: JsonObject[] = [];
  const addVariable = (name: string, byEnvironment: Record<string, string | undefined>, variable: string): void => {
    const present = names.filter((environment) => byEnvironment[environment] !== undefined);
    if (present.length === 0) return;
    if (present.length < names.length) {
      note(
        `variables.${name}`,
        'warning',
        `set in ${present.join(', ')} only: the other environments get an empty value (the profile's containers are shared by its environments)`,
      );
    }
    const value = per.value(variable, byEnvironment, '');
    if (value !== undefined) environmentEntries.push({name, value});
  };
  addVariable(
    'COPILOT_APPLICATION_NAME',
    byEnv(() => app),
    'copilotApplication',
  );
  addVariable(
    'COPILOT_SERVICE_DISCOVERY_ENDPOINT',
    // `<env>.<app>.local` (copilot-cli stack/env.go); an environment of an older Copilot may have another: as it runs, when read.
    byEnv((name) => live[name]?.environment['COPILOT_SERVICE_DISCOVERY_ENDPOINT'] ?? `${name}.${app}.local`),
    'discoveryEndpoint',
  );
  addVariable(
    'COPILOT_ENVIRONMENT_NAME',
    byEnv((name) => name),
    'copilotEnvironment',
  );
  addVariable(
    'COPILOT_SERVICE_NAME',
    byEnv(() => manifest.name),
    'copilotService',
  );
  const produced = new Set(['COPILOT_APPLICATION_NAME', 'COPILOT_SERVICE_DISCOVERY_ENDPOINT', 'COPILOT_ENVIRONMENT_NAME', 'COPILOT_SERVICE_NAME']);
  // COPILOT_LB_DNS: only behind an ALB (envvars-common.yml: `if .ALBListener`) — the public one, or a Backend Service's internal one.
  if (enabledHttp(settings[first]!) !== undefined) {
    // What runs first (an imported ALB has its own name), else the environment stack's load balancer.
    const dns = byEnv(
      (name) =>
        live[name]?.environment['COPILOT_LB_DNS'] ??
        (manifest.type === 'Backend Service' ? stacks[name]?.internalLoadBalancerDns : stacks[name]?.publicLoadBalancerDns),
    );
    produced.add('COPILOT_LB_DNS');
    if (Object.values(dns).some((value) => value !== undefined)) addVariable('COPILOT_LB_DNS', dns, 'lbDns');
    else note('http', 'warning', 'COPILOT_LB_DNS (the load balancer’s DNS name) is not known without AWS: not set');
  }
  if (manifest.type === 'Worker Service') {
    produced.add('COPILOT_QUEUE_URI');
    const queue = byEnv((name) => live[name]?.environment['COPILOT_QUEUE_URI']);
    if (Object.values(queue).some((value) => value !== undefined)) addVariable('COPILOT_QUEUE_URI', queue, 'queueUri');
    else note('subscribe', 'warning', "COPILOT_QUEUE_URI (the worker's SQS queue) is not known without AWS: not set", {wire: 'queue'});
  }
  const variableNames = [...new Set(names.flatMap((name) => Object.keys(settings[name]!.variables)))].sort();
  for (const name of variableNames) {
    produced.add(name);
    addVariable(
      name,
      byEnv((environment) =>
        settings[environment]!.variables[name] === undefined ? undefined : interpolate(settings[environment]!.variables[name].value, app, environment),
      ),
      variableName('env', name),
    );
  }
  // from_cfn variables: the export's value, as the live service has it.
  for (const name of [...new Set(names.flatMap((environment) => Object.keys(settings[environment]!.cfnVariables)))].sort()) {
    produced.add(name);
    const values = byEnv((environment) => (settings[environment]!.cfnVariables[name] === undefined ? undefined : live[environment]?.environment[name]));
    const where = names.map((environment) => settings[environment]!.cfnVariables[name]).find((item) => item !== undefined)!;
    const unknown = names.filter((environment) => settings[environment]!.cfnVariables[name] !== undefined && values[environment] === undefined);
    if (unknown.length > 0) {
      notes.push({
        at: where.at,
        field: `variables.${name}`,
        status: 'warning',
        message: `from_cfn ${where.value}: the export's value is not known without AWS in ${unknown.join(', ')}: not set there`,
      });
    }
    addVariable(name, values, variableName('env', name));
  }
  // Whatever else Copilot injected (COPILOT_SNS_TOPIC_ARNS, COPILOT_MOUNT_POINTS…), as it runs.
  const extra = [...new Set(names.flatMap((name) => Object.keys(live[name]?.environment ?? {})))]
    .filter((name) => name.startsWith('COPILOT_') && !produced.has(name))
    .sort();
  for (const name of extra) {
    note(`variables.${name}`, 'info', 'set by Copilot (a topic, a queue, storage): kept as it runs');
    addVariable(
      name,
      byEnv((environment) => live[environment]?.environment[name]),
      variableName('env', name),
    );
  }

  const secretEntries: JsonObject[] = [];
  const secretNames = [...new Set(names.flatMap((name) => Object.keys(settings[name]!.secrets)))].sort();
  for (const name of secretNames) {
    const valueFrom = byEnv((environment) => {
      const source = settings[environment]!.secrets[name]?.value;
      if (source === undefined) return undefined;
      return secretValueFrom(source, {app, environment, region: region[environment]!, accountId: account[environment], live: live[environment]?.secrets[name]});
    });
    const present = names.filter((environment) => settings[environment]!.secrets[name] !== undefined);
    const resolved = names.filter((environment) => valueFrom[environment] !== undefined);
    const where =
      manifest.base.secrets[name]?.at ?? manifest.environments.map((item) => item.settings.secrets[name]?.at).find((item) => item !== undefined) ?? manifest.at;
    if (present.length < names.length) {
      notes.push({
        at: where,
        field: `secrets.${name}`,
        status: 'unmapped',
        message: `set in ${present.join(', ')} only: not migrated (the profile's containers are shared by its environments; a secret has no empty value)`,
      });
      continue;
    }
    const unresolved = present.filter((environment) => !resolved.includes(environment));
    if (unresolved.length > 0) {
      notes.push({
        at: where,
        field: `secrets.${name}`,
        status: 'warning',
        message: `the secret's ARN is not known without AWS in ${unresolved.join(', ')} (the account id, or the CloudFormation export): those environments do not render until it is set (config variable ${variableName('secret', name)})`,
      });
    }
    secretEntries.push({name, valueFrom: per.value(variableName('secret', name), valueFrom) ?? serviceVariable(variableName('secret', name))});
  }

  const cpu = per.value(
    'cpu',
    byEnv((name) => String(settings[name]!.cpu?.value ?? DEFAULTS.cpu)),
  )!;
  const memory = per.value(
    'memory',
    byEnv((name) => String(settings[name]!.memory?.value ?? DEFAULTS.memory)),
  )!;
  const family = per.value(
    'family',
    byEnv((name) => `${app}-${name}-${manifest.name}`),
  )!;
  const logGroup = per.value(
    'logGroup',
    byEnv((name) => `/copilot/${app}-${name}-${manifest.name}`),
  )!;
  const logRegion = per.value('region', region)!;
  // The load balancers and Service Connect (wiring.ts): what the service spec gets, and the port mappings they name.
  const wiring = serviceWiring({
    app,
    service: manifest.name,
    type: manifest.type,
    at: manifest.at,
    names,
    settings,
    live,
    per,
    ...(manifest.base.port === undefined ? {} : {port: manifest.base.port.value}),
    logGroup,
    logRegion,
  });
  notes.push(...wiring.notes);
  const container: JsonObject = {name: CONTAINER_NAME, image: DOCKER_IMAGE_NAME, essential: true};
  if (manifest.base.entrypoint !== undefined) container.entryPoint = manifest.base.entrypoint.map(escapePlaceholders);
  if (manifest.base.command !== undefined) container.command = manifest.base.command.map(escapePlaceholders);
  if (wiring.portMappings !== undefined) container.portMappings = wiring.portMappings;
  else if (manifest.base.port !== undefined) container.portMappings = [{containerPort: manifest.base.port.value, protocol: 'tcp'}];
  container.environment = environmentEntries;
  if (secretEntries.length > 0) container.secrets = secretEntries;
  container.logConfiguration = {logDriver: 'awslogs', options: {'awslogs-region': logRegion, 'awslogs-group': logGroup, 'awslogs-stream-prefix': 'copilot'}};
  const check = manifest.base.healthCheck?.value;
  if (check !== undefined) {
    container.healthCheck = {
      command: check.command.map(escapePlaceholders),
      interval: check.interval,
      retries: check.retries,
      timeout: check.timeout,
      startPeriod: check.startPeriod,
    };
  }
  if (manifest.base.labels !== undefined) container.dockerLabels = manifest.base.labels;

  const copilotTags = (environment: string): JsonValue => [
    {key: 'copilot-application', value: app},
    {key: 'copilot-environment', value: environment},
    {key: 'copilot-service', value: manifest.name},
  ];
  const environmentTag = per.value(
    'copilotEnvironment',
    byEnv((name) => name),
  )!;
  const tags = (copilotTags(first) as JsonObject[]).map((tag) => (tag['key'] === 'copilot-environment' ? {...tag, value: environmentTag} : tag));

  const task: JsonObject = {family};
  const taskRoles = byEnv((name) => live[name]?.taskRoleArn);
  const taskRole = per.value('taskRoleArn', taskRoles);
  if (taskRole !== undefined) task.taskRoleArn = taskRole;
  else
    note(
      'taskRoleArn',
      'warning',
      `the task role CloudFormation created (${app}-<env>-${manifest.name}-TaskRole-…) is not known without AWS: the task definition has none`,
    );
  task.executionRoleArn = EXECUTION_ROLE;
  task.networkMode = 'awsvpc';
  task.requiresCompatibilities = ['FARGATE'];
  task.cpu = cpu;
  task.memory = memory;
  const platform = manifest.base.platform?.value;
  if (platform !== undefined && !(platform.os === 'LINUX' && platform.arch === 'X86_64'))
    task.runtimePlatform = {operatingSystemFamily: platform.os, cpuArchitecture: platform.arch};
  task.containerDefinitions = [container];
  task.tags = tags;

  // The service.
  const spec: JsonObject = {};
  const serviceName = per.value(
    'ecsServiceName',
    byEnv((name) => live[name]?.serviceName),
  );
  if (serviceName !== undefined) spec.serviceName = serviceName;
  else
    note(
      'name',
      'warning',
      `the ECS service CloudFormation created (${app}-<env>-${manifest.name}-Service-…) is not known without AWS: the profile names the service "${manifest.name}", and a deploy would create a new service beside Copilot's`,
    );
  spec.schedulingStrategy = 'REPLICA';
  const count = per.value(
    'desiredCount',
    byEnv((name) => String(settings[name]!.count?.value ?? DEFAULTS.count)),
  )!;
  spec.desiredCount = /^\d+$/.test(count) ? Number(count) : count;
  spec.platformVersion = 'LATEST';
  const recreate = manifest.base.recreate === true;
  spec.deploymentConfiguration = {
    deploymentCircuitBreaker: {enable: true, rollback: true},
    maximumPercent: recreate ? 100 : 200,
    minimumHealthyPercent: recreate ? 0 : 100,
    alarms: {alarmNames: [], enable: false, rollback: true},
  };
  const exec = per.value(
    'enableExecuteCommand',
    byEnv((name) => String(settings[name]!.exec?.value ?? false)),
  )!;
  spec.enableExecuteCommand = exec === 'true' ? true : exec === 'false' ? false : exec;
  const unquoted = typeof spec.enableExecuteCommand === 'string' ? new Set(['enableExecuteCommand']) : undefined;
  spec.propagateTags = 'SERVICE';
  spec.tags = tags;
  Object.assign(spec, wiring.spec);
  const scaling = profileAutoScaling({service: manifest.name, environments: names, settings, base: manifest.base, hasTargetGroup: wiring.hasTargetGroup});
  notes.push(...scaling.notes);

  // The environments.
  const environments: Environment[] = names.map((name) => {
    const stack = stacks[name];
    const running = live[name];
    const placement = settings[name]!.placement?.value ?? 'public';
    const manifestEnvironment = workspace.environments.find((item) => item.name === name);
    const subnets =
      running?.network?.subnets ??
      (placement === 'public'
        ? (stack?.publicSubnets ?? manifestEnvironment?.publicSubnets)
        : (stack?.privateSubnets ?? manifestEnvironment?.privateSubnets)) ??
      [];
    const extraGroups = settings[name]!.securityGroups?.value ?? [];
    const groups = running?.network?.securityGroups ?? [...(stack?.securityGroups ?? []), ...extraGroups];
    const network: AwsVpcNetwork | undefined =
      running?.network ?? (subnets.length === 0 ? undefined : {subnets: [...subnets], securityGroups: groups, assignPublicIp: placement === 'public'});
    const cluster = running?.cluster ?? stack?.cluster;
    const stackName = stack?.stack ?? `${app}-${name}`;
    if (cluster === undefined) {
      note('environments', 'warning', `cluster: not known without AWS: written as "${stackName}" until ecs-wizard env refresh reads the stack's ClusterId`, {
        environment: name,
      });
    }
    if (network === undefined)
      note(
        'network.vpc.placement',
        'warning',
        `no ${placement} subnets known without AWS (a VPC Copilot created): the environment has no network yet; import again with AWS access`,
        {environment: name},
      );
    if (running === undefined)
      note('environments', 'info', 'no live service read: execution role, task role and ECS service name come from AWS', {environment: name});
    const environment: Environment = {
      name,
      region: region[name]!,
      cluster: cluster ?? stackName,
      launchType: 'FARGATE',
      ...(network === undefined ? {} : {network}),
      overrides: per.overrides[name]!,
      provisioner: {
        kind: 'cloudformation',
        stack: stackName,
        region: region[name]!,
        outputs: {
          cluster: 'ClusterId',
          ...(running?.network === undefined ? {subnets: placement === 'public' ? 'PublicSubnets' : 'PrivateSubnets'} : {}),
          ...(running?.network === undefined && extraGroups.length === 0 ? {securityGroups: 'EnvironmentSecurityGroup'} : {}),
        },
      },
    };
    if (running?.executionRoleArn !== undefined) environment.executionRoleArn = running.executionRoleArn;
    else note('executionRoleArn', 'warning', `the execution role is not known without AWS: "${name}" does not render until it is set`, {environment: name});
    // Auto scaling that differs per environment: this environment's own (scaling.ts).
    const ownScaling = scaling.perEnvironment?.[name];
    if (ownScaling !== undefined) environment.autoScaling = ownScaling;
    return environment;
  });

  const service: Service = {
    name: manifest.name,
    artifact,
    launchType: 'FARGATE',
    containerSpec: {mode: 'json', json: stringifyJsonText(task)},
    serviceSpec: stringifyJsonText(spec, unquoted === undefined ? {} : {unquoted}),
    variables: per.variables,
    containerName: manifest.name,
  };
  if (scaling.autoScaling !== undefined) service.autoScaling = scaling.autoScaling;
  if (Object.keys(live).length > 0) service.adopted = true;
  const profile: Profile = {
    name: toProfileNameText(`${app}-${manifest.name}`),
    application: app,
    service,
    environments,
    runs: [],
    createdAt: options.now,
    updatedAt: options.now,
  };
  const image = location === undefined ? `ECR ${app}/${manifest.name} (tag at deploy)` : location.value;
  const becomes = `profile ${profile.name}: a REPLICA service on Fargate · ${image}${manifest.base.port === undefined ? '' : ` · port ${manifest.base.port.value}`} · ${names.length === 1 ? 'environment' : 'environments'} ${names.join(', ')}`;
  return {...base, becomes, profile, runningTags, notes};
}
