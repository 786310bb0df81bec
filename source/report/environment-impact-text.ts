/**
 * What an environment change does to each service that uses it (domain/environment-impact.ts) as text and as JSON:
 * per service, the rendered task definition and service before → after (the field-aware diff, secrets masked), and
 * what the change breaks (the validator's errors, each naming its field). Names and values are cleaned here.
 */
import {renderDiffJson, renderDiffText} from '../domain/diff-render.js';
import type {ServiceImpact} from '../domain/environment-impact.js';
import {breaking} from '../domain/environment-impact.js';
import {formatIssueLocation, type Issue} from '../domain/issues.js';
import type {JsonObject} from '../domain/json.js';
import {InputError} from '../errors.js';
import {sanitize} from './sanitize.js';

const issueLine = (issue: Issue): string => `${formatIssueLocation(issue)}: ${issue.message}${issue.fix === undefined ? '' : ` (${issue.fix})`}`;
const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

/** Per service: what changes in what it renders, and what the change breaks (plain: every line is cleaned, colour would be taken out). */
export function impactLines(impacts: readonly ServiceImpact[], options: {width: number}): string[] {
  const lines: string[] = [];
  for (const impact of impacts) {
    const already = impact.alreadyFailing > 0 ? ` (${plural(impact.alreadyFailing, 'error')} it already had before this change not counted)` : '';
    if (impact.breaks.length > 0) {
      lines.push(sanitize(`${impact.profile}: would no longer render in ${impact.environment}${already}:`));
      for (const issue of impact.breaks) lines.push(sanitize(`  error: ${issueLine(issue)}`));
      continue;
    }
    if (impact.diff === undefined) {
      lines.push(sanitize(`${impact.profile}: does not render in ${impact.environment}, before or after this change${already}`));
      continue;
    }
    if (impact.diff.impact === 'none') {
      lines.push(sanitize(`${impact.profile}: renders the same`));
      continue;
    }
    lines.push(sanitize(`${impact.profile}:`));
    const text = renderDiffText(impact.diff, {width: Math.max(20, options.width - 2), color: false});
    for (const line of text.split('\n')) lines.push(`  ${sanitize(line)}`);
  }
  return lines;
}

/** The same as JSON (the diff masked as `diff --json` masks it). */
export function impactJson(impacts: readonly ServiceImpact[]): JsonObject[] {
  return impacts.map((impact) => ({
    profile: impact.profile,
    service: impact.service,
    environment: impact.environment,
    breaks: impact.breaks.map((issue) => ({
      path: issue.path,
      source: issue.source,
      code: issue.code,
      message: issue.message,
      ...(issue.fix ? {fix: issue.fix} : {}),
    })),
    alreadyFailing: impact.alreadyFailing,
    ...(impact.diff === undefined ? {} : {diff: renderDiffJson(impact.diff)}),
  }));
}

/**
 * The refusal (exit 2, nothing saved) of a change that breaks a service: names each service, the environment, and
 * each rule with its field.
 */
export function breakingError(what: string, impacts: readonly ServiceImpact[]): InputError {
  const broken = breaking(impacts);
  const lines = broken.flatMap((impact) => impact.breaks.map((issue) => `  ${impact.profile} in ${impact.environment}: ${issueLine(issue)}`));
  return new InputError(
    sanitize(
      `${what} would break ${plural(broken.length, 'service')} (${broken.map((impact) => impact.profile).join(', ')}); nothing was saved:\n${lines.join('\n')}`,
    ),
    'change the value, or fix the services first; --force saves it anyway (those services then fail to render, verify and deploy until fixed)',
  );
}

/** After a forced save: which services will now fail (each one's errors are listed above it). */
export function forcedLines(impacts: readonly ServiceImpact[]): string[] {
  const broken = breaking(impacts);
  if (broken.length === 0) return [];
  const names = broken.map((impact) => impact.profile).join(', ');
  return [sanitize(`Saved with --force: ${names} will now fail to render, verify and deploy in ${broken[0]!.environment} until fixed.`)];
}
