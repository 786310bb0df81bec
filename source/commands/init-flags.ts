/**
 * `ecs-wizard init` flags → the wizard's answers: each flag is checked with the same function the interactive
 * step uses, and marks the step it answers (a supplied flag skips its question). Pure: the files of
 * --container-spec / --service-spec are read by init.ts and handed in as text.
 */
import {importService, importTaskDefinition} from '../domain/import.js';
import {formatIssueLocation, type Issue} from '../domain/issues.js';
import type {JsonObject} from '../domain/json.js';
import type {LaunchType, NetworkMode} from '../domain/model.js';
import {formToTaskDefinition} from '../domain/container-form.js';
import {stringifyJsonText} from '../domain/json-text.js';
import {EXECUTION_ROLE} from '../domain/placeholders.js';
import {lintSpecText} from '../domain/spec-lint.js';
import {
  CONTAINER_PORT_VARIABLE,
  checkApplication,
  checkArnAnswer,
  checkClusterName,
  checkEcrRepositoryUri,
  checkEnvironmentName,
  checkImage,
  checkInteger,
  checkProfileName,
  checkRegion,
  checkRegistryHost,
  checkServiceName,
  checkTag,
  containerFormOf,
  lintContainerJson,
  needsRegistryAuth,
  parseIds,
  parseNameValue,
  parsePortMapping,
  readDiscovery,
  readStrategy,
  specContainers,
  type AnswerField,
  type ContainerFormAnswers,
  type EnvironmentAnswers,
  type WizardAnswers,
  type WizardProblem,
} from '../operations/wizard.js';
import type {OptionValues} from './spec.js';

/** The flag to supply for each answer, in messages. */
export const FLAG_OF: Record<AnswerField, string> = {
  profileName: '--name',
  application: '--app',
  serviceName: '--service',
  registry: '--registry',
  registryHost: '--registry URL',
  image: '--image',
  tag: '--tag',
  launchType: '--launch-type',
  networkMode: '--network-mode',
  containerSpec: '--container-spec',
  containerForm: '--cpu/--memory/--memory-reservation/--port',
  strategy: '--strategy',
  desiredCount: '--desired-count',
  serviceSpec: '--service-spec',
  discovery: '--registry-arn/--discovery-container-port/--discovery-port',
  variables: '--var',
  registryAuth: '--credentials-secret',
  executionRole: '--execution-role',
  environment: '--env',
  'environment.name': '--env',
  'environment.region': '--region',
  'environment.cluster': '--cluster',
  'environment.subnets': '--subnets',
  'environment.securityGroups': '--security-groups',
  'environment.executionRole': '--execution-role (or --create-execution-role --apply-iam)',
  'environment.overrides': '--override',
};

export interface FlagProblem {
  flag: string;
  message: string;
  severity: 'error' | 'warning';
}

export interface FlagAnswers {
  answers: WizardAnswers;
  /** Steps the flags answer: refKey → the flag (the wizard skips them). */
  given: Record<string, string>;
  choices: Record<string, string>;
  problems: FlagProblem[];
  /** Notes to print (what an import replaced, what a default was). */
  notes: string[];
  /** --image was an ECR repository name (not a URI): its URI is looked up in ECR. */
  ecrRepositoryName?: string;
  /** --cfn-stack / --tf-state per environment index. */
  provisioners: Array<{kind: 'cloudformation' | 'terraform'; source: string} | undefined>;
  flags: {yes: boolean; force: boolean; applyIam: boolean; createRole: boolean};
}

export interface FlagFiles {
  containerSpec?: {path: string; text: string};
  serviceSpec?: {path: string; text: string};
}

const str = (options: OptionValues, name: string): string | undefined => {
  const value = options[name];
  return typeof value === 'string' ? value : Array.isArray(value) ? value[0] : undefined;
};
const many = (options: OptionValues, name: string): string[] => {
  const value = options[name];
  return Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
};

/** Which flags were given (for init's decision to open the wizard with them). */
export const givenFlagNames = (options: OptionValues): string[] =>
  Object.entries(options)
    .filter(([, value]) => value !== undefined && value !== false && !(Array.isArray(value) && value.length === 0))
    .map(([name]) => name);

function issueProblems(flag: string, issues: readonly Issue[]): FlagProblem[] {
  return issues
    .filter((issue) => issue.severity !== 'info')
    .map((issue) => ({flag, severity: issue.severity === 'error' ? 'error' : 'warning', message: `${formatIssueLocation(issue)}: ${issue.message}${issue.fix ? ` (${issue.fix})` : ''}`}));
}

/**
 * The Fargate (or private-registry EC2) task definition built from the simplified form's flags: the form's
 * one container, task-level cpu/memory on Fargate, and `${EXECUTION_ROLE}`.
 */
export function formJson(answers: WizardAnswers, form: ContainerFormAnswers, launchType: LaunchType): string {
  const task: JsonObject = formToTaskDefinition(containerFormOf({...answers, containerForm: form, networkMode: launchType === 'FARGATE' ? 'awsvpc' : answers.networkMode}));
  if (launchType === 'FARGATE') {
    const containers = task.containerDefinitions as JsonObject[];
    for (const container of containers) {
      delete container.cpu;
      delete container.memory;
      delete container.memoryReservation;
    }
    return stringifyJsonText({
      containerDefinitions: containers,
      cpu: String(form.cpu ?? 256),
      memory: String(form.memory ?? 512),
      networkMode: 'awsvpc',
      requiresCompatibilities: ['FARGATE'],
      executionRoleArn: EXECUTION_ROLE,
    });
  }
  return stringifyJsonText({...task, executionRoleArn: EXECUTION_ROLE});
}

/** Reads every flag; problems name the flag and say how to write it. `interactive`: missing answers are asked later. */
export function answersFromFlags(options: OptionValues, files: FlagFiles, context: {defaultRegion?: string; interactive: boolean}): FlagAnswers {
  const answers: WizardAnswers = {};
  const given: Record<string, string> = {};
  const choices: Record<string, string> = {};
  const problems: FlagProblem[] = [];
  const notes: string[] = [];
  const fail = (flag: string, message: string): void => {
    problems.push({flag, message, severity: 'error'});
  };
  const take = <T>(flag: string, text: string | undefined, check: (text: string) => {ok: true; value: T; note?: string} | {ok: false; message: string}): T | undefined => {
    if (text === undefined) return undefined;
    const checked = check(text);
    if (!checked.ok) {
      fail(`--${flag}`, checked.message);
      return undefined;
    }
    if (checked.note) notes.push(checked.note);
    return checked.value;
  };
  const result: FlagAnswers = {
    answers,
    given,
    choices,
    problems,
    notes,
    provisioners: [],
    flags: {yes: options.yes === true, force: options.force === true, applyIam: options['apply-iam'] === true, createRole: options['create-execution-role'] === true},
  };

  // 1-2: application, service, profile name.
  const application = take('app', str(options, 'app'), checkApplication);
  if (application !== undefined) {
    answers.application = application;
    given.application = '--app';
  }
  const service = take('service', str(options, 'service'), checkServiceName);
  if (service !== undefined) {
    answers.serviceName = service;
    given.service = '--service';
  }
  const name = take('name', str(options, 'name'), checkProfileName);
  if (name !== undefined) {
    answers.profileName = name;
    given.save = '--name';
  }

  // 3: artifact source.
  const registryFlag = str(options, 'registry');
  if (registryFlag !== undefined) {
    const lower = registryFlag.trim().toLowerCase();
    if (lower === 'dockerhub' || lower === 'docker-hub' || lower === 'docker.io') answers.registry = 'dockerhub';
    else if (lower === 'ecr') answers.registry = 'ecr';
    else {
      const host = take('registry', registryFlag, checkRegistryHost);
      if (host !== undefined) {
        answers.registry = 'registry';
        answers.registryHost = host;
        given['registry-url'] = '--registry';
      }
    }
    if (answers.registry !== undefined) given.registry = '--registry';
  } else if (!context.interactive) {
    answers.registry = 'dockerhub';
  }
  const username = str(options, 'registry-username');
  if (username !== undefined) {
    answers.registryUsername = username.trim();
    given['registry-username'] = '--registry-username';
  } else if (answers.registry === 'registry' && !context.interactive) {
    answers.registryUsername = '';
  }
  const imageFlag = str(options, 'image');
  if (imageFlag !== undefined) {
    if (answers.registry === 'ecr') {
      const uri = checkEcrRepositoryUri(imageFlag);
      if (uri.ok) {
        answers.registryHost = uri.value.host;
        answers.image = uri.value.image;
        if (uri.value.tag !== undefined) answers.tag = uri.value.tag;
        given['ecr-repository'] = '--image';
      } else if (/^[a-z0-9][a-z0-9._/-]*$/.test(imageFlag.trim())) {
        result.ecrRepositoryName = imageFlag.trim();
      } else fail('--image', uri.message);
    } else if (answers.registry !== undefined) {
      const image = take('image', imageFlag, (text) => checkImage(answers.registry ?? 'dockerhub', text, answers.registryHost));
      if (image !== undefined) {
        answers.image = image.image;
        if (image.tag !== undefined) answers.tag = image.tag;
        given.image = '--image';
      }
    } else {
      fail('--image', 'give --registry too (dockerhub, ecr or the registry address), or leave both out to be asked');
    }
  }
  const tag = take('tag', str(options, 'tag'), checkTag);
  if (tag !== undefined) answers.tag = tag;
  if (answers.tag !== undefined && (tag !== undefined || imageFlag !== undefined)) given.tag = tag !== undefined ? '--tag' : '--image';

  // 4: container specification.
  const launchFlag = str(options, 'launch-type');
  if (launchFlag !== undefined) {
    const upper = launchFlag.trim().toUpperCase();
    if (upper === 'EC2' || upper === 'FARGATE') {
      answers.launchType = upper;
      given['launch-type'] = '--launch-type';
    } else fail('--launch-type', `"${launchFlag}" is not a launch type: EC2 or FARGATE`);
  }
  const fargate = answers.launchType === 'FARGATE';
  const modeFlag = str(options, 'network-mode');
  if (modeFlag !== undefined) {
    const mode = modeFlag.trim().toLowerCase();
    if (mode !== 'awsvpc' && mode !== 'bridge' && mode !== 'host') fail('--network-mode', `"${modeFlag}" is not a network mode: awsvpc, bridge or host`);
    else if (fargate && mode !== 'awsvpc') fail('--network-mode', `Fargate tasks use the awsvpc network mode, not ${mode}`);
    else {
      answers.networkMode = mode as NetworkMode;
      given['network-mode'] = '--network-mode';
    }
  } else if (!context.interactive && answers.launchType !== undefined) {
    answers.networkMode = fargate ? 'awsvpc' : 'bridge';
  }

  const formFlags = ['cpu', 'memory', 'memory-reservation', 'port', 'container-env'].filter((flag) => many(options, flag).length > 0);
  if (files.containerSpec !== undefined) {
    if (formFlags.length > 0) fail('--container-spec', `give either --container-spec or the simplified form (--${formFlags.join(', --')}), not both`);
    let text = files.containerSpec.text;
    if (/"taskDefinitionArn"|^\s*\{\s*"taskDefinition"\s*:/.test(text)) {
      const imported = importTaskDefinition(text);
      if (imported.ok) {
        text = imported.containerSpecJson;
        if (imported.replacements.length > 0) notes.push(`--container-spec: replaced ${imported.replacements.map((replacement) => `${replacement.path} → ${replacement.to}`).join('; ')}`);
        if (imported.executionRoleArn !== undefined && many(options, 'execution-role').length === 0) notes.push(`--container-spec: it used the execution role ${imported.executionRoleArn}; pass it with --execution-role`);
      } else problems.push(...issueProblems(`--container-spec ${files.containerSpec.path}`, imported.issues));
    }
    answers.containerMode = 'json';
    answers.containerJson = text;
    given['container-mode'] = '--container-spec';
    given['container-json'] = '--container-spec';
  } else if (formFlags.length > 0 || (!context.interactive && answers.launchType !== undefined)) {
    const form: ContainerFormAnswers = {ports: [], environment: []};
    const cpu = take('cpu', str(options, 'cpu'), (text) => checkInteger(text, 'the CPU units', {min: 0, max: 16384}));
    const memory = take('memory', str(options, 'memory'), (text) => checkInteger(text, 'the memory limit', {min: 4}));
    const reservation = take('memory-reservation', str(options, 'memory-reservation'), (text) => checkInteger(text, 'the memory reservation', {min: 4}));
    if (cpu !== undefined) form.cpu = cpu;
    if (memory !== undefined) form.memory = memory;
    if (reservation !== undefined) form.memoryReservation = reservation;
    else if (memory === undefined && !fargate) form.memoryReservation = 256;
    for (const text of many(options, 'port')) {
      const port = take('port', text, (value) => parsePortMapping(value, fargate ? 'awsvpc' : answers.networkMode));
      if (port !== undefined) form.ports.push(port);
    }
    for (const text of many(options, 'container-env')) {
      const pair = take('container-env', text, (value) => parseNameValue(value));
      if (pair !== undefined) form.environment.push(pair);
    }
    if (answers.launchType !== undefined) {
      if (fargate || needsRegistryAuth(answers)) {
        answers.containerMode = 'json';
        answers.containerJson = formJson(answers, form, answers.launchType);
        given['container-json'] = formFlags.length > 0 ? '--cpu/--memory/--port' : 'the default';
        notes.push(fargate ? 'The Fargate task definition was built from the form flags (Advanced JSON: awsvpc, task cpu/memory, ${EXECUTION_ROLE}).' : 'A private registry needs ${EXECUTION_ROLE}: the task definition was built as Advanced JSON from the form flags.');
      } else {
        answers.containerMode = 'form';
        answers.containerForm = form;
        given['container-form'] = '--cpu/--memory/--port';
        given['container-env'] = '--container-env';
      }
      given['container-mode'] = formFlags.length > 0 ? '--cpu/--memory/--port' : 'the default';
    } else if (formFlags.length > 0) {
      fail('--launch-type', 'the simplified form flags need --launch-type (EC2 or FARGATE)');
    }
  }
  if (answers.containerMode === 'json' && answers.containerJson !== undefined && files.containerSpec !== undefined) {
    problems.push(...issueProblems(`--container-spec ${files.containerSpec.path}`, lintContainerJson(answers.containerJson, answers.launchType, {needsExecutionRole: needsRegistryAuth(answers)})));
  }

  // 5: service specification.
  if (files.serviceSpec !== undefined) {
    let text = files.serviceSpec.text;
    if (/"serviceArn"|^\s*\{\s*"services"\s*:/.test(text)) {
      const imported = importService(text);
      if (imported.ok) {
        text = imported.serviceSpecJson;
        if (imported.replacements.length > 0) notes.push(`--service-spec: moved to the environment: ${imported.replacements.map((replacement) => replacement.path).join(', ')} (give them with --cluster, --subnets, --security-groups)`);
      } else problems.push(...issueProblems(`--service-spec ${files.serviceSpec.path}`, imported.issues));
    }
    problems.push(...issueProblems(`--service-spec ${files.serviceSpec.path}`, lintSpecText(text, 'serviceSpec')));
    answers.serviceSpecJson = text;
    given['service-json'] = '--service-spec';
    const read = readStrategy(text);
    if (read.strategy) answers.strategy = read.strategy;
    if (read.desiredCount !== undefined) answers.desiredCount = read.desiredCount;
    const discovery = readDiscovery(text);
    if (discovery && str(options, 'registry-arn') === undefined) {
      answers.discovery = discovery;
      given.discovery = '--service-spec';
      given['discovery-arn'] = '--service-spec';
      choices.discovery = 'paste';
    }
  }
  const strategyFlag = str(options, 'strategy');
  if (strategyFlag !== undefined) {
    const upper = strategyFlag.trim().toUpperCase();
    if (upper !== 'REPLICA' && upper !== 'DAEMON') fail('--strategy', `"${strategyFlag}" is not a scheduling strategy: REPLICA or DAEMON`);
    else if (upper === 'DAEMON' && fargate) fail('--strategy', 'DAEMON is not supported on Fargate (no container instances to run one task on each): use REPLICA, or --launch-type EC2');
    else {
      answers.strategy = upper;
      given.strategy = '--strategy';
    }
  } else if (!context.interactive && answers.strategy === undefined) answers.strategy = 'REPLICA';
  const count = take('desired-count', str(options, 'desired-count'), (text) => checkInteger(text, 'the desired count', {min: 0, max: 5000}));
  if (count !== undefined) {
    if (answers.strategy === 'DAEMON') fail('--desired-count', 'a DAEMON service runs one task per instance and takes no desired count');
    else {
      answers.desiredCount = count;
      given['desired-count'] = '--desired-count';
    }
  }
  if (!context.interactive) {
    given['service-json'] ??= 'the default';
    given['desired-count'] ??= 'the default';
  }

  // 6: service discovery.
  const registryArn = take('registry-arn', str(options, 'registry-arn'), (text) => checkArnAnswer('cloudMapService', text, 'the Cloud Map service ARN'));
  const containerPortFlag = take('discovery-container-port', str(options, 'discovery-container-port'), (text) => checkInteger(text, 'the discovery container port', {min: 1, max: 65535}));
  const portFlag = take('discovery-port', str(options, 'discovery-port'), (text) => checkInteger(text, 'the discovery port', {min: 1, max: 65535}));
  const recordsFlag = str(options, 'discovery-records');
  if (registryArn !== undefined) {
    answers.discovery = {registryArn};
    given.discovery = '--registry-arn';
    given['discovery-arn'] = '--registry-arn';
    choices.discovery = 'paste';
  } else if ((containerPortFlag ?? portFlag ?? recordsFlag) !== undefined && !answers.discovery) {
    fail('--registry-arn', 'the discovery flags need --registry-arn (the Cloud Map service ARN)');
  }
  if (answers.discovery) {
    if (recordsFlag !== undefined) {
      const upper = recordsFlag.trim().toUpperCase();
      if (upper !== 'SRV' && upper !== 'A') fail('--discovery-records', `"${recordsFlag}" is not SRV or A`);
      else {
        answers.discovery = {...answers.discovery, recordTypes: [upper]};
        given['discovery-srv'] = '--discovery-records';
      }
    }
    if (containerPortFlag !== undefined && portFlag !== undefined) {
      fail('--discovery-port', 'give either --discovery-container-port (containerName + containerPort) or --discovery-port, never both');
    } else if (containerPortFlag !== undefined) {
      const containers = specContainers(answers);
      const named = str(options, 'discovery-container');
      const containerName = named ?? containers.find((container) => container.name === '${CONTAINER_NAME}')?.name ?? containers[0]?.name ?? '${CONTAINER_NAME}';
      answers.discovery = {...answers.discovery, use: 'container', containerName, containerPort: containerPortFlag};
      Object.assign(given, {'discovery-use': '--discovery-container-port', 'discovery-container': named === undefined ? 'the artifact container' : '--discovery-container', 'discovery-container-port': '--discovery-container-port'});
    } else if (portFlag !== undefined) {
      answers.discovery = {...answers.discovery, use: 'port', port: portFlag};
      Object.assign(given, {'discovery-use': '--discovery-port', 'discovery-port': '--discovery-port'});
    }
  } else if (!context.interactive && answers.discovery === undefined) {
    answers.discovery = null;
  }

  // 7: config variables.
  const variables: Record<string, string> = {};
  for (const text of many(options, 'var')) {
    const pair = take('var', text, (value) => parseNameValue(value, {variable: true}));
    if (pair !== undefined) variables[pair.name] = pair.value;
  }
  if (answers.discovery?.use === 'container' && typeof answers.discovery.containerPort === 'number' && variables[CONTAINER_PORT_VARIABLE] === undefined) {
    variables[CONTAINER_PORT_VARIABLE] = String(answers.discovery.containerPort);
  }
  if (many(options, 'var').length > 0 || !context.interactive || Object.keys(variables).length > 0) {
    answers.variables = variables;
    if (many(options, 'var').length > 0 || !context.interactive) given.variables = '--var';
  }

  // 8: private registry authentication.
  const secret = take('credentials-secret', str(options, 'credentials-secret'), (text) => checkArnAnswer('secretsManagerSecret', text, 'the secret ARN'));
  const kms = take('kms-key', str(options, 'kms-key'), (text) => checkArnAnswer('kmsKey', text, 'the KMS key ARN'));
  if (secret !== undefined) {
    answers.registryAuth = kms === undefined ? {credentialsSecretArn: secret} : {credentialsSecretArn: secret, kmsKeyArn: kms};
    given['auth-secret'] = '--credentials-secret';
    given['auth-kms'] = kms === undefined ? 'none' : '--kms-key';
  } else if (kms !== undefined) fail('--kms-key', 'give the secret too: --credentials-secret ARN');
  else if (!context.interactive && !needsRegistryAuth(answers)) answers.registryAuth = null;
  const roles = many(options, 'execution-role').map((text) => take('execution-role', text, (value) => checkArnAnswer('iamRole', value, 'the execution role ARN')));
  if (roles.length > 0 && roles[0] !== undefined) {
    answers.executionRoleArn = roles[0];
    given['auth-role'] = '--execution-role';
  }
  if (result.flags.createRole && roles.length > 0) fail('--create-execution-role', 'give either --execution-role or --create-execution-role, not both');
  if (result.flags.createRole) {
    choices['auth-role'] = 'create';
    given['auth-role'] = '--create-execution-role';
  }
  if (needsRegistryAuth(answers) || answers.registryAuth) {
    if (result.flags.applyIam || !context.interactive) given['auth-policy'] = result.flags.applyIam ? '--apply-iam' : 'not applied: no --apply-iam';
    choices['auth-policy'] = result.flags.applyIam ? 'put on the role (--apply-iam)' : 'not applied (no --apply-iam)';
  }

  // 9: environments.
  const names = many(options, 'env');
  const perEnv = (flag: string): Array<string | undefined> => {
    const values = many(options, flag);
    if (values.length > 1 && values.length !== Math.max(1, names.length)) {
      fail(`--${flag}`, `given ${values.length} times for ${names.length} environment${names.length === 1 ? '' : 's'}: give it once (for all) or once per --env, in the same order`);
    }
    return Array.from({length: Math.max(1, names.length)}, (_, index) => (values.length > 1 ? values[index] : values[0]));
  };
  const regions = perEnv('region');
  const clusters = perEnv('cluster');
  const subnets = perEnv('subnets');
  const groups = perEnv('security-groups');
  const stacks = perEnv('cfn-stack');
  const states = perEnv('tf-state');
  const envRoles = many(options, 'execution-role').length > 1 ? perEnv('execution-role') : [];
  const overrides = many(options, 'override');
  const anyEnvFlag = names.length > 0 || ['region', 'cluster', 'subnets', 'security-groups', 'override', 'cfn-stack', 'tf-state'].some((flag) => many(options, flag).length > 0) || options['assign-public-ip'] === true;
  if (anyEnvFlag || !context.interactive) {
    const count = Math.max(1, names.length);
    const environments: EnvironmentAnswers[] = [];
    for (let index = 0; index < count; index += 1) {
      const environment: EnvironmentAnswers = {};
      const key = (id: string): string => `${id}#${index}`;
      const envName = names[index];
      if (envName !== undefined) {
        const checked = checkEnvironmentName(envName, names.slice(0, index));
        if (checked.ok) {
          environment.name = checked.value;
          given[key('env-name')] = '--env';
        } else fail('--env', checked.message);
      }
      const region = regions[index] ?? (context.interactive ? undefined : context.defaultRegion);
      if (region !== undefined) {
        const checked = checkRegion(region);
        if (checked.ok) {
          environment.region = checked.value;
          given[key('env-region')] = regions[index] === undefined ? 'AWS_REGION' : '--region';
        } else fail('--region', checked.message);
      }
      const cluster = clusters[index];
      if (cluster !== undefined) {
        const checked = checkClusterName(cluster);
        if (checked.ok) {
          environment.cluster = checked.value;
          given[key('env-cluster')] = '--cluster';
        } else fail('--cluster', checked.message);
      }
      if (subnets[index] !== undefined) {
        const checked = parseIds(subnets[index]!, 'subnet');
        if (checked.ok) {
          environment.subnets = checked.value;
          given[key('env-subnets')] = '--subnets';
        } else fail('--subnets', checked.message);
      }
      if (groups[index] !== undefined) {
        const checked = parseIds(groups[index]!, 'sg');
        if (checked.ok) {
          environment.securityGroups = checked.value;
          given[key('env-security-groups')] = '--security-groups';
        } else fail('--security-groups', checked.message);
      }
      if (options['assign-public-ip'] === true) {
        if (answers.launchType === 'EC2') fail('--assign-public-ip', 'only Fargate tasks can get a public IP');
        environment.assignPublicIp = true;
        given[key('env-public-ip')] = '--assign-public-ip';
      } else if (!context.interactive) {
        environment.assignPublicIp = false;
        given[key('env-public-ip')] = 'no --assign-public-ip';
      }
      const role = envRoles[index];
      if (role !== undefined) {
        const checked = checkArnAnswer('iamRole', role, 'the execution role ARN');
        if (checked.ok) environment.executionRoleArn = checked.value;
      }
      if (role !== undefined || answers.executionRoleArn !== undefined) given[key('env-role')] = '--execution-role';
      if (result.flags.createRole) {
        choices[key('env-role')] = 'create';
        given[key('env-role')] = '--create-execution-role';
      }
      if (stacks[index] !== undefined && states[index] !== undefined) fail('--cfn-stack', 'give either --cfn-stack or --tf-state for an environment, not both');
      result.provisioners[index] = stacks[index] !== undefined ? {kind: 'cloudformation', source: stacks[index]!} : states[index] !== undefined ? {kind: 'terraform', source: states[index]!} : undefined;
      const source = result.provisioners[index];
      if (source !== undefined) {
        choices[key('env-source')] = source.kind;
        given[key('env-source')] = source.kind === 'cloudformation' ? '--cfn-stack' : '--tf-state';
      } else if (anyEnvFlag || !context.interactive) {
        choices[key('env-source')] = 'typed';
        given[key('env-source')] = 'flags';
      }
      environment.overrides = {};
      given[key('env-overrides')] = '--override';
      if (index < count - 1) choices[key('env-more')] = 'yes';
      else choices[key('env-more')] = 'no';
      if (names.length > 0 || !context.interactive) given[key('env-more')] = '--env';
      environments.push(environment);
    }
    for (const text of overrides) {
      const colon = text.indexOf(':');
      const equals = text.indexOf('=');
      const scoped = colon > 0 && (equals < 0 || colon < equals);
      const envName = scoped ? text.slice(0, colon) : undefined;
      const pair = take('override', scoped ? text.slice(colon + 1) : text, (value) => parseNameValue(value, {variable: true}));
      if (pair === undefined) continue;
      if (envName === undefined && environments.length > 1) {
        fail('--override', `"${text}": with several environments write ENV:NAME=VALUE (environments: ${names.join(', ')})`);
        continue;
      }
      const index = envName === undefined ? 0 : environments.findIndex((environment) => environment.name === envName);
      if (index < 0) {
        fail('--override', `"${text}": no environment named ${envName} (environments: ${names.join(', ') || 'none'})`);
        continue;
      }
      environments[index]!.overrides = {...environments[index]!.overrides, [pair.name]: pair.value};
    }
    answers.environments = environments;
  }
  return result;
}

/** `--flag: message` lines for the problems of an assembled profile and the flags. */
export function problemLines(flagProblems: readonly FlagProblem[], wizardProblems: readonly WizardProblem[], environmentNames: readonly string[]): string[] {
  const lines = flagProblems.filter((problem) => problem.severity === 'error').map((problem) => `${problem.flag}: ${problem.message}`);
  for (const problem of wizardProblems) {
    if (problem.severity !== 'error') continue;
    const where = problem.environment === undefined ? '' : ` (environment ${environmentNames[problem.environment] || problem.environment + 1})`;
    lines.push(`${FLAG_OF[problem.field]}: ${problem.message}${where}${problem.fix ? ` (${problem.fix})` : ''}`);
  }
  return [...new Set(lines)];
}
