/**
 * Complete answers → a Profile, with every problem: missing answers (by field: `init` names the flag to
 * supply), the profile schema, and the rendering of each environment (errors block saving; warnings are
 * shown). Pure: the time comes in.
 */
import type {Issue} from '../../domain/issues.js';
import type {Environment, LaunchType, NetworkMode, Profile, Service} from '../../domain/model.js';
import {PROFILE_NAME_PATTERN} from '../../domain/model.js';
import {profileSecretValueIssues} from '../../domain/profile-schema/secret-values-scan.js';
import type {EnvironmentAnswers, WizardAnswers} from '../../domain/wizard-answers.js';
import {parseJsonText} from '../../domain/json-text.js';
import {findPlaceholders} from '../../domain/placeholders.js';
import type {RenderResult} from '../../domain/render.js';
import {renderAndValidate} from '../../domain/render-and-validate.js';
import {validateProfile} from '../../domain/profile-schema/profile.js';
import {bad, ok, type Checked} from './answer-checks.js';
import {artifactOf, needsRegistryAuth} from './artifact.js';
import {containerSpecOf, taskNetworkMode, usesExecutionRolePlaceholder} from './container-spec.js';
import {discoveryRule} from './discovery.js';
import {provisionerOf} from './provisioner-outputs.js';
import {composeServiceSpec} from './service-spec.js';

/** Answer fields, for messages and for `init`'s flags (each question names the flag that gives its fields). */
export type AnswerField =
  | 'profileName'
  | 'application'
  | 'serviceName'
  | 'registry'
  | 'registryHost'
  | 'image'
  | 'tag'
  | 'launchType'
  | 'networkMode'
  | 'containerSpec'
  | 'containerForm'
  | 'containerEnv'
  | 'containerName'
  | 'strategy'
  | 'desiredCount'
  | 'serviceSpec'
  | 'discovery'
  | 'variables'
  | 'registryAuth'
  | 'executionRole'
  | 'environment'
  | 'environment.name'
  | 'environment.region'
  | 'environment.cluster'
  | 'environment.subnets'
  | 'environment.securityGroups'
  | 'environment.executionRole'
  | 'environment.overrides'
  | 'environment.capacity'
  | 'environment.autoScaling'
  | 'autoScaling';

export interface WizardProblem {
  field: AnswerField;
  /** Which environment (by index) an `environment.*` problem is about. */
  environment?: number;
  severity: 'error' | 'warning';
  message: string;
  fix?: string;
}

export function checkProfileName(text: string): Checked<string> {
  const name = text.trim();
  if (!PROFILE_NAME_PATTERN.test(name))
    return bad(`"${name}" cannot be a profile name: use letters, digits, - and _ (up to 64, starting with a letter or digit)`);
  return ok(name);
}

export function environmentOf(answers: EnvironmentAnswers, service: {launchType: LaunchType; networkMode: NetworkMode}, fallbackRole?: string): Environment {
  const launchType = answers.launchType ?? service.launchType;
  const environment: Environment = {
    name: answers.name ?? '',
    region: answers.region ?? '',
    cluster: answers.cluster ?? '',
    launchType,
    overrides: {...answers.overrides},
  };
  if (service.networkMode === 'awsvpc') {
    environment.network = {
      subnets: [...(answers.subnets ?? [])],
      securityGroups: [...(answers.securityGroups ?? [])],
      assignPublicIp: launchType === 'FARGATE' && answers.assignPublicIp === true,
    };
  }
  const role = answers.executionRoleArn ?? fallbackRole;
  if (role !== undefined && role !== '') environment.executionRoleArn = role;
  const provisioner = provisionerOf(answers.provisioner, environment);
  if (provisioner !== undefined) environment.provisioner = provisioner;
  if (answers.capacityProviderStrategy !== undefined && answers.capacityProviderStrategy.length > 0)
    environment.capacityProviderStrategy = answers.capacityProviderStrategy.map((item) => ({...item}));
  if (answers.autoScaling !== undefined)
    environment.autoScaling = {...answers.autoScaling, policies: answers.autoScaling.policies.map((policy) => ({...policy}))};
  return environment;
}

/** Config variables referenced in the specifications with no value (in the service's variables). */
export function missingVariables(answers: WizardAnswers): string[] {
  const names = new Set<string>();
  const texts = [answers.containerMode === 'json' ? answers.containerJson : undefined, composeServiceSpec(answers).text];
  for (const text of texts) {
    if (text === undefined) continue;
    const parsed = parseJsonText(text, 'containerSpec');
    if (parsed.value === undefined) continue;
    for (const use of findPlaceholders(parsed.value, parsed.unquoted)) {
      if (use.kind === 'serviceVariable' && use.variable !== undefined) names.add(use.variable);
    }
  }
  return [...names].filter((name) => answers.variables?.[name] === undefined).sort();
}

/**
 * The config variables an environment may override: the service's own and those the specifications use (an
 * override may give a value the service leaves out). Sorted.
 */
export function knownVariables(answers: WizardAnswers): string[] {
  return [...new Set([...Object.keys(answers.variables ?? {}), ...missingVariables(answers)])].sort();
}

/** An override of `name` is refused unless it is a known variable (it could never be used). */
export function checkOverrideName(name: string, answers: WizardAnswers): string | undefined {
  const known = knownVariables(answers);
  return known.includes(name) ? undefined : `${name} is not a config variable of this service (config variables: ${known.join(', ') || 'none'})`;
}

export function serviceOf(answers: WizardAnswers): Service | undefined {
  const artifact = artifactOf(answers);
  const containerSpec = containerSpecOf(answers);
  if (answers.serviceName === undefined || artifact === undefined || containerSpec === undefined || answers.launchType === undefined) return undefined;
  const service: Service = {
    name: answers.serviceName,
    artifact,
    launchType: answers.launchType,
    containerSpec,
    serviceSpec: composeServiceSpec(answers).text,
    variables: {...answers.variables},
  };
  if (answers.containerName !== undefined) service.containerName = answers.containerName;
  if (answers.autoScaling) service.autoScaling = {...answers.autoScaling, policies: answers.autoScaling.policies.map((policy) => ({...policy}))};
  if (answers.dependsOn !== undefined && answers.dependsOn.length > 0) service.dependsOn = [...answers.dependsOn];
  if (answers.registryAuth)
    service.registryAuth = answers.registryAuth.kmsKeyArn ? {...answers.registryAuth} : {credentialsSecretArn: answers.registryAuth.credentialsSecretArn};
  return service;
}

/** The profile name suggested at the end: the service name, made a valid profile name. */
export function suggestProfileName(answers: WizardAnswers, taken: readonly string[] = []): string {
  const base =
    (answers.serviceName ?? answers.application ?? 'my-service')
      .replace(/[^A-Za-z0-9_-]/g, '-')
      .replace(/^[^A-Za-z0-9]+/, '')
      .slice(0, 60) || 'my-service';
  if (!taken.includes(base)) return base;
  for (let index = 2; ; index += 1) if (!taken.includes(`${base}-${index}`)) return `${base}-${index}`;
}

/** What is still missing for a profile, as fields (init lists their flags). */
export function missingAnswers(answers: WizardAnswers): WizardProblem[] {
  const problems: WizardProblem[] = [];
  const need = (field: AnswerField, message: string, environment?: number): void => {
    problems.push(environment === undefined ? {field, severity: 'error', message} : {field, environment, severity: 'error', message});
  };
  if (answers.application === undefined) need('application', 'the application name is missing');
  if (answers.serviceName === undefined) need('serviceName', 'the service name is missing');
  if (answers.registry === 'registry' && answers.registryHost === undefined) need('registryHost', 'the private registry address is missing');
  if (answers.registry === 'ecr' && answers.registryHost === undefined && answers.image !== undefined)
    need('image', 'the ECR repository URI is missing (the repository name alone was given and ECR could not be asked)');
  if (answers.image === undefined) need('image', 'the image name is missing');
  if (answers.tag === undefined) need('tag', 'the default image tag is missing');
  if (answers.launchType === undefined) need('launchType', 'the launch type (EC2 or FARGATE) is missing');
  if (answers.containerMode === 'json' && answers.containerJson === undefined) need('containerSpec', 'the Advanced container specification (JSON) is missing');
  if (answers.discovery && answers.discovery.use === undefined) {
    const rule = discoveryRule(taskNetworkMode(answers), answers.discovery.recordTypes);
    if (rule === 'container') need('discovery', 'service discovery without awsvpc needs containerName and containerPort: the container port is missing');
  }
  if (needsRegistryAuth(answers) && answers.registryAuth === undefined)
    need('registryAuth', 'the private registry needs a Secrets Manager secret with its credentials (or --anonymous-registry, when it lets anyone pull)');
  const environments = answers.environments ?? [];
  if (environments.length === 0) need('environment', 'no environment: name at least one (where the service runs)');
  const networkMode = answers.launchType === undefined ? undefined : taskNetworkMode(answers);
  environments.forEach((environment, index) => {
    if (environment.name === undefined) need('environment.name', 'the environment name is missing', index);
    if (environment.region === undefined) need('environment.region', 'the region is missing', index);
    if (environment.cluster === undefined) need('environment.cluster', 'the cluster is missing', index);
    if (networkMode === 'awsvpc') {
      if ((environment.subnets ?? []).length === 0) need('environment.subnets', 'awsvpc needs subnets', index);
      if ((environment.securityGroups ?? []).length === 0) need('environment.securityGroups', 'awsvpc needs security groups', index);
    }
    if (usesExecutionRolePlaceholder(answers) && (environment.executionRoleArn ?? answers.executionRoleArn) === undefined) {
      need(
        'environment.executionRole',
        `the task execution role is missing (${answers.launchType === 'FARGATE' ? 'Fargate requires one' : 'the container specification uses ${EXECUTION_ROLE}'})`,
        index,
      );
    }
  });
  return problems;
}

export interface AssembledProfile {
  profile?: Profile;
  /** Missing answers and answers that do not validate. */
  problems: WizardProblem[];
  /** Rendering issues per environment name (paths, line/column). */
  issues: Record<string, Issue[]>;
}

/** Which answer a rendering issue is about (to send the person back to it). */
export function fieldOfIssue(issue: Issue, answers?: Pick<WizardAnswers, 'containerMode'>): AnswerField {
  if (issue.source === 'containerSpec') return answers?.containerMode === 'form' ? 'containerForm' : 'containerSpec';
  if (issue.source === 'serviceSpec') return issue.path.startsWith('serviceRegistries') ? 'discovery' : 'serviceSpec';
  if (issue.source === 'variables') return 'variables';
  if (issue.source === 'environment') {
    if (issue.path.startsWith('network.subnets')) return 'environment.subnets';
    if (issue.path.startsWith('network.securityGroups')) return 'environment.securityGroups';
    if (issue.path.startsWith('overrides')) return 'environment.overrides';
    if (issue.path.startsWith('executionRoleArn')) return 'environment.executionRole';
    if (issue.path.startsWith('capacityProviderStrategy')) return 'environment.capacity';
    return 'environment';
  }
  if (issue.path.startsWith('environments.') && issue.path.includes('.autoScaling')) return 'environment.autoScaling';
  if (issue.path.includes('autoScaling')) return 'autoScaling';
  if (issue.path.includes('registryAuth')) return 'registryAuth';
  if (issue.path.includes('containerName')) return 'containerName';
  if (issue.path.includes('artifact.tag')) return 'tag';
  if (issue.path.includes('artifact')) return 'image';
  return 'environment';
}

/**
 * The profile of complete answers, with every problem: missing answers, the profile schema, and the
 * rendering of each environment (errors block saving; warnings are shown).
 */
export function assembleProfile(
  answers: WizardAnswers,
  options: {name?: string; now: string; discoveryRecordTypes?: Record<string, readonly string[]>},
): AssembledProfile {
  const problems = missingAnswers(answers);
  const service = serviceOf(answers);
  const name = options.name ?? answers.profileName ?? suggestProfileName(answers);
  const nameCheck = checkProfileName(name);
  if (!nameCheck.ok) problems.push({field: 'profileName', severity: 'error', message: nameCheck.message});
  if (service === undefined || answers.application === undefined || problems.some((problem) => problem.severity === 'error')) return {problems, issues: {}};
  const networkMode = taskNetworkMode(answers);
  const environments = (answers.environments ?? []).map((environment) =>
    environmentOf(environment, {launchType: service.launchType, networkMode}, answers.executionRoleArn),
  );
  const profile: Profile = {name, application: answers.application, service, environments, runs: [], createdAt: options.now, updatedAt: options.now};
  const schema = validateProfile(profile);
  for (const issue of schema.issues) {
    if (issue.severity === 'info') continue;
    problems.push({
      field: fieldOfIssue(issue, answers),
      severity: issue.severity,
      message: `${issue.path}: ${issue.message}`,
      ...(issue.fix ? {fix: issue.fix} : {}),
    });
  }
  // A secret by its value never goes into the profile, whatever the variable is called.
  for (const issue of profileSecretValueIssues(profile)) {
    const environment = /^environments\[(\d+)\]/.exec(issue.path)?.[1];
    problems.push({
      field: secretField(issue.path),
      ...(environment === undefined ? {} : {environment: Number(environment)}),
      severity: 'error',
      message: issue.message,
      ...(issue.fix ? {fix: issue.fix} : {}),
    });
  }
  const issues: Record<string, Issue[]> = {};
  const recordTypes = {...options.discoveryRecordTypes};
  if (answers.discovery?.recordTypes !== undefined) recordTypes[answers.discovery.registryArn] = answers.discovery.recordTypes;
  for (const environment of environments) {
    issues[environment.name] = reviewEnvironment(profile, environment.name, recordTypes).issues;
  }
  return {profile, problems, issues};
}

/** Which answer holds a secret value found in the profile (secret-values-scan.ts paths). */
function secretField(path: string): AnswerField {
  if (path.startsWith('service.variables')) return 'variables';
  if (path.startsWith('environments')) return 'environment.overrides';
  if (path.startsWith('service.containerSpec.form')) return 'containerEnv';
  return 'containerSpec';
}

/** Renders the profile for one environment (the review step and `init`). */
export function reviewEnvironment(profile: Profile, environment: string, discoveryRecordTypes?: Record<string, readonly string[]>): RenderResult {
  return renderAndValidate({profile, environment, ...(discoveryRecordTypes === undefined ? {} : {discoveryRecordTypes})});
}

/** All errors of an assembled profile (problems and rendering issues), for `init` and the save button. */
export function blockingCount(assembled: AssembledProfile): number {
  return (
    assembled.problems.filter((problem) => problem.severity === 'error').length +
    Object.values(assembled.issues)
      .flat()
      .filter((issue) => issue.severity === 'error').length
  );
}
