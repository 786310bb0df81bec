/**
 * `ecs-wizard init`: the guided setup. In a terminal it opens the wizard, with every flag given already
 * answered (its question is skipped). Without a terminal — or with --yes — it builds the profile from the flags
 * and defaults: exit 0 with the profile saved, or exit 2 listing every problem with the flag to supply.
 * IAM is changed only with --apply-iam.
 */
import {readUserFile} from '../adapters/files.js';
import type {Issue} from '../domain/issues.js';
import {platformFindings} from '../operations/wizard/platform.js';
import {PRIVATE_REGISTRY_POLICY_NAME, privateRegistryPolicy} from '../domain/policy.js';
import {EXIT, InputError} from '../errors.js';
import type {WizardAnswers} from '../domain/wizard-answers.js';
import {taskNetworkMode} from '../operations/wizard/container-spec.js';
import {discoveryRule} from '../operations/wizard/discovery.js';
import {DEFAULT_EXECUTION_ROLE_NAME, compactJson, putRolePolicyCommand} from '../operations/wizard/execution-role.js';
import type {FlagProblem} from '../operations/wizard/flag-draft.js';
import {artifactOf} from '../operations/wizard/artifact.js';
import {fillFromApplication} from '../operations/wizard/application-environments.js';
import {ENVIRONMENTS_CHOICE} from '../operations/wizard/questions/application.js';
import {offeredServers, serverChoices, type OfferedServer} from '../operations/wizard/application-servers.js';
import {assembleProfile, suggestProfileName} from '../operations/wizard/profile.js';
import {kmsArnOf} from '../operations/wizard/questions/auth-secret.js';
import {derivedNameWarning} from '../operations/wizard/questions/container-name.js';
import {environmentFromOutputs, provisionerAnswer} from '../operations/wizard/provisioner-outputs.js';
import {createWizardServices, wizardPortsFrom, type WizardServices} from '../operations/wizard/services.js';
import {
  PREVIEW_TRAFFIC_ROLE_ARN,
  checkLoadBalancerFlags,
  createTrafficRoleFromFlags,
  createsTrafficRole,
  withTrafficRole,
} from '../operations/wizard/load-balancer-flags.js';
import {answersFromFlags, fileFlags, givenFlagNames, problemLines, type FlagAnswers, type FlagFiles} from './init-flags.js';
import {inkColour} from './run-context.js';
import type {CommandContext} from './spec.js';

/** The files the flags name (--container-spec, --service-spec), read: the questions get their text. */
async function readFiles(context: CommandContext): Promise<FlagFiles> {
  const files: FlagFiles = {};
  for (const flag of fileFlags()) {
    const path = context.options[flag];
    if (typeof path === 'string') files[flag] = {path, text: await readUserFile(path, context.io.stdin)};
  }
  return files;
}

export async function run(context: CommandContext): Promise<number> {
  const interactive = context.io.interactive && context.options.yes !== true;
  const files = await readFiles(context);
  const defaultRegion = context.root.awsContext().region;
  // --artifact-server names one of the application's servers: its registry settings answer the registry flags.
  const artifactServers = await serversForFlags(context);
  const parsed = answersFromFlags(context.options, files, {
    ...(defaultRegion === undefined ? {} : {defaultRegion}),
    interactive,
    ...(artifactServers === undefined ? {} : {artifactServers}),
  });
  const errors = parsed.problems.filter((problem) => problem.severity === 'error');
  if (errors.length > 0)
    throw problemsError(
      errors.map((problem) => `${problem.flag}: ${problem.message}`),
      interactive,
    );

  const ports = wizardPortsFrom(context.root, {stdin: context.io.stdin as NodeJS.ReadStream, env: context.env});
  const services = createWizardServices(ports);
  // An --env the application already has takes the application's values (the guide defines an environment once).
  const application = parsed.answers.application;
  if (application !== undefined && services.applicationEnvironments !== undefined) {
    const offered = await services.applicationEnvironments(application);
    if (offered.ok) {
      // The wizard offers them before asking for a new environment.
      parsed.choices[ENVIRONMENTS_CHOICE] = String(offered.items.length);
      parsed.notes.push(...fillFromApplication(parsed, application, offered.items));
    }
    // The wizard offers the application's artifact servers before asking for a new registry.
    const servers = await services.artifactServers?.(application);
    if (servers?.ok === true) for (const [key, value] of Object.entries(serverChoices(servers.items))) parsed.choices[key] ??= value;
  }
  if (interactive) {
    inkColour(context.globals);
    const {runWizard} = await import('../ui/wizard/run-wizard.js');
    const fromFlags = givenFlagNames(context.options).length > 0;
    return runWizard(context, services, {
      answers: parsed.answers,
      choices: parsed.choices,
      given: parsed.given,
      done: Object.keys(parsed.given),
      offerDraft: !fromFlags,
    });
  }
  return runWithoutQuestions(context, services, parsed);
}

/** The application's artifact servers, read when --artifact-server is given with --app (undefined otherwise). */
async function serversForFlags(context: CommandContext): Promise<OfferedServer[] | undefined> {
  const app = context.options.app;
  if (typeof context.options['artifact-server'] !== 'string' || typeof app !== 'string') return undefined;
  return offeredServers((await (await context.root.profileStore()).application(app.trim()))?.artifactServers ?? []);
}

function problemsError(lines: string[], interactive: boolean): InputError {
  const count = `${lines.length} problem${lines.length === 1 ? '' : 's'}`;
  return new InputError(
    `the profile cannot be saved: ${count}\n${lines.map((line) => `  ${line}`).join('\n')}`,
    interactive ? 'fix the flags above' : 'supply the flags above (see: ecs-wizard init --help), or run `ecs-wizard init` in a terminal to be asked',
  );
}

/** Fills what the flags leave to AWS: the ECR repository URI, provisioner outputs, Cloud Map record types. */
async function resolve(services: WizardServices, parsed: FlagAnswers, note: (line: string) => void): Promise<FlagProblem[]> {
  const problems: FlagProblem[] = [];
  const {answers} = parsed;
  if (parsed.ecrRepositoryName !== undefined && answers.artifactServer !== undefined && answers.registryHost !== undefined) {
    // The application's ECR server gives the registry: the repository name is the image path.
    answers.image = parsed.ecrRepositoryName;
  } else if (parsed.ecrRepositoryName !== undefined) {
    const listing = await services.ecrRepositories();
    const found = listing.ok ? listing.items.find((repository) => repository.name === parsed.ecrRepositoryName) : undefined;
    if (found) {
      const slash = found.uri.indexOf('/');
      answers.registryHost = found.uri.slice(0, slash);
      answers.image = found.uri.slice(slash + 1);
    } else {
      problems.push({
        flag: '--image',
        severity: 'error',
        message: listing.ok
          ? `no ECR repository named ${parsed.ecrRepositoryName} (repositories: ${listing.items.map((repository) => repository.name).join(', ') || 'none'})`
          : `cannot look up the ECR repository ${parsed.ecrRepositoryName} (${listing.reason}): give its URI, e.g. 123456789012.dkr.ecr.us-east-1.amazonaws.com/${parsed.ecrRepositoryName}`,
      });
    }
  }
  for (const [index, source] of parsed.provisioners.entries()) {
    if (source === undefined) continue;
    const environment = answers.environments?.[index];
    if (environment === undefined) continue;
    const outputs =
      source.kind === 'cloudformation' ? await services.stackOutputs(source.source, environment.region) : await services.terraformOutputs(source.source);
    const flag = source.kind === 'cloudformation' ? '--cfn-stack' : '--tf-state';
    if (outputs.status !== 'found') {
      problems.push({flag, severity: 'error', message: outputs.status === 'missing' ? `no stack ${source.source}` : outputs.reason});
      continue;
    }
    const filled = environmentFromOutputs(outputs.value);
    // Recorded in the profile (the fields that keep the outputs' values), so that `env refresh` reads them again.
    const stackRegion = environment.region ?? services.defaultRegion();
    if (source.kind === 'terraform') environment.provisioner = provisionerAnswer({kind: 'terraform', path: services.terraformPath(source.source)}, filled);
    else if (stackRegion !== undefined)
      environment.provisioner = provisionerAnswer({kind: 'cloudformation', stack: source.source, region: stackRegion}, filled);
    // Flags win over outputs.
    for (const [key, value] of Object.entries(filled.values)) {
      const field = key as keyof typeof filled.values;
      if (environment[field] === undefined || (Array.isArray(environment[field]) && (environment[field] as string[]).length === 0))
        (environment as Record<string, unknown>)[field] = value;
    }
    note(`${flag} ${source.source}: ${filled.used.join(', ') || 'no usable outputs'}`);
  }
  const discovery = answers.discovery;
  if (discovery && discovery.recordTypes === undefined) {
    const found = await services.discoveryService(discovery.registryArn);
    if (found.status === 'found') discovery.recordTypes = found.value.recordTypes;
    else if (found.status === 'missing') problems.push({flag: '--registry-arn', severity: 'error', message: `no Cloud Map service ${discovery.registryArn}`});
    else note(`--registry-arn: could not read the Cloud Map service's records (${found.reason}); pass --discovery-records SRV|A to have the rules checked`);
  }
  if (discovery) {
    const rule = discoveryRule(taskNetworkMode(answers), discovery.recordTypes);
    if (rule === 'needs-srv')
      problems.push({
        flag: '--registry-arn',
        severity: 'error',
        message: `without awsvpc, service discovery needs SRV records, and this Cloud Map service has ${discovery.recordTypes?.join(', ') || 'no'} records only`,
      });
    if (discovery.use === undefined) {
      if (rule === 'none') discovery.use = 'none';
      else if (rule === 'container' || (rule === 'unknown' && taskNetworkMode(answers) !== 'awsvpc')) {
        problems.push({
          flag: '--discovery-container-port',
          severity: 'error',
          message: 'service discovery with SRV records without awsvpc needs containerName and containerPort: give the container port',
        });
      } else if (rule === 'either') {
        problems.push({
          flag: '--discovery-container-port or --discovery-port',
          severity: 'error',
          message: 'awsvpc with SRV records: give either the container port or the port',
        });
      }
    }
  }
  problems.push(...(await resolveSecretKey(services, answers, note, parsed.given['auth-secret'] === '--artifact-server')));
  problems.push(...(await checkLoadBalancerFlags(services, answers, note)));
  problems.push(...(await checkAnonymousRegistry(services, answers, note)));
  return problems;
}

/**
 * The credentials secret exists, and the customer KMS key that encrypts it is found as the wizard finds it
 * (DescribeSecret's KmsKeyId): kms:Decrypt then goes into the policy without --kms-key. Offline, a note says what
 * was not checked and the profile is saved all the same.
 */
async function resolveSecretKey(services: WizardServices, answers: WizardAnswers, note: (line: string) => void, fromServer = false): Promise<FlagProblem[]> {
  const auth = answers.registryAuth;
  if (!auth) return [];
  const secret = auth.credentialsSecretArn;
  // The application's server holds the secret: it is checked as given, and a key found is the server's to record.
  const flag = fromServer ? `--artifact-server ${answers.artifactServer ?? ''}` : '--credentials-secret';
  const found = await services.secret(secret);
  if (found.status === 'missing') return [{flag, severity: 'error', message: `no secret ${secret}${fromServer ? " (the server's credentials secret)" : ''}`}];
  if (found.status === 'unknown') {
    note(
      `${flag}: could not check that the secret exists, nor which KMS key encrypts it (${found.reason})` +
        (auth.kmsKeyArn === undefined ? '; if it uses a customer KMS key, pass --kms-key ARN so that kms:Decrypt is allowed' : ''),
    );
    return [];
  }
  const keyId = found.value.kmsKeyId;
  if (keyId === undefined) return [];
  const key = kmsArnOf(found.value.arn, keyId);
  if (key === undefined) {
    if (auth.kmsKeyArn === undefined)
      note(
        `--credentials-secret: the secret uses the KMS key ${keyId}, which is not a key ARN: pass its key ARN with --kms-key so that kms:Decrypt is allowed`,
      );
    return [];
  }
  if (auth.kmsKeyArn === undefined && fromServer) {
    note(
      `${flag}: the server's secret uses the customer KMS key ${key}, which the server does not name: kms:Decrypt is not in the policy until it does (ecs-wizard apps server-edit ${answers.artifactServer ?? ''} --kms-key ${key})`,
    );
    return [];
  }
  if (auth.kmsKeyArn === undefined) {
    answers.registryAuth = {...auth, kmsKeyArn: key};
    note(`--credentials-secret: the secret uses the customer KMS key ${key} (secretsmanager:DescribeSecret): kms:Decrypt on it goes into the policy`);
    return [];
  }
  if (auth.kmsKeyArn !== key)
    return [
      fromServer
        ? {
            flag,
            severity: 'error',
            message: `the server's secret is encrypted with ${key}, not ${auth.kmsKeyArn}: ecs-wizard apps server-edit ${answers.artifactServer ?? ''} --kms-key ${key}`,
          }
        : {flag: '--kms-key', severity: 'error', message: `the secret is encrypted with ${key}, not ${auth.kmsKeyArn}: give that key (or leave --kms-key out)`},
    ];
  return [];
}

/** --anonymous-registry: the registry answers without credentials (GET /v2/), checked when it can be reached. */
async function checkAnonymousRegistry(services: WizardServices, answers: WizardAnswers, note: (line: string) => void): Promise<FlagProblem[]> {
  const artifact = answers.registryAnonymous === true ? artifactOf(answers) : undefined;
  if (artifact === undefined) return [];
  const access = await services.registryAccess(artifact);
  if (access.status === 'closed')
    return [{flag: '--anonymous-registry', severity: 'error', message: `${access.reason}: the tasks need credentials: give --credentials-secret ARN instead`}];
  if (access.status === 'open') note(`--anonymous-registry: checked: ${access.detail}; no credentials secret, no repositoryCredentials, no IAM policy`);
  else note(`--anonymous-registry: could not check that ${artifact.host} answers without credentials (${access.reason}); taken as anonymous`);
  return [];
}

async function runWithoutQuestions(context: CommandContext, services: WizardServices, parsed: FlagAnswers): Promise<number> {
  const {answers} = parsed;
  const notes: string[] = [...parsed.notes];
  const note = (line: string): void => {
    notes.push(line);
  };
  const resolved = await resolve(services, parsed, note);
  const taken = await services.profileNames();
  const name = answers.profileName ?? suggestProfileName(answers);
  answers.profileName = name;

  // Everything but IAM first: IAM is changed only when the rest holds.
  const creating = parsed.flags.createRole;
  if (creating && !parsed.flags.applyIam)
    resolved.push({flag: '--create-execution-role', severity: 'error', message: 'creating a role changes IAM: add --apply-iam to allow it'});
  const creatingTrafficRole = createsTrafficRole(parsed.choices);
  if (creatingTrafficRole && !parsed.flags.applyIam)
    resolved.push({flag: '--create-traffic-role', severity: 'error', message: 'creating a role changes IAM: add --apply-iam to allow it'});
  const withExecutionRole: WizardAnswers = creating ? withRole(answers, `arn:aws:iam::000000000000:role/${DEFAULT_EXECUTION_ROLE_NAME}`) : answers;
  const preview = creatingTrafficRole ? withTrafficRole(withExecutionRole, PREVIEW_TRAFFIC_ROLE_ARN) : withExecutionRole;
  const assembled = assembleProfile(preview, {name, now: services.now()});
  const environmentNames = (answers.environments ?? []).map((environment) => environment.name ?? '');
  const lines = problemLines(resolved, assembled.problems, environmentNames);
  const given = new Set(givenFlagNames(context.options).map((flag) => `--${flag}`));
  for (const [environment, issues] of Object.entries(assembled.issues)) {
    for (const issue of issues) {
      if (issue.severity === 'error') lines.push(`${issueLine(issue, given)} [environment ${environment}]`);
    }
  }
  if (taken.includes(name) && !parsed.flags.force) lines.push(`--name: a profile named ${name} exists: choose another name, or pass --force to replace it`);
  // The image must be built for the tasks' platform (an arm64-only image on Fargate's default x86_64 dies at start).
  if (assembled.profile !== undefined) {
    const platform = await platformFindings(services, assembled.profile);
    for (const mismatch of platform.mismatches) lines.push(`--tag/--container-spec: ${mismatch.message}: ${mismatch.fix}`);
    for (const line of platform.notes) note(line);
  }
  if (assembled.profile !== undefined) lines.push(...((await services.dependencyIssues?.(assembled.profile)) ?? []).map((line) => `--depends-on: ${line}`));
  if (lines.length > 0) throw problemsError(lines, false);

  let final = answers;
  if (creating) {
    const role = await services.createExecutionRole(DEFAULT_EXECUTION_ROLE_NAME);
    note(`created the IAM role ${role.arn} (trusts ecs-tasks.amazonaws.com, AmazonECSTaskExecutionRolePolicy attached)`);
    final = withRole(answers, role.arn);
  }
  if (creatingTrafficRole) {
    const created = await createTrafficRoleFromFlags(services, final);
    note(created.note);
    final = created.answers;
  }
  const auth = final.registryAuth;
  const role = final.executionRoleArn ?? final.environments?.[0]?.executionRoleArn;
  if (auth) {
    const policy = privateRegistryPolicy(auth);
    if (role === undefined) note('the private registry policy was not put on any role: no execution role');
    else if (parsed.flags.applyIam) {
      await services.putRolePolicy(role, PRIVATE_REGISTRY_POLICY_NAME, policy);
      note(`put the inline policy ${PRIVATE_REGISTRY_POLICY_NAME} on ${role} (secretsmanager:GetSecretValue${auth.kmsKeyArn ? ', kms:Decrypt' : ''})`);
    } else {
      note(
        `IAM not changed (no --apply-iam). The execution role needs this inline policy:\n${compactJson(policy)}\n` +
          `  add it with --apply-iam, or: ${putRolePolicyCommand(role.split('/').pop() ?? role, PRIVATE_REGISTRY_POLICY_NAME, policy)}`,
      );
    }
  }
  const naming = derivedNameWarning(final);
  if (naming !== undefined) note(`note: ${naming} (--container-name NAME)`);
  const saved = assembleProfile(final, {name, now: services.now()});
  if (saved.profile === undefined) throw problemsError(problemLines([], saved.problems, environmentNames), false);
  const changes = (await services.saveProfile(saved.profile, {overwrite: parsed.flags.force})) ?? [];
  for (const change of changes) {
    if (change.services.length === 0) continue;
    note(`environment ${change.environment} of application ${change.application} changed (${change.fields.join(', ')}): for ${change.services.join(', ')} too`);
  }
  for (const line of notes) context.io.stderr.write(`${line}\n`);
  const warnings = Object.entries(saved.issues).flatMap(([environment, issues]) =>
    issues
      .filter((issue) => issue.severity === 'warning')
      .map((issue) => `warning: ${issue.source} ${issue.path}: ${issue.message} [environment ${environment}]`),
  );
  for (const line of warnings) context.io.stderr.write(`${line}\n`);
  if (context.globals.json) context.io.stdout.write(`${JSON.stringify(saved.profile, null, 2)}\n`);
  else {
    const environments = saved.profile.environments.map((environment) => environment.name).join(', ');
    context.io.stdout.write(`Saved profile ${saved.profile.name} (${environments}). Deploy it: ecs-wizard deploy ${saved.profile.name}\n`);
  }
  return EXIT.ok;
}

/** The simplified container form's flag for a path of the task definition it becomes. */
const FORM_FLAGS: ReadonlyArray<[RegExp, string]> = [
  [/^cpu$|\.cpu$/, '--cpu'],
  [/^memory$|\.memory$/, '--memory'],
  [/\.memoryReservation$/, '--memory-reservation'],
  [/\.portMappings/, '--port'],
  [/\.environment/, '--container-env'],
];
/** The service flags for a path of the service specification that init builds when --service-spec is not given. */
const SERVICE_FLAGS: ReadonlyArray<[RegExp, string]> = [
  [/^desiredCount/, '--desired-count'],
  [/^schedulingStrategy/, '--strategy'],
  [/^launchType/, '--launch-type'],
  [/^networkConfiguration/, '--subnets/--security-groups'],
];

/**
 * One line for a rendering error, blaming a flag the person gave: a problem in a specification that init built
 * from other flags (the simplified container form, the default service specification) names those flags, without
 * the line and column of a template the person never saw.
 */
function issueLine(issue: Issue, given: ReadonlySet<string>): string {
  const fromLoadBalancerFlags = issue.source === 'serviceSpec' && issue.path.startsWith('loadBalancers') && LOAD_BALANCER_FLAGS.some((flag) => given.has(flag));
  const built =
    (issue.source === 'containerSpec' && !given.has('--container-spec')) ||
    (issue.source === 'serviceSpec' && !given.has('--service-spec')) ||
    fromLoadBalancerFlags;
  const where = issue.line === undefined || built ? '' : ` (line ${issue.line}, column ${issue.column ?? 1})`;
  const fix = issue.fix && (!built || fromLoadBalancerFlags) ? ` (${issue.fix})` : '';
  return `${issueFlag(issue, given)}: ${issue.source}${issue.path ? ` ${issue.path}` : ''}${where}: ${issue.message}${fix}`;
}

function issueFlag({source, path}: Issue, given: ReadonlySet<string>): string {
  if (source === 'containerSpec') {
    if (given.has('--container-spec')) return '--container-spec';
    return FORM_FLAGS.find(([pattern]) => pattern.test(path))?.[1] ?? '--cpu/--memory/--memory-reservation/--port/--container-env';
  }
  if (source === 'serviceSpec') {
    if (path.startsWith('serviceRegistries')) return '--registry-arn/--discovery-container-port/--discovery-port';
    if (path.startsWith('loadBalancers') && (!given.has('--service-spec') || LOAD_BALANCER_FLAGS.some((flag) => given.has(flag))))
      return loadBalancerFlagOf(path);
    if (given.has('--service-spec')) return '--service-spec';
    return SERVICE_FLAGS.find(([pattern]) => pattern.test(path))?.[1] ?? '--strategy/--desired-count/--launch-type';
  }
  if (source === 'variables') return '--var';
  if (source === 'environment')
    return path.startsWith('overrides')
      ? '--override'
      : path.startsWith('network')
        ? '--subnets/--security-groups'
        : path.startsWith('executionRoleArn')
          ? '--execution-role'
          : '--env';
  return '--image/--tag';
}

function withRole(answers: WizardAnswers, arn: string): WizardAnswers {
  return {
    ...answers,
    executionRoleArn: arn,
    environments: (answers.environments ?? []).map((environment) => ({...environment, executionRoleArn: environment.executionRoleArn ?? arn})),
  };
}

const LOAD_BALANCER_FLAGS = [
  '--target-group',
  '--alternate-target-group',
  '--production-listener-rule',
  '--test-listener-rule',
  '--traffic-role',
  '--create-traffic-role',
];

/** The load balancer flag for a path of loadBalancers[0] (advancedConfiguration.roleArn → --traffic-role…). */
function loadBalancerFlagOf(path: string): string {
  if (path.endsWith('alternateTargetGroupArn')) return '--alternate-target-group';
  if (path.endsWith('productionListenerRule')) return '--production-listener-rule';
  if (path.endsWith('testListenerRule')) return '--test-listener-rule';
  if (path.endsWith('roleArn')) return '--traffic-role';
  return '--target-group';
}
