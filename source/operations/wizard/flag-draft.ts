/**
 * The answers `ecs-wizard init`'s flags give, being filled: every question lands its own flags here
 * (Question.fromFlags), in the order of the questions. A flag's value is checked with the same function the
 * question's prompt uses; a problem names the flag and says how to write it. Pure: the files that flags name
 * (FlagSpec.readsFile) are read by init and handed in as text.
 */
import {formatIssueLocation, type Issue} from '../../domain/issues.js';
import type {WizardAnswers} from '../../domain/wizard-answers.js';
import type {ArtifactServer} from '../../domain/artifact-servers.js';
import type {Checked} from './answer-checks.js';

/** The flags as parsed from the command line. */
export type FlagValues = Readonly<Record<string, string | boolean | string[] | undefined>>;

export interface FlagFile {
  path: string;
  text: string;
}

export interface FlagProblem {
  flag: string;
  message: string;
  severity: 'error' | 'warning';
}

/** An infrastructure provisioner an environment is filled from. */
export interface ProvisionerSource {
  kind: 'cloudformation' | 'terraform';
  source: string;
}

export interface FlagDraft {
  /** Missing answers are asked later (a terminal, no --yes); otherwise the defaults are taken. */
  readonly interactive: boolean;
  /** The configured region (AWS_REGION…), the default of an environment's region without a terminal. */
  readonly defaultRegion: string | undefined;
  /** A flag of an environment question was given: the environments are then made from the flags. */
  readonly environmentFlags: boolean;
  answers: WizardAnswers;
  /** Steps the flags answer: refKey → the flag (the wizard skips them, showing the flag). */
  readonly given: Record<string, string>;
  readonly choices: Record<string, string>;
  readonly problems: FlagProblem[];
  /** Notes to print (what an import replaced, what a default was). */
  readonly notes: string[];
  /** --image was an ECR repository name (not a URI): init looks its URI up in ECR. */
  ecrRepositoryName?: string;
  /** --cfn-stack / --tf-state per environment index (init reads their outputs). */
  readonly provisioners: Array<ProvisionerSource | undefined>;
  /** The application's artifact servers (init reads them first when --artifact-server is given). */
  readonly artifactServers?: ReadonlyArray<ArtifactServer & {services: string[]}>;
  /** The IAM changes the flags ask for and allow. */
  readonly iam: {applyIam: boolean; createRole: boolean};
  /** A string flag's value (the first, for a flag given several times). */
  value(flag: string): string | undefined;
  /** Every value of a flag (none when it was not given). */
  values(flag: string): string[];
  /** A boolean flag was given. */
  isSet(flag: string): boolean;
  /** The file a `readsFile` flag names, read. */
  file(flag: string): FlagFile | undefined;
  /** `text` (a value of --flag) checked: the value, or undefined with the problem recorded (and a note kept). */
  take<T>(flag: string, text: string | undefined, check: (text: string) => Checked<T>): T | undefined;
  /** Records an error; `flag` as shown: `--image`. */
  fail(flag: string, message: string): void;
  /** Issues found in a flag's file, as problems of `where` (`--container-spec FILE`). */
  issues(where: string, issues: readonly Issue[]): void;
}

export function createFlagDraft(
  values: FlagValues,
  files: Readonly<Record<string, FlagFile>>,
  context: {interactive: boolean; defaultRegion?: string; environmentFlags: boolean; artifactServers?: ReadonlyArray<ArtifactServer & {services: string[]}>},
): FlagDraft {
  const draft: FlagDraft = {
    ...(context.artifactServers === undefined ? {} : {artifactServers: context.artifactServers}),
    interactive: context.interactive,
    defaultRegion: context.defaultRegion,
    environmentFlags: context.environmentFlags,
    answers: {},
    given: {},
    choices: {},
    problems: [],
    notes: [],
    provisioners: [],
    iam: {applyIam: false, createRole: false},
    value(flag) {
      const value = values[flag];
      return typeof value === 'string' ? value : Array.isArray(value) ? value[0] : undefined;
    },
    values(flag) {
      const value = values[flag];
      return Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
    },
    isSet: (flag) => values[flag] === true,
    file: (flag) => files[flag],
    take(flag, text, check) {
      if (text === undefined) return undefined;
      const checked = check(text);
      if (!checked.ok) {
        draft.fail(`--${flag}`, checked.message);
        return undefined;
      }
      if (checked.note) draft.notes.push(checked.note);
      return checked.value;
    },
    fail(flag, message) {
      draft.problems.push({flag, message, severity: 'error'});
    },
    issues(where, issues) {
      for (const issue of issues) {
        if (issue.severity === 'info') continue;
        draft.problems.push({
          flag: where,
          severity: issue.severity === 'error' ? 'error' : 'warning',
          message: `${formatIssueLocation(issue)}: ${issue.message}${issue.fix ? ` (${issue.fix})` : ''}`,
        });
      }
    },
  };
  return draft;
}
