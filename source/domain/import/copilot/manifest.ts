/**
 * Copilot manifests read into typed settings (the shapes of copilot-cli's internal/pkg/manifest): the workspace's
 * application, each environment's network and each service's settings, base and per environment. Every key is
 * classified by the mapping table (mapping.ts); whatever is not mapped becomes a note with its file and line.
 */
import {mergeCountOverride} from './count-merge.js';
import {readConnect, readHttp, readNlb, type CopilotConnect, type CopilotHttp, type CopilotNlb} from './load-balancer-manifest.js';
import {classify} from './mapping.js';
import type {CopilotNote, CopilotScaling, Located, ScalingTarget} from './types.js';

export type {CopilotNote, CopilotScaling, Located, ScalingTarget} from './types.js';
import {at, booleanOf, durationSeconds, entry, numberOf, text, type Position, type YamlNode} from './yaml.js';

export type SecretSource = {kind: 'ssm'; name: string} | {kind: 'secretsmanager'; name: string} | {kind: 'from-cfn'; exportName: string};

export interface HealthCheck {
  command: string[];
  interval: number;
  retries: number;
  timeout: number;
  startPeriod: number;
}

/** A service's settings, as written at the top of its manifest or under `environments.<env>`. */
export interface ServiceSettings {
  imageLocation?: Located<string>;
  imageBuild?: Position;
  port?: Located<number>;
  healthCheck?: Located<HealthCheck>;
  labels?: Record<string, string>;
  cpu?: Located<number>;
  memory?: Located<number>;
  platform?: Located<{os: string; arch: string}>;
  count?: Located<number>;
  /** `count.range` and its targets: service auto scaling. */
  scaling?: Located<CopilotScaling>;
  /** Under `environments.<env>`: the `count` map as written (merged into the base's by readServiceManifest, as Copilot merges). */
  scalingOverride?: Located<Partial<CopilotScaling>>;
  /** `http` (an Application Load Balancer listener rule), `false` when turned off (load-balancer-manifest.ts). */
  http?: Located<CopilotHttp | false>;
  /** `nlb` (a Network Load Balancer listener). */
  nlb?: Located<CopilotNlb>;
  /** `network.connect` (Service Connect): false when turned off. */
  connect?: Located<CopilotConnect | false>;
  exec?: Located<boolean>;
  variables: Record<string, Located<string>>;
  /** Variables whose value is a CloudFormation export (`from_cfn`): the export's name. */
  cfnVariables: Record<string, Located<string>>;
  secrets: Record<string, Located<SecretSource>>;
  placement?: Located<'public' | 'private'>;
  securityGroups?: Located<string[]>;
  entrypoint?: string[];
  command?: string[];
  recreate?: boolean;
}

export interface ServiceManifest {
  name: string;
  type: string;
  file: string;
  at: Position;
  base: ServiceSettings;
  /** Per environment, in the order written. */
  environments: Array<{name: string; at: Position; settings: ServiceSettings}>;
  notes: CopilotNote[];
}

export interface EnvironmentManifest {
  name: string;
  file: string;
  vpcId?: string;
  publicSubnets: string[];
  privateSubnets: string[];
  notes: CopilotNote[];
}

const emptySettings = (): ServiceSettings => ({variables: {}, cfnVariables: {}, secrets: {}});

export {durationSeconds};

/** Shell words, as Copilot splits entrypoint and command strings (google/shlex): blanks separate, quotes and \\ group. */
export function shellWords(value: string): string[] {
  const result: string[] = [];
  let current = '';
  let started = false;
  let quote: '"' | "'" | undefined;
  for (let index = 0; index < value.length; index += 1) {
    const char = value[index]!;
    if (quote === "'") {
      if (char === "'") quote = undefined;
      else current += char;
    } else if (quote === '"') {
      if (char === '"') quote = undefined;
      else if (char === '\\' && index + 1 < value.length && '"\\$`'.includes(value[index + 1]!)) current += value[(index += 1)]!;
      else current += char;
    } else if (char === "'" || char === '"') {
      quote = char;
      started = true;
    } else if (char === '\\' && index + 1 < value.length) {
      current += value[(index += 1)]!;
      started = true;
    } else if (/\s/.test(char)) {
      if (started) result.push(current);
      current = '';
      started = false;
    } else {
      current += char;
      started = true;
    }
  }
  if (started) result.push(current);
  return result;
}

type NoteAt = (path: string[], where: Position, status: CopilotNote['status'], message: string) => void;

/** `70` or `{value: 70, cooldown: {in, out}}` (copilot-cli manifest.ScalingConfigOrT). */
function targetOf(node: YamlNode, where: Position, field: string): ScalingTarget | undefined {
  const plain = numberOf(node);
  if (plain !== undefined) return {value: plain, at: where, field};
  const value = numberOf(at(node, 'value'));
  if (value === undefined) return undefined;
  const cooldownIn = durationSeconds(text(at(node, 'cooldown', 'in')));
  const cooldownOut = durationSeconds(text(at(node, 'cooldown', 'out')));
  return {value, at: where, field, ...(cooldownIn === undefined ? {} : {cooldownIn}), ...(cooldownOut === undefined ? {} : {cooldownOut})};
}

/**
 * `count` as a map → the range, the CPU, memory and requests targets and the cooldowns; undefined without a
 * readable range (Copilot requires one with any target). `response_time`, `range.spot_from` and the rest are noted
 * by the table's row (`skip`).
 */
function scalingOf(
  node: YamlNode,
  field: string[],
  note: NoteAt,
  skip: (path: string[], where: Position) => void,
  partial = false,
): Partial<CopilotScaling> | undefined {
  if (node.kind !== 'map') return undefined;
  let range: {min?: number; max?: number} | undefined;
  const targets: Partial<Record<'cpu' | 'memory' | 'requests', ScalingTarget>> = {};
  let cooldownIn: number | undefined;
  let cooldownOut: number | undefined;
  const keys: Record<string, 'cpu' | 'memory' | 'requests'> = {cpu_percentage: 'cpu', memory_percentage: 'memory', requests: 'requests'};
  for (const sub of node.entries) {
    if (sub.key === 'range') {
      const written = /^\s*(\d+)\s*-\s*(\d+)\s*$/.exec(text(sub.value) ?? '');
      if (written !== null) range = {min: Number(written[1]), max: Number(written[2])};
      else if (sub.value.kind === 'map') {
        const min = numberOf(at(sub.value, 'min'));
        const max = numberOf(at(sub.value, 'max'));
        // Under environments.<env> one bound may be given alone: the other is the base's (Copilot merges the range's fields).
        if ((min !== undefined && max !== undefined) || (partial && (min !== undefined || max !== undefined)))
          range = {...(min === undefined ? {} : {min}), ...(max === undefined ? {} : {max})};
        for (const item of sub.value.entries) if (item.key !== 'min' && item.key !== 'max') skip(['count', 'range', item.key], item.at);
      }
      if (range === undefined) note(['range'], sub.at, 'warning', 'not understood (expected "MIN-MAX" or min: and max:): not migrated');
    } else if (keys[sub.key] !== undefined) {
      const target = targetOf(sub.value, sub.at, [...field, sub.key].join('.'));
      if (target === undefined) note([sub.key], sub.at, 'warning', 'not understood (expected a number, or value: and cooldown:): not migrated');
      else targets[keys[sub.key]!] = target;
    } else if (sub.key === 'cooldown') {
      cooldownIn = durationSeconds(text(at(sub.value, 'in')));
      cooldownOut = durationSeconds(text(at(sub.value, 'out')));
    } else {
      skip(['count', sub.key], sub.at);
    }
  }
  if (partial)
    return {
      ...range,
      ...targets,
      ...(cooldownIn === undefined ? {} : {cooldownIn}),
      ...(cooldownOut === undefined ? {} : {cooldownOut}),
    };
  if (range?.min === undefined || range.max === undefined) {
    for (const target of Object.values(targets))
      note([target.field.split('.').pop()!], target.at, 'warning', 'a target without count.range: not migrated (Copilot requires a range)');
    return undefined;
  }
  return {
    min: range.min,
    max: range.max,
    ...targets,
    ...(cooldownIn === undefined ? {} : {cooldownIn}),
    ...(cooldownOut === undefined ? {} : {cooldownOut}),
  };
}

/** A list of strings, or a string split into shell words (Copilot's own rule for entrypoint and command strings). */
function words(node: YamlNode | undefined): string[] | undefined {
  if (node === undefined) return undefined;
  if (node.kind === 'seq') return node.items.map((item) => text(item) ?? '');
  const value = text(node);
  return value === undefined ? undefined : shellWords(value);
}

function secretOf(node: YamlNode): SecretSource | undefined {
  const plain = text(node);
  if (plain !== undefined) return {kind: 'ssm', name: plain};
  const manager = text(at(node, 'secretsmanager'));
  if (manager !== undefined) return {kind: 'secretsmanager', name: manager};
  const fromCfn = text(at(node, 'from_cfn'));
  if (fromCfn !== undefined) return {kind: 'from-cfn', exportName: fromCfn};
  return undefined;
}

function healthCheckOf(node: YamlNode): HealthCheck | undefined {
  const command = node.kind === 'map' ? words(at(node, 'command')) : words(node);
  if (command === undefined || command.length === 0) return undefined;
  const seconds = (key: string, fallback: number): number => durationSeconds(text(at(node, key))) ?? fallback;
  // Copilot's defaults (manifest/workload.go): interval 10s, retries 2, timeout 5s, start period 0s.
  return {
    command,
    interval: seconds('interval', 10),
    retries: node.kind === 'map' ? (numberOf(at(node, 'retries')) ?? 2) : 2,
    timeout: seconds('timeout', 5),
    startPeriod: seconds('start_period', 0),
  };
}

const PLATFORMS: Record<string, {os: string; arch: string}> = {
  'linux/amd64': {os: 'LINUX', arch: 'X86_64'},
  'linux/x86_64': {os: 'LINUX', arch: 'X86_64'},
  'linux/arm64': {os: 'LINUX', arch: 'ARM64'},
  'linux/arm': {os: 'LINUX', arch: 'ARM64'},
};

function platformOf(node: YamlNode): {os: string; arch: string} | undefined {
  const plain = text(node);
  if (plain !== undefined) return PLATFORMS[plain.toLowerCase()];
  const os = text(at(node, 'osfamily'));
  const arch = text(at(node, 'architecture'));
  if (os === undefined || arch === undefined) return undefined;
  return PLATFORMS[`${os.toLowerCase()}/${arch.toLowerCase()}`];
}

/**
 * Reads one settings map (the manifest's top level, or `environments.<env>`). `prefix` is the dotted path of the
 * map (`''` or `environments.prod`); `environment` marks per-environment settings, where only the fields the table
 * maps per environment are taken.
 */
function readSettings(node: YamlNode, prefix: string[], notes: CopilotNote[], environment?: string): ServiceSettings {
  const settings = emptySettings();
  const note = (path: string[], where: Position, status: CopilotNote['status'], message: string, wire?: CopilotNote['wire']): void => {
    notes.push({
      at: where,
      field: [...prefix, ...path].join('.'),
      status,
      message,
      ...(wire === undefined ? {} : {wire}),
      ...(environment === undefined ? {} : {environment}),
    });
  };
  /** A field that is not taken: the table says why (or that it has no counterpart). */
  const skip = (path: string[], where: Position): void => {
    const row = classify('service', path);
    if (row === undefined) {
      note(path, where, 'unmapped', 'no counterpart in ecs-wizard: not migrated');
    } else if (row.status === 'mapped') {
      note(path, where, 'unmapped', 'a per-environment value that the profile cannot hold: not migrated (the base value applies)');
    } else {
      note(path, where, row.status, row.target, row.wire);
    }
  };
  const bad = (path: string[], where: Position, expected: string): void => note(path, where, 'warning', `not understood (expected ${expected}): not migrated`);
  if (node.kind !== 'map') return settings;
  for (const item of node.entries) {
    const value = item.value;
    const where = item.at;
    switch (item.key) {
      case 'name':
      case 'type':
        if (environment === undefined) break;
        skip([item.key], where);
        break;
      case 'image': {
        if (value.kind !== 'map') {
          bad(['image'], where, 'a map');
          break;
        }
        for (const sub of value.entries) {
          const path = ['image', sub.key];
          if (environment !== undefined && sub.key !== 'location') {
            skip(path, sub.at);
            continue;
          }
          if (sub.key === 'location') {
            const location = text(sub.value);
            if (location === undefined) bad(path, sub.at, 'an image reference');
            else if (environment !== undefined) skip(path, sub.at);
            else settings.imageLocation = {value: location, at: sub.at};
          } else if (
            sub.key === 'build' ||
            sub.key === 'context' ||
            sub.key === 'dockerfile' ||
            sub.key === 'args' ||
            sub.key === 'target' ||
            sub.key === 'cache_from'
          ) {
            settings.imageBuild = settings.imageBuild ?? sub.at;
          } else if (sub.key === 'port') {
            const port = numberOf(sub.value);
            if (port === undefined || !Number.isInteger(port)) bad(path, sub.at, 'a port number');
            else settings.port = {value: port, at: sub.at};
          } else if (sub.key === 'healthcheck') {
            const check = healthCheckOf(sub.value);
            if (check === undefined) bad(path, sub.at, 'a command');
            else settings.healthCheck = {value: check, at: sub.at};
          } else if (sub.key === 'labels' && sub.value.kind === 'map') {
            settings.labels = Object.fromEntries(sub.value.entries.map((label) => [label.key, text(label.value) ?? '']));
          } else {
            skip(path, sub.at);
          }
        }
        break;
      }
      case 'cpu':
      case 'memory': {
        const amount = numberOf(value);
        if (amount === undefined || !Number.isInteger(amount)) bad([item.key], where, 'a number');
        else settings[item.key] = {value: amount, at: where};
        break;
      }
      case 'platform': {
        if (environment !== undefined) {
          skip(['platform'], where);
          break;
        }
        const platform = platformOf(value);
        if (platform === undefined)
          note(['platform'], where, 'unmapped', `${text(value) ?? 'this platform'} has no Fargate runtime platform in ecs-wizard: not migrated`);
        else settings.platform = {value: platform, at: where};
        break;
      }
      case 'count': {
        const count = numberOf(value);
        if (count !== undefined && Number.isInteger(count)) {
          settings.count = {value: count, at: where};
          break;
        }
        if (value.kind !== 'map') {
          bad(['count'], where, 'a number or a map');
          break;
        }
        // `range` and its targets become auto scaling; the range's minimum is the count (Copilot's own desiredCount).
        const noteCount: NoteAt = (path, position, status, message) => note(['count', ...path], position, status, message);
        if (environment !== undefined) {
          // Merged into the base's count map by readServiceManifest, field by field, as Copilot merges an override.
          const written = scalingOf(value, [...prefix, 'count'], noteCount, skip, true);
          if (written !== undefined) settings.scalingOverride = {value: written, at: where};
          break;
        }
        const scaling = scalingOf(value, [...prefix, 'count'], noteCount, skip) as CopilotScaling | undefined;
        if (scaling !== undefined) {
          settings.scaling = {value: scaling, at: where};
          settings.count = {value: scaling.min, at: where};
          note(['count'], where, 'info', `desiredCount ${scaling.min}: the range's minimum, as Copilot starts it`);
        }
        break;
      }
      case 'exec': {
        const exec = booleanOf(value) ?? (value.kind === 'map' ? true : undefined);
        if (exec === undefined) bad(['exec'], where, 'true or false');
        else settings.exec = {value: exec, at: where};
        break;
      }
      case 'variables':
        if (value.kind !== 'map') {
          bad(['variables'], where, 'a map');
          break;
        }
        for (const variable of value.entries) {
          const plain = text(variable.value);
          if (plain === undefined) {
            const fromCfn = text(at(variable.value, 'from_cfn'));
            if (fromCfn === undefined) note(['variables', variable.key], variable.at, 'unmapped', 'not a plain value: not migrated');
            else settings.cfnVariables[variable.key] = {value: fromCfn, at: variable.at};
            continue;
          }
          settings.variables[variable.key] = {value: plain, at: variable.at};
        }
        break;
      case 'secrets':
        if (value.kind !== 'map') {
          bad(['secrets'], where, 'a map');
          break;
        }
        for (const secret of value.entries) {
          const source = secretOf(secret.value);
          if (source === undefined) bad(['secrets', secret.key], secret.at, 'an SSM parameter name, secretsmanager: or from_cfn:');
          else settings.secrets[secret.key] = {value: source, at: secret.at};
        }
        break;
      case 'entrypoint':
      case 'command': {
        if (environment !== undefined) {
          skip([item.key], where);
          break;
        }
        const list = words(value);
        if (list === undefined) bad([item.key], where, 'a string or a list');
        else settings[item.key === 'entrypoint' ? 'entrypoint' : 'command'] = list;
        break;
      }
      case 'network': {
        if (value.kind !== 'map') {
          bad(['network'], where, 'a map');
          break;
        }
        for (const sub of value.entries) {
          if (sub.key === 'connect') {
            const connect = readConnect(sub.value, (path, position, message) => note(['network', 'connect', ...path], position, 'unmapped', message));
            if (connect === undefined) bad(['network', 'connect'], sub.at, 'true, false or alias:');
            else settings.connect = {value: connect, at: sub.at};
            continue;
          }
          if (sub.key !== 'vpc' || sub.value.kind !== 'map') {
            skip(['network', sub.key], sub.at);
            continue;
          }
          for (const vpc of sub.value.entries) {
            const path = ['network', 'vpc', vpc.key];
            if (vpc.key === 'placement') {
              const placement = text(vpc.value);
              if (placement === 'public' || placement === 'private') settings.placement = {value: placement, at: vpc.at};
              else note(path, vpc.at, 'unmapped', 'subnets named in the manifest: not migrated (the environment keeps its public or private subnets)');
            } else if (vpc.key === 'security_groups') {
              const groups = vpc.value.kind === 'seq' ? vpc.value : at(vpc.value, 'groups');
              const list = groups?.kind === 'seq' ? groups.items.map((group) => text(group) ?? '') : [];
              if (booleanOf(at(vpc.value, 'deny_default')) === true) {
                note([...path, 'deny_default'], vpc.at, 'unmapped', "deny_default: the environment's security group is kept");
              }
              settings.securityGroups = {value: list, at: vpc.at};
            } else {
              skip(path, vpc.at);
            }
          }
        }
        break;
      }
      case 'deployment': {
        const rolling = text(at(value, 'rolling'));
        if (rolling === 'recreate') settings.recreate = true;
        for (const sub of value.kind === 'map' ? value.entries : [])
          if (sub.key !== 'rolling' || environment !== undefined) skip(['deployment', sub.key], sub.at);
        break;
      }
      case 'environments':
        break;
      case 'http': {
        const http = readHttp(value, (path, position, status, message, wire) => note(['http', ...path], position, status, message, wire));
        if (http === undefined) bad(['http'], where, 'false or a map');
        else settings.http = {value: http, at: where};
        break;
      }
      case 'nlb': {
        const nlb = readNlb(value, where, (path, position, status, message, wire) => note(['nlb', ...path], position, status, message, wire));
        if (nlb === undefined) bad(['nlb'], where, 'a map with port:');
        else settings.nlb = {value: nlb, at: where};
        break;
      }
      default:
        skip([item.key], where);
    }
  }
  return settings;
}

/** A service manifest (`copilot/<svc>/manifest.yml`). */
export function readServiceManifest(file: string, folder: string, root: YamlNode): ServiceManifest {
  const notes: CopilotNote[] = [];
  const name = text(at(root, 'name')) ?? folder;
  const type = text(at(root, 'type')) ?? '';
  const base = readSettings(root, [], notes);
  const environments: ServiceManifest['environments'] = [];
  const overrides = entry(root, 'environments');
  if (overrides !== undefined && overrides.value.kind === 'map') {
    for (const environment of overrides.value.entries) {
      if (environment.value.kind !== 'map') continue;
      const settings = readSettings(environment.value, ['environments', environment.key], notes, environment.key);
      mergeCountOverride(base, settings, environment.key, notes);
      environments.push({name: environment.key, at: environment.at, settings});
    }
  }
  return {name, type, file, at: root.at, base, environments, notes};
}

/** An environment manifest (`copilot/environments/<env>/manifest.yml`). */
export function readEnvironmentManifest(file: string, folder: string, root: YamlNode): EnvironmentManifest {
  const notes: CopilotNote[] = [];
  const ids = (node: YamlNode | undefined): string[] =>
    node?.kind === 'seq' ? node.items.map((item) => text(at(item, 'id'))).filter((id): id is string => id !== undefined) : [];
  const walk = (node: YamlNode, path: string[]): void => {
    if (node.kind !== 'map') return;
    for (const item of node.entries) {
      const here = [...path, item.key];
      const row = classify('environment', here);
      if (row?.status === 'mapped') {
        if (row.field.split('.').length > here.length) walk(item.value, here);
        continue;
      }
      // A map that holds a mapped field further down (network, network.vpc) is walked; anything else is noted.
      const deeper = here.join('.') === 'network' || here.join('.') === 'network.vpc' || here.join('.') === 'network.vpc.subnets';
      if (deeper) walk(item.value, here);
      else notes.push({at: item.at, field: here.join('.'), status: row?.status ?? 'unmapped', message: row?.target ?? 'no counterpart in ecs-wizard'});
    }
  };
  walk(root, []);
  const vpcId = text(at(root, 'network', 'vpc', 'id'));
  return {
    name: text(at(root, 'name')) ?? folder,
    file,
    ...(vpcId === undefined ? {} : {vpcId}),
    publicSubnets: ids(at(root, 'network', 'vpc', 'subnets', 'public')),
    privateSubnets: ids(at(root, 'network', 'vpc', 'subnets', 'private')),
    notes,
  };
}

/** The application a `.workspace` file names. */
export const workspaceApplication = (root: YamlNode): string | undefined => text(at(root, 'application'));
