/**
 * Applications and environments as text (`apps list|show`, `env list|add|edit|rm`) and as JSON. Names and values
 * typed by people or read from outside are cleaned here, where they are shown.
 */
import type {ApplicationEnvironment, ApplicationEnvironmentField} from '../domain/applications.js';
import {appRunOutcomeText, appRunServiceText, type AppRunRecord} from '../domain/deploy/app-run-record.js';
import type {ApplicationView, EnvironmentChange} from '../ports/profile-store.js';
import {sanitize} from './sanitize.js';
import {serverLines} from './server-text.js';
import type {Style} from './style.js';

function table(header: string[], rows: string[][], style: Style): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]): string => cells.map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column]!))).join('  ');
  return `${[style.bold(line(header)), ...rows.map((row) => sanitize(line(row)))].join('\n')}\n`;
}

const names = (items: readonly string[]): string => (items.length === 0 ? '-' : items.join(','));

export function applicationTable(applications: readonly ApplicationView[], style: Style): string {
  if (applications.length === 0) return 'No applications yet: ecs-wizard init creates one.\n';
  const rows = applications.map((application) => [
    application.name,
    names(application.services.map((service) => service.profile)),
    names(application.environments.map((environment) => environment.name)),
  ]);
  return table(['APPLICATION', 'SERVICES (PROFILES)', 'ENVIRONMENTS'], rows, style);
}

/** `us-east-1 / web-staging (FARGATE) subnets subnet-1,subnet-2 sg sg-1 public IP, role …`. */
export function environmentLabel(environment: ApplicationEnvironment): string {
  const network = environment.network
    ? ` subnets ${names(environment.network.subnets)} sg ${names(environment.network.securityGroups)}${environment.network.assignPublicIp ? ' public IP' : ''}`
    : '';
  const role = environment.executionRoleArn === undefined ? '' : ` role ${environment.executionRoleArn}`;
  return `${environment.region} / ${environment.cluster} (${environment.launchType})${network}${role}`;
}

export function applicationLines(application: ApplicationView, style: Style): string[] {
  const lines = [style.bold(sanitize(`Application  ${application.name}`)), 'Environments'];
  if (application.environments.length === 0) lines.push('  none (ecs-wizard env add NAME --app APP …)');
  for (const environment of application.environments) {
    lines.push(sanitize(`  ${environment.name}: ${environmentLabel(environment)}`));
    lines.push(sanitize(`    used by ${environment.services.length === 0 ? 'no service' : environment.services.join(', ')}`));
    if (environment.provisioner !== undefined) {
      const source =
        environment.provisioner.kind === 'cloudformation'
          ? `CloudFormation stack ${environment.provisioner.stack}`
          : `Terraform state ${environment.provisioner.path}`;
      lines.push(sanitize(`    filled from ${source}`));
    }
    if (environment.note !== undefined) lines.push(style.dim(sanitize(`    note: ${environment.note}`)));
  }
  if (application.artifactServers.length > 0) lines.push('Artifact servers');
  for (const server of application.artifactServers) lines.push(...serverLines(server));
  lines.push('Services');
  if (application.services.length === 0) lines.push('  none');
  for (const service of application.services) {
    lines.push(sanitize(`  ${service.profile} (service ${service.service}): ${names(service.environments)}`));
  }
  lines.push(...appRunLines(application.runs ?? [], style));
  return lines;
}

/** How many whole-application runs `apps show` lists (the store keeps more). */
export const SHOWN_APP_RUNS = 5;

/** The last whole-application runs, newest first: when, where, the outcome, and each service in the plan's order. */
export function appRunLines(runs: readonly AppRunRecord[], style: Style): string[] {
  if (runs.length === 0) return [];
  const shown = runs.slice(-SHOWN_APP_RUNS).reverse();
  const lines = [`Whole-application runs (${shown.length === runs.length ? runs.length : `last ${shown.length} of ${runs.length}`}, newest first)`];
  for (const run of shown) {
    const when = `${run.startedAt}${run.finishedAt === undefined ? '' : ` → ${run.finishedAt}`}`;
    const head = sanitize(
      `  ${when}  ${run.environment}${run.simulated === true ? ' (simulated)' : ''}: ${appRunOutcomeText(run)}${run.reason === undefined ? '' : ` — ${run.reason}`}`,
    );
    lines.push(run.outcome === 'deployed' ? style.green(head) : run.outcome === undefined ? style.yellow(head) : style.red(head));
    const order = [...run.services].sort((a, b) => run.order.indexOf(a.service) - run.order.indexOf(b.service));
    for (const item of order) lines.push(sanitize(`    ${appRunServiceText(item)}`));
    if (run.settledAt !== undefined) lines.push(style.dim(sanitize(`    settled by watch --app at ${run.settledAt}`)));
  }
  return lines;
}

export interface EnvironmentRow extends ApplicationEnvironment {
  application: string;
  services: string[];
}

export function environmentRows(applications: readonly ApplicationView[]): EnvironmentRow[] {
  return applications.flatMap((application) => application.environments.map((environment) => ({application: application.name, ...environment})));
}

export function environmentTable(rows: readonly EnvironmentRow[], style: Style): string {
  if (rows.length === 0) return 'No environments yet.\n';
  return table(
    ['APPLICATION', 'ENVIRONMENT', 'REGION', 'CLUSTER', 'LAUNCH', 'SERVICES'],
    rows.map((row) => [row.application, row.name, row.region, row.cluster, row.launchType, names(row.services)]),
    style,
  );
}

const FIELD_NAMES: Record<ApplicationEnvironmentField, string> = {
  region: 'region',
  cluster: 'cluster',
  launchType: 'launch type',
  network: 'network',
  executionRoleArn: 'execution role',
  provisioner: 'provisioner',
};

/** What a change to an environment changed, and for which services. */
export function changeLines(change: EnvironmentChange, before: ApplicationEnvironment, after: ApplicationEnvironment): string[] {
  const where = `environment ${change.environment} of application ${change.application}`;
  if (change.fields.length === 0) return [sanitize(`Nothing changed in ${where}.`)];
  const lines = [sanitize(`Changed ${where}:`)];
  lines.push(sanitize(`  was ${environmentLabel(before)}`));
  lines.push(sanitize(`  now ${environmentLabel(after)}`));
  lines.push(`  (${change.fields.map((field) => FIELD_NAMES[field]).join(', ')})`);
  lines.push(
    sanitize(
      change.services.length === 0
        ? 'No service uses it yet.'
        : `Affects ${change.services.length} service${change.services.length === 1 ? '' : 's'}: ${change.services.join(', ')}.`,
    ),
  );
  return lines;
}

/** The question asked before an edit that reaches services. */
export function affectsQuestion(change: {environment: string; services: readonly string[]}): string {
  return sanitize(
    `Change ${change.environment} for ${change.services.length} service${change.services.length === 1 ? '' : 's'} (${change.services.join(', ')})?`,
  );
}
