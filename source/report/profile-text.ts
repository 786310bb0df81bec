import type {Profile} from '../domain/model.js';
import type {ProfileSummary, RunSummary} from '../domain/profile-summary.js';
import {describeProvisioner} from '../domain/provisioner.js';
import {sanitize} from './sanitize.js';
import {describeAutoScaling} from '../domain/auto-scaling.js';
import {formatCapacityStrategy} from '../domain/capacity.js';
import type {Style} from './style.js';

/** The artifact as a person reads it: `registry.hub.docker.com/library/nginx:stable-perl` (`nginx (latest)` when imported without a tag). */
export function artifactLabel(profile: Profile): string {
  const {host, image, tag, implicitLatest} = profile.service.artifact;
  const path = host === '' ? image : `${host}/${image}`;
  if (!tag) return path;
  if (implicitLatest === true && tag === 'latest') return `${path} (latest)`;
  return tag.startsWith('sha256:') ? `${path}@${tag}` : `${path}:${tag}`;
}

export function lastRunLabel(profile: Profile): string {
  return runLabel(profile.runs.at(-1));
}

/** `deployed staging 1.4.2 2025-03-03 14:30`, or `never run`. */
export function runLabel(last: RunSummary | undefined): string {
  if (!last) return 'never run';
  return `${last.outcome} ${last.environment} ${last.tag} ${last.startedAt.slice(0, 16).replace('T', ' ')}${last.simulated ? ' (simulated)' : ''}`;
}

/** One line per profile, aligned. */
export function profileTable(profiles: readonly ProfileSummary[], style: Style): string {
  const rows = profiles.map((profile) => [
    profile.name,
    profile.application,
    profile.service,
    profile.launchType,
    profile.environments.join(',') || '-',
    runLabel(profile.lastRun),
  ]);
  const header = ['PROFILE', 'APPLICATION', 'SERVICE', 'LAUNCH', 'ENVIRONMENTS', 'LAST RUN'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column]!))).join('  ');
  return [style.bold(line(header)), ...rows.map((row) => sanitize(line(row)))].join('\n') + '\n';
}

/** The `profiles show` description: what the profile deploys, where, and what happened last. */
export function describeProfile(profile: Profile): string[] {
  const {service} = profile;
  const lines = [
    `Profile      ${profile.name}`,
    `Application  ${profile.application}`,
    `Service      ${service.name} (${service.launchType})${service.adopted === true ? ', adopted: deploys keep its settings (no defaults for new services)' : ''}`,
    `Artifact     ${artifactLabel(profile)} [${service.artifact.registry}]${service.artifact.server === undefined ? '' : ` from the application's server ${service.artifact.server}`}`,
    `Container    ${service.containerSpec.mode === 'form' ? 'simplified form' : 'advanced JSON'}`,
  ];
  const variables = Object.entries(service.variables);
  if (variables.length > 0) lines.push(`Variables    ${variables.map(([name, value]) => `${name}=${value}`).join(', ')}`);
  if (service.registryAuth) lines.push(`Registry auth ${service.registryAuth.credentialsSecretArn}`);
  if (service.autoScaling) lines.push(`Auto scaling ${describeAutoScaling(service.autoScaling)}`);
  lines.push(`Environments ${profile.environments.length === 0 ? 'none' : ''}`.trimEnd());
  for (const environment of profile.environments) {
    const network = environment.network
      ? ` subnets ${environment.network.subnets.join(',') || '-'} sg ${environment.network.securityGroups.join(',') || '-'}${environment.network.assignPublicIp ? ' public IP' : ''}`
      : '';
    lines.push(`  ${environment.name}: ${environment.region} / ${environment.cluster} (${environment.launchType})${network}`);
    if (environment.capacityProviderStrategy !== undefined)
      lines.push(`    capacity providers ${formatCapacityStrategy(environment.capacityProviderStrategy)}`);
    if (environment.autoScaling !== undefined) lines.push(`    auto scaling ${describeAutoScaling(environment.autoScaling)} (this environment's)`);
    const overrides = Object.entries(environment.overrides);
    if (overrides.length > 0) lines.push(`    overrides ${overrides.map(([name, value]) => `${name}=${value}`).join(', ')}`);
    const provisioner = environment.provisioner;
    if (provisioner !== undefined) {
      const fields = Object.entries(provisioner.outputs).map(([field, output]) => `${field} ← ${output}`);
      lines.push(
        `    from ${describeProvisioner(provisioner)}: ${fields.join(', ')} (read again: ecs-wizard env refresh ${profile.name} --env ${environment.name})`,
      );
    }
  }
  lines.push(`Last run     ${lastRunLabel(profile)}`);
  const deployment = profile.runs.at(-1)?.serviceDeploymentArn;
  if (deployment !== undefined) lines.push(`  ECS service deployment ${deployment} (watch judges this one)`);
  return lines.map(sanitize);
}
