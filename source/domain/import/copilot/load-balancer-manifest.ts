/**
 * A service manifest's `http` (an Application Load Balancer listener rule: copilot-cli manifest.HTTP / RoutingRule),
 * `nlb` (a Network Load Balancer listener: manifest.NetworkLoadBalancerConfiguration) and `network.connect`
 * (Service Connect: manifest.ServiceConnectBoolOrArgs), read with their positions. What ends up in the profile is
 * the service's side of the wiring (which container and port take the traffic, the health check grace period);
 * the listener rule and the target group stay in Copilot's service stack, so each of their fields is noted by the
 * mapping table's row (and, with AWS access, compared with what ELB has: copilot/load-balancer.ts). Pure.
 */
import type {Located} from './types.js';
import {classify, type MappingStatus, type Wire} from './mapping.js';
import {at, booleanOf, durationSeconds, numberOf, text, type Position, type YamlNode} from './yaml.js';

/** The target group's health check as the manifest writes it (`http.healthcheck`: a path, or a map). */
export interface TargetHealthCheck {
  path?: string;
  successCodes?: string;
  healthyThreshold?: number;
  unhealthyThreshold?: number;
  interval?: number;
  timeout?: number;
  /** Seconds: the ECS service's healthCheckGracePeriodSeconds. */
  gracePeriod?: number;
}

export interface CopilotHttp {
  /** The keys written (an empty map is no ALB for Copilot). */
  keys: string[];
  path?: Located<string>;
  /** `http.alias`: the domain names the listener rule answers (its host-header). */
  alias?: Located<string[]>;
  targetContainer?: Located<string>;
  targetPort?: Located<number>;
  healthCheck?: Located<TargetHealthCheck>;
}

export interface CopilotNlb {
  /** `80/tcp`, `443/tls`: the listener's port and protocol (the target port defaults to it). */
  port: Located<{port: number; protocol: string}>;
  targetContainer?: Located<string>;
  targetPort?: Located<number>;
  healthCheck?: Located<TargetHealthCheck>;
}

export interface CopilotConnect {
  /** `network.connect.alias`: the DNS name clients use (default: the service's name). */
  alias?: Located<string>;
}

export type LbNote = (path: string[], where: Position, status: MappingStatus | 'warning', message: string, wire?: Wire) => void;

const MAPPED_HERE = new Set(['target_container', 'target_port', 'healthcheck.grace_period']);

/** A field that stays in Copilot's stack: noted with its table row (or as having no counterpart). */
function noteByTable(root: 'http' | 'nlb', path: string[], where: Position, note: LbNote): void {
  const row = classify('service', [root, ...path]);
  if (row === undefined || row.field === root) note(path, where, 'unmapped', "stays in Copilot's service stack: not migrated");
  else if (row.status !== 'mapped') note(path, where, row.status, row.target, row.wire);
}

function healthCheckOf(node: YamlNode, where: Position, root: 'http' | 'nlb', note: LbNote): TargetHealthCheck {
  const plain = text(node);
  if (plain !== undefined) {
    noteByTable(root, ['healthcheck'], where, note);
    return {path: plain};
  }
  const check: TargetHealthCheck = {};
  if (node.kind !== 'map') return check;
  for (const item of node.entries) {
    const value = item.value;
    const seconds = durationSeconds(text(value));
    if (item.key === 'path' && text(value) !== undefined) check.path = text(value)!;
    else if (item.key === 'success_codes' && text(value) !== undefined) check.successCodes = text(value)!;
    else if (item.key === 'healthy_threshold' && numberOf(value) !== undefined) check.healthyThreshold = numberOf(value)!;
    else if (item.key === 'unhealthy_threshold' && numberOf(value) !== undefined) check.unhealthyThreshold = numberOf(value)!;
    else if (item.key === 'interval' && seconds !== undefined) check.interval = seconds;
    else if (item.key === 'timeout' && seconds !== undefined) check.timeout = seconds;
    else if (item.key === 'grace_period' && seconds !== undefined) check.gracePeriod = seconds;
    if (!MAPPED_HERE.has(`healthcheck.${item.key}`)) noteByTable(root, ['healthcheck', item.key], item.at, note);
  }
  return check;
}

/** `http: false`, or the map (undefined: not understood). */
export function readHttp(node: YamlNode, note: LbNote): CopilotHttp | false | undefined {
  if (booleanOf(node) === false) return false;
  if (node.kind !== 'map') return undefined;
  const http: CopilotHttp = {keys: node.entries.map((item) => item.key)};
  for (const item of node.entries) {
    const value = item.value;
    if (item.key === 'path' && text(value) !== undefined) {
      http.path = {value: text(value)!, at: item.at};
      noteByTable('http', ['path'], item.at, note);
    } else if (item.key === 'alias') {
      // A name, a list of names, or names with their hosted zones (`{name, hosted_zone}`): compared with the rule's host-header.
      const items = value.kind === 'seq' ? value.items : [value];
      const names = items.map((alias) => text(alias) ?? text(at(alias, 'name'))).filter((name): name is string => name !== undefined);
      if (names.length > 0) http.alias = {value: names, at: item.at};
      noteByTable('http', ['alias'], item.at, note);
    } else if (item.key === 'target_container' && text(value) !== undefined) {
      http.targetContainer = {value: text(value)!, at: item.at};
    } else if (item.key === 'target_port' && Number.isInteger(numberOf(value))) {
      http.targetPort = {value: numberOf(value)!, at: item.at};
    } else if (item.key === 'healthcheck') {
      http.healthCheck = {value: healthCheckOf(value, item.at, 'http', note), at: item.at};
    } else {
      noteByTable('http', [item.key], item.at, note);
    }
  }
  return http;
}

/** The `nlb` map (undefined without a readable `port`). */
export function readNlb(node: YamlNode, where: Position, note: LbNote): CopilotNlb | undefined {
  if (node.kind !== 'map') return undefined;
  const written = /^\s*(\d+)(?:\/(tcp|udp|tls|tcp_udp))?\s*$/i.exec(text(at(node, 'port')) ?? '');
  if (written === null) return undefined;
  const portAt = node.entries.find((item) => item.key === 'port')?.at ?? where;
  const nlb: CopilotNlb = {port: {value: {port: Number(written[1]), protocol: (written[2] ?? 'tcp').toUpperCase()}, at: portAt}};
  for (const item of node.entries) {
    const value = item.value;
    if (item.key === 'port') continue;
    if (item.key === 'target_container' && text(value) !== undefined) nlb.targetContainer = {value: text(value)!, at: item.at};
    else if (item.key === 'target_port' && Number.isInteger(numberOf(value))) nlb.targetPort = {value: numberOf(value)!, at: item.at};
    else if (item.key === 'healthcheck') nlb.healthCheck = {value: healthCheckOf(value, item.at, 'nlb', note), at: item.at};
    else noteByTable('nlb', [item.key], item.at, note);
  }
  return nlb;
}

/** `network.connect`: true / false, or `{alias: NAME}`. */
export function readConnect(node: YamlNode, note: (path: string[], where: Position, message: string) => void): CopilotConnect | false | undefined {
  const flag = booleanOf(node);
  if (flag !== undefined) return flag ? {} : false;
  if (node.kind !== 'map') return undefined;
  const connect: CopilotConnect = {};
  for (const item of node.entries) {
    const alias = text(item.value);
    if (item.key === 'alias' && alias !== undefined) connect.alias = {value: alias, at: item.at};
    else note([item.key], item.at, 'no counterpart in ecs-wizard: not migrated');
  }
  return connect;
}
