/**
 * A Copilot service's traffic wiring → its service specification, as Copilot's templates render it
 * (workloads/services/lb-web/cf.yml, backend/cf.yml, partials/cf/service-base-properties.yml):
 *
 * - `http` (an ALB rule) and `nlb` → `loadBalancers`, one entry each: the target group Copilot's service stack
 *   created (the live service's entry for that container and port; without AWS a config variable to set — an ARN is
 *   never made up), the container (`target_container`, else the service's) and port (`target_port`, else
 *   `image.port`, or the NLB listener's port), with a port mapping for a port the container does not map yet;
 *   `healthCheckGracePeriodSeconds` (the health check's `grace_period`, else Copilot's 60 s).
 * - `network.connect` → `serviceConnectConfiguration`: the namespace `<env>.<app>.local` (what runs, when read),
 *   the service's log group, and with a target port a server: the port mapping named `target`, discovery name
 *   `<svc>-sc`, the client alias (`alias`, else the service's name) on that port.
 * - With what ELB says of the target group (read with AWS access), the manifest's health check path and success
 *   codes and the rule's path are compared, each noted at its line: ELB's is what serves, the profile holds neither.
 *
 * Settings that differ between environments (http on in one, off in another) have no place in one service
 * specification: none is written, and each is named by file and line. Pure.
 */
import type {JsonObject} from '../../json.js';
import {CONTAINER_NAME, serviceVariable} from '../../placeholders.js';
import type {CopilotHttp, CopilotNlb} from './load-balancer-manifest.js';
import type {ServiceSettings} from './manifest.js';
import type {PerEnvironment} from './per-environment.js';
import type {CopilotNote} from './types.js';
import type {Position} from './yaml.js';

/** Copilot's health check grace period for a service behind a load balancer (manifest.DefaultHealthCheckGracePeriod). */
export const COPILOT_GRACE_PERIOD = 60;

/** What ELB says of a target group, read with AWS access. */
export interface TargetGroupState {
  healthCheckPath?: string;
  /** The HTTP codes of the health check (`200`, `200,301`). */
  successCodes?: string;
  /** The path-pattern values of the listener rules that forward to it. */
  rulePaths?: string[];
  /** The host-header values of those rules. */
  ruleHosts?: string[];
}

/** What the wiring needs of a live service (build.ts CopilotLiveService). */
export interface LiveWiring {
  /** The live service's loadBalancers entries. */
  loadBalancers?: JsonObject[];
  /** The PRIMARY deployment's serviceConnectConfiguration. */
  serviceConnect?: JsonObject;
  /** What ELB says of each target group of loadBalancers, by ARN. */
  targetGroups?: Record<string, TargetGroupState>;
}

export interface WiringInput {
  app: string;
  service: string;
  type: string;
  at: Position;
  names: readonly string[];
  settings: Readonly<Record<string, ServiceSettings>>;
  live: Readonly<Record<string, LiveWiring>>;
  per: PerEnvironment;
  /** `image.port`. */
  port?: number;
  /** The log group and region the container logs to (a literal or a config variable). */
  logGroup: string;
  logRegion: string;
}

export interface Wiring {
  /** Members of the service specification: loadBalancers, healthCheckGracePeriodSeconds, serviceConnectConfiguration. */
  spec: JsonObject;
  /** The container's port mappings (image.port first), when the wiring adds to them or names one. */
  portMappings?: JsonObject[];
  /** The ALB target group is known in every environment (auto scaling on requests per target can use it). */
  hasTargetGroup: boolean;
  notes: CopilotNote[];
}

interface Target {
  kind: 'http' | 'nlb';
  container: string;
  port: number;
  protocol: string;
  at: Position;
  variable: string;
}

/** `http` as written, when it puts the service behind an ALB (Copilot's convertALBListener: not `false`, not empty). */
export const enabledHttp = (settings: ServiceSettings): CopilotHttp | undefined => {
  const http = settings.http?.value;
  return http === false || http === undefined || http.keys.length === 0 ? undefined : http;
};

/** The same answer in every environment, or the environments listed by what each has. */
function agreed<T>(names: readonly string[], pick: (name: string) => T, text: (value: T) => string): {value: T} | {differ: string} {
  const values = names.map(pick);
  const texts = values.map(text);
  if (texts.every((item) => item === texts[0])) return {value: values[0]!};
  return {differ: names.map((name, index) => `${name}: ${texts[index]}`).join('; ')};
}

export function serviceWiring(input: WiringInput): Wiring {
  const {names, settings, service} = input;
  const notes: CopilotNote[] = [];
  const note = (at: Position, field: string, status: CopilotNote['status'], message: string): void => {
    notes.push({at, field, status, message});
  };
  const byEnv = <T>(pick: (name: string) => T): Record<string, T> => Object.fromEntries(names.map((name) => [name, pick(name)]));
  const first = names[0]!;
  const spec: JsonObject = {};
  const targets: Target[] = [];

  const http = agreed(
    names,
    (name) => enabledHttp(settings[name]!),
    (value) => (value === undefined ? 'off' : `on (${value.targetContainer?.value ?? service}:${value.targetPort?.value ?? input.port ?? '-'})`),
  );
  const httpAt = settings[first]!.http?.at ?? input.at;
  if ('differ' in http) {
    note(
      httpAt,
      'http',
      'warning',
      `differs between environments (${http.differ}): loadBalancers is one setting for all of a profile's environments: not wired`,
    );
  } else if (http.value !== undefined) {
    const container = http.value.targetContainer?.value ?? service;
    const port = http.value.targetPort?.value ?? input.port;
    if (container !== service)
      note(
        http.value.targetContainer!.at,
        'http.target_container',
        'unmapped',
        `${container} is a sidecar, and sidecars are not mapped: the load balancer is not wired`,
      );
    else if (port === undefined) note(httpAt, 'http', 'warning', 'no target port (image.port or http.target_port): the load balancer is not wired');
    else targets.push({kind: 'http', container, port, protocol: 'tcp', at: httpAt, variable: 'targetGroupArn'});
  }
  const nlb = agreed(
    names,
    (name) => settings[name]!.nlb?.value,
    (value: CopilotNlb | undefined) => (value === undefined ? 'none' : `${value.port.value.port}/${value.port.value.protocol}`),
  );
  const nlbAt = settings[first]!.nlb?.at ?? input.at;
  if ('differ' in nlb) {
    note(nlbAt, 'nlb', 'warning', `differs between environments (${nlb.differ}): loadBalancers is one setting for all of a profile's environments: not wired`);
  } else if (nlb.value !== undefined) {
    const container = nlb.value.targetContainer?.value ?? service;
    const port = nlb.value.targetPort?.value ?? nlb.value.port.value.port;
    if (container !== service)
      note(
        nlb.value.targetContainer!.at,
        'nlb.target_container',
        'unmapped',
        `${container} is a sidecar, and sidecars are not mapped: the load balancer is not wired`,
      );
    else
      targets.push({
        kind: 'nlb',
        container,
        port,
        protocol: nlb.value.port.value.protocol === 'UDP' ? 'udp' : 'tcp',
        at: nlb.value.port.at,
        variable: 'nlbTargetGroupArn',
      });
  }

  // Each target's group: the live service's entry for that container and port (Copilot lists the ALB's before the NLB's).
  let hasTargetGroup = false;
  const loadBalancers: JsonObject[] = [];
  const groupArns: Record<string, Record<string, string | undefined>> = {};
  targets.forEach((target, index) => {
    const arns = byEnv((name) => {
      const entries = (input.live[name]?.loadBalancers ?? []).filter(
        (entry) => entry['containerName'] === target.container && entry['containerPort'] === target.port,
      );
      const earlier = targets.slice(0, index).filter((other) => other.container === target.container && other.port === target.port).length;
      const arn = entries[earlier]?.['targetGroupArn'];
      return typeof arn === 'string' ? arn : undefined;
    });
    groupArns[target.kind] = arns;
    const unknown = names.filter((name) => arns[name] === undefined);
    const value = input.per.value(target.variable, arns) ?? serviceVariable(target.variable);
    if (unknown.length > 0)
      note(
        target.at,
        target.kind,
        'warning',
        `the target group Copilot's service stack created is not known${input.live[unknown[0]!] === undefined ? ' without AWS' : ' (the live service has no load balancer for this container and port)'} in ${unknown.join(', ')}: loadBalancers[${index}].targetGroupArn is the config variable ${target.variable}, to be set before the first deploy (deploy --set ${target.variable}=ARN, or import again with AWS access); it is never guessed`,
      );
    else
      note(
        target.at,
        target.kind,
        'info',
        `loadBalancers[${index}]: ${target.container}:${target.port} behind ${names.map((name) => `${arns[name]!.split('/')[1] ?? arns[name]} (${name})`).join(', ')}`,
      );
    if (target.kind === 'http' && unknown.length === 0) hasTargetGroup = true;
    loadBalancers.push({targetGroupArn: value, containerName: CONTAINER_NAME, containerPort: target.port});
  });
  if (loadBalancers.length > 0) {
    const check = http !== undefined && 'value' in http ? http.value?.healthCheck?.value : undefined;
    const grace = check?.gracePeriod ?? ('value' in nlb ? nlb.value?.healthCheck?.value.gracePeriod : undefined);
    // Copilot sets it for every Load Balanced Web Service, and for a Backend Service behind its internal ALB.
    spec.healthCheckGracePeriodSeconds = grace ?? COPILOT_GRACE_PERIOD;
    spec.loadBalancers = loadBalancers;
  }

  // Port mappings: image.port, then each target port the container does not map yet.
  const mappings: JsonObject[] = input.port === undefined ? [] : [{containerPort: input.port, protocol: 'tcp'}];
  for (const target of targets)
    if (!mappings.some((mapping) => mapping['containerPort'] === target.port)) mappings.push({containerPort: target.port, protocol: target.protocol});

  // Service Connect.
  const connect = agreed(
    names,
    (name) => settings[name]!.connect?.value,
    (value) => (value === undefined || value === false ? 'off' : `on${value.alias === undefined ? '' : ` (alias ${value.alias.value})`}`),
  );
  const connectAt = settings[first]!.connect?.at ?? input.at;
  if ('differ' in connect) {
    note(
      connectAt,
      'network.connect',
      'warning',
      `differs between environments (${connect.differ}): serviceConnectConfiguration is one setting for all of a profile's environments: not written`,
    );
  } else if (connect.value !== undefined && connect.value !== false) {
    const namespace = input.per.value(
      'serviceConnectNamespace',
      byEnv((name) => {
        const running = input.live[name]?.serviceConnect?.['namespace'];
        return typeof running === 'string' ? running : `${name}.${input.app}.local`;
      }),
    )!;
    const configuration: JsonObject = {
      enabled: true,
      namespace,
      logConfiguration: {
        logDriver: 'awslogs',
        options: {'awslogs-region': input.logRegion, 'awslogs-group': input.logGroup, 'awslogs-stream-prefix': 'copilot'},
      },
    };
    const server =
      targets.find((target) => target.kind === 'http') ?? (input.port === undefined ? undefined : {container: service, port: input.port, protocol: 'tcp'});
    const dnsName = connect.value.alias?.value ?? service;
    if (server !== undefined && server.protocol === 'tcp') {
      configuration.services = [{portName: 'target', discoveryName: `${service}-sc`, clientAliases: [{port: server.port, dnsName}]}];
      const mapping = mappings.find((item) => item['containerPort'] === server.port);
      if (mapping !== undefined) mapping.name = 'target';
      note(
        connectAt,
        'network.connect',
        'info',
        `serviceConnectConfiguration: namespace ${names.map((name) => `${name}.${input.app}.local`).join(', ')}; clients reach it as ${dnsName}:${server.port} (port mapping "target", discovery name ${service}-sc)`,
      );
    } else {
      note(connectAt, 'network.connect', 'info', 'serviceConnectConfiguration: a client only (no target port: image.port is not set)');
    }
    spec.serviceConnectConfiguration = configuration;
  }

  verifyAgainstElb(input, groupArns['http'], notes);
  const named = mappings.some((mapping) => mapping['name'] !== undefined);
  return {
    spec,
    ...(mappings.length > (input.port === undefined ? 0 : 1) || named ? {portMappings: mappings} : {}),
    hasTargetGroup,
    notes,
  };
}

/** The manifest's health check and path against what ELB has for the ALB target group, in each environment read. */
function verifyAgainstElb(input: WiringInput, arns: Record<string, string | undefined> | undefined, notes: CopilotNote[]): void {
  if (arns === undefined) return;
  for (const name of input.names) {
    const arn = arns[name];
    const group = arn === undefined ? undefined : input.live[name]?.targetGroups?.[arn];
    const http = enabledHttp(input.settings[name]!);
    if (group === undefined || http === undefined) continue;
    const compare = (field: string, at: Position, manifest: string, elb: string | undefined, what: string): void => {
      if (elb === undefined) return;
      const same = manifest === elb;
      notes.push({
        at,
        field,
        status: same ? 'info' : 'warning',
        environment: name,
        message: same
          ? `${what} ${elb}: as ELB has it`
          : `${what}: the manifest says ${manifest}, ELB has ${elb} (ELB's is what serves; the profile holds neither)`,
      });
    };
    const checkAt = http.healthCheck?.at ?? input.settings[name]!.http?.at ?? input.at;
    compare('http.healthcheck', checkAt, http.healthCheck?.value.path ?? '/', group.healthCheckPath, 'the target group health check path');
    compare('http.healthcheck', checkAt, http.healthCheck?.value.successCodes ?? '200', group.successCodes, 'the target group health check success codes');
    if (http.path !== undefined && group.rulePaths !== undefined) {
      const path = http.path.value;
      const wanted = path === '/' ? ['/*'] : [path.startsWith('/') ? path : `/${path}`, `${path.startsWith('/') ? path : `/${path}`}/*`];
      compare(
        'http.path',
        http.path.at,
        wanted.join(', '),
        group.rulePaths.length === 0 ? '(no rule)' : group.rulePaths.join(', '),
        'the listener rule path-pattern',
      );
    }
    if (http.alias !== undefined && group.ruleHosts !== undefined) {
      const hosts = [...new Set(group.ruleHosts.flatMap((values) => values.split(', ')))].sort();
      compare(
        'http.alias',
        http.alias.at,
        [...http.alias.value].sort().join(', '),
        hosts.length === 0 ? '(no host-header)' : hosts.join(', '),
        'the listener rule host-header',
      );
    }
  }
}
