/**
 * The Copilot migration as plain lines and as JSON: what was found, what each service becomes, every field that
 * is not mapped (yet) with its file and line, what AWS said, and for each environment that runs whether the profile
 * renders what runs. Raw text: the writer cleans each line (report/sanitize.ts).
 */
import type {SeparatedEnvironment} from '../domain/import/copilot/environment-variants.js';
import type {CopilotMigration} from '../domain/import/copilot/build.js';
import type {EnvironmentCheck} from '../domain/import/copilot/check.js';
import type {CopilotNote} from '../domain/import/copilot/manifest.js';
import {formatPosition} from '../domain/import/copilot/yaml.js';
import type {JsonObject} from '../domain/json.js';
import type {LiveComparison} from '../operations/import-copilot.js';

export interface CopilotReport {
  folder: string;
  migration: CopilotMigration;
  /** undefined: AWS was not asked (--offline). */
  aws?: {read: string[]; gaps: string[]};
  live: LiveComparison[];
  /** The validator's verdict on each profile, per environment (by service). */
  checks: Record<string, EnvironmentCheck[]>;
  saved?: {created: string[]; replaced: string[]; separated?: SeparatedEnvironment[]};
  /** Profiles of the application the workspace has no service for. */
  others: string[];
}

const HEADINGS: Array<[CopilotNote['status'], string]> = [
  ['later', 'not mapped yet (waits for its counterpart)'],
  ['unmapped', 'not mapped'],
  ['warning', 'to look at'],
  ['info', 'notes'],
];

const noteLine = (note: CopilotNote): string =>
  `${formatPosition(note.at)}  ${note.field}${note.environment === undefined ? '' : ` [${note.environment}]`}: ${note.message}${note.wire === undefined ? '' : ` (→ ${note.wire})`}`;

function noteBlock(notes: readonly CopilotNote[], indent: string): string[] {
  const lines: string[] = [];
  for (const [status, heading] of HEADINGS) {
    const group = notes.filter((note) => note.status === status);
    if (group.length === 0) continue;
    lines.push(`${indent}${heading}:`, ...group.map((note) => `${indent}  ${noteLine(note)}`));
  }
  return lines;
}

/** The report, line by line. */
export function copilotReportLines(report: CopilotReport): string[] {
  const {migration} = report;
  const lines: string[] = [
    `Copilot workspace ${report.folder} · application ${migration.application} · environments ${migration.environments.join(', ') || '(none)'}`,
  ];
  if (report.aws === undefined) lines.push('AWS: not asked (--offline): clusters, subnets, roles and the live services are not known');
  else {
    for (const line of report.aws.read) lines.push(`AWS read: ${line}`);
    for (const line of report.aws.gaps) lines.push(`AWS could not learn: ${line}`);
  }
  if (migration.networks.length > 0 || migration.notes.length > 0) {
    lines.push('', 'Environment manifests');
    for (const network of migration.networks) {
      const subnets = (label: string, ids: string[]): string => (ids.length === 0 ? '' : ` · ${label} subnets ${ids.join(',')}`);
      lines.push(
        `  ${network.name} (${network.file}): ${network.vpcId === undefined ? 'a VPC Copilot created (its subnets are the stack’s outputs)' : `VPC ${network.vpcId}`}${subnets('public', network.publicSubnets)}${subnets('private', network.privateSubnets)}`,
      );
    }
    lines.push(...noteBlock(migration.notes, '  '));
  }
  for (const plan of migration.services) {
    lines.push('', `${plan.name} (${plan.type || 'no type'}, ${plan.file})`, `  → ${plan.becomes}`);
    const profile = plan.profile;
    if (profile !== undefined) {
      for (const environment of profile.environments) {
        const network = environment.network;
        lines.push(
          `  ${environment.name}: ${environment.region} · cluster ${environment.cluster} · subnets ${network?.subnets.join(',') || '-'} · security groups ${network?.securityGroups.join(',') || '-'} · public IP ${network?.assignPublicIp === true ? 'yes' : 'no'}${environment.executionRoleArn === undefined ? '' : ` · role ${environment.executionRoleArn}`}`,
        );
      }
    }
    lines.push(...noteBlock(plan.notes, '  '));
    for (const check of report.checks[plan.name] ?? []) {
      if (check.errors.length > 0) {
        lines.push(
          `  ${check.environment}: the validator refuses it:`,
          ...check.errors.map((issue) => `    ${issue.path === '' ? '' : `${issue.path}: `}${issue.message}`),
        );
      } else if (check.missing.length > 0) lines.push(`  ${check.environment}: does not render until these are set: ${check.missing.join(', ')}`);
      else lines.push(`  ${check.environment}: renders, and passes the validator`);
    }
    for (const comparison of report.live.filter((item) => item.service === plan.name)) {
      const tag = comparison.tag === undefined ? '' : ` (tag ${comparison.tag})`;
      if (comparison.outcome === 'same') lines.push(`  ${comparison.environment}${tag}: no differences: the profile renders what runs`);
      else if (comparison.outcome === 'failed')
        lines.push(
          `  ${comparison.environment}${tag}: could not compare: ${comparison.lines[0] ?? ''}`,
          ...comparison.lines.slice(1).map((line) => `    ${line}`),
        );
      else
        lines.push(
          `  ${comparison.environment}${tag}: ${comparison.lines.length} differences from what runs:`,
          ...comparison.lines.map((line) => `    ${line}`),
        );
    }
  }
  if (report.others.length > 0) {
    lines.push('', `Profiles of ${migration.application} with no service in the workspace (left as they are): ${report.others.join(', ')}`);
  }
  if (report.saved !== undefined) lines.push('', ...savedLines(report.saved));
  return lines;
}

/** What was saved, and what to do next. */
export function savedLines(saved: NonNullable<CopilotReport['saved']>): string[] {
  const lines: string[] = [];
  if (saved.created.length > 0) lines.push(`Saved: ${saved.created.join(', ')}`);
  if (saved.replaced.length > 0) lines.push(`Replaced: ${saved.replaced.join(', ')}`);
  for (const item of saved.separated ?? [])
    lines.push(
      `${item.service} uses the application environment ${item.as}: in Copilot's ${item.environment} its settings differ from the first service's (${item.fields.join(', ')}), and an application environment holds one of each (deploy it with --env ${item.as})`,
    );
  if (saved.created.length + saved.replaced.length === 0) lines.push('Nothing to save: no service became a profile');
  else lines.push('Next: ecs-wizard diff PROFILE --env ENV (no change expected where it says so above), then ecs-wizard deploy PROFILE --env ENV --tag TAG');
  return lines;
}

const noteJson = (note: CopilotNote): JsonObject => ({
  file: note.at.file,
  line: note.at.line,
  column: note.at.column,
  field: note.field,
  status: note.status,
  message: note.message,
  ...(note.wire === undefined ? {} : {wire: note.wire}),
  ...(note.environment === undefined ? {} : {environment: note.environment}),
});

/** The report as JSON (`--json`). */
export function copilotReportJson(report: CopilotReport): JsonObject {
  const {migration} = report;
  return {
    folder: report.folder,
    application: migration.application,
    environments: migration.environments,
    networks: migration.networks.map((network) => ({...network})),
    aws: report.aws === undefined ? null : {read: report.aws.read, gaps: report.aws.gaps},
    notes: migration.notes.map(noteJson),
    services: migration.services.map((plan) => ({
      name: plan.name,
      type: plan.type,
      file: plan.file,
      becomes: plan.becomes,
      profile: plan.profile === undefined ? null : plan.profile.name,
      notes: plan.notes.map(noteJson),
      checks: (report.checks[plan.name] ?? []).map((check) => ({
        environment: check.environment,
        missing: check.missing,
        errors: check.errors.map((issue) => ({path: issue.path, message: issue.message})),
      })),
      live: report.live
        .filter((item) => item.service === plan.name)
        .map((item) => ({environment: item.environment, outcome: item.outcome, ...(item.tag === undefined ? {} : {tag: item.tag}), lines: item.lines})),
    })),
    others: report.others,
    saved:
      report.saved === undefined
        ? null
        : {
            created: report.saved.created,
            replaced: report.saved.replaced,
            separated: (report.saved.separated ?? []).map((item) => ({
              service: item.service,
              environment: item.environment,
              as: item.as,
              fields: [...item.fields],
            })),
          },
  };
}
