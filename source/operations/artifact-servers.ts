/**
 * An application's artifact servers (`ecs-wizard apps servers|server-add|server-edit|server-rm|server-adopt`, and
 * the wizard's "new registry"): a server built or changed from flags; the secret checked as the wizard checks it
 * (DescribeSecret: it exists, and the customer KMS key that encrypts it); the render rules run for each service an
 * edit reaches; and, when a server's secret or key changes, the execution roles that must be allowed to read the new
 * one (the least-privilege policy of domain/policy.ts), put on them only with --apply-iam. The store applies the
 * rules of the store (store-state.ts); this module only finds, shapes and checks.
 */
import type {ArtifactServer} from '../domain/artifact-servers.js';
import {inferRegistryKind} from '../domain/image.js';
import type {Issue} from '../domain/issues.js';
import type {JsonObject} from '../domain/json.js';
import type {ArtifactSource, Profile, RegistryAuth} from '../domain/model.js';
import {artifactFromFlags} from './tags.js';
import {PRIVATE_REGISTRY_POLICY_NAME, privateRegistryPolicy} from '../domain/policy.js';
import {renderAndValidate} from '../domain/render-and-validate.js';
import {AwsError, InputError} from '../errors.js';
import type {ApplicationView, ProfileStore} from '../ports/profile-store.js';
import {requireApplication} from './applications.js';
import type {CompositionRoot} from '../ports/root.js';
import {arnRegion, checkArnAnswer} from './wizard/answer-checks.js';
import {DOCKER_HUB_HOST} from './wizard/artifact.js';
import {kmsArnOf} from './wizard/questions/auth-secret.js';
import {checkRegistryHost} from './wizard/questions/registry-url.js';

/** The server flags of `apps server-add` and `apps server-edit` (init's registry flags). */
export interface ServerFlags {
  registry?: string;
  username?: string;
  credentialsSecret?: string;
  kmsKey?: string;
  noUsername?: boolean;
  noCredentials?: boolean;
  noKmsKey?: boolean;
}

function checked<T>(flag: string, result: {ok: true; value: T} | {ok: false; message: string}): T {
  if (!result.ok) throw new InputError(`${flag}: ${result.message}`);
  return result.value;
}

/** `--registry dockerhub|ecr|URL` → the kind and host (ECR needs its registry's address: a server has a host). */
function registryOf(text: string): Pick<ArtifactServer, 'registry' | 'host'> {
  const lower = text.trim().toLowerCase();
  if (lower === 'dockerhub' || lower === 'docker-hub') return {registry: 'dockerhub', host: DOCKER_HUB_HOST};
  if (lower === 'ecr')
    throw new InputError(
      "--registry ecr: an ECR artifact server needs its registry's address",
      'give it: --registry ACCOUNT.dkr.ecr.REGION.amazonaws.com (aws ecr describe-registry prints the account)',
    );
  const host = checked('--registry', checkRegistryHost(text));
  return {registry: inferRegistryKind(host), host};
}

/** `current` (or a new server named `name`) with the flags applied. The store checks the result. */
export function serverFromFlags(name: string, flags: ServerFlags, current?: ArtifactServer): ArtifactServer {
  if (current === undefined && flags.registry === undefined)
    throw new InputError('a new artifact server needs --registry', 'e.g. --registry registry.example.com:5000 (or dockerhub, or an ECR registry address)');
  if (flags.noUsername === true && flags.username !== undefined) throw new InputError('--no-username and --registry-username contradict each other');
  if (flags.noCredentials === true && (flags.credentialsSecret !== undefined || flags.kmsKey !== undefined))
    throw new InputError('--no-credentials removes the secret and its key: it goes with neither --credentials-secret nor --kms-key');
  if (flags.noKmsKey === true && flags.kmsKey !== undefined) throw new InputError('--no-kms-key and --kms-key contradict each other');
  const next: ArtifactServer = current === undefined ? {name, ...registryOf(flags.registry!)} : structuredClone(current);
  if (current !== undefined && flags.registry !== undefined) Object.assign(next, registryOf(flags.registry));
  if (flags.noUsername === true) delete next.username;
  else if (flags.username !== undefined) next.username = flags.username;
  if (flags.noCredentials === true) {
    delete next.credentialsSecretArn;
    delete next.kmsKeyArn;
  }
  if (flags.credentialsSecret !== undefined) {
    const secret = checked('--credentials-secret', checkArnAnswer('secretsManagerSecret', flags.credentialsSecret, 'the secret ARN'));
    // Another secret: its key is found again (or given).
    if (secret !== next.credentialsSecretArn && flags.kmsKey === undefined) delete next.kmsKeyArn;
    next.credentialsSecretArn = secret;
  }
  if (flags.noKmsKey === true) delete next.kmsKeyArn;
  else if (flags.kmsKey !== undefined) next.kmsKeyArn = checked('--kms-key', checkArnAnswer('kmsKey', flags.kmsKey, 'the KMS key ARN'));
  if (next.registry !== 'registry' && next.username !== undefined && flags.username !== undefined)
    throw new InputError(
      `--registry-username: a user name is for a private v2 registry; this server is ${next.registry === 'ecr' ? 'Amazon ECR' : 'Docker Hub'}`,
    );
  return next;
}

/**
 * The server's secret checked in Secrets Manager: missing → refused (exit 2); its customer KMS key filled in when no
 * key was given (a different key given is refused); AWS not reachable → a note, and the server is kept as given.
 */
export async function checkServerSecret(root: CompositionRoot, server: ArtifactServer, note: (line: string) => void): Promise<ArtifactServer> {
  const secret = server.credentialsSecretArn;
  if (secret === undefined) return server;
  let found;
  try {
    found = await (await root.secrets(arnRegion(secret))).describeSecret(secret);
  } catch (error) {
    if (!(error instanceof AwsError)) throw error;
    note(
      `--credentials-secret: could not check that the secret exists, nor which KMS key encrypts it (${error.message})` +
        (server.kmsKeyArn === undefined ? '; if it uses a customer KMS key, pass --kms-key ARN so that kms:Decrypt is allowed' : ''),
    );
    return server;
  }
  if (found === undefined) throw new InputError(`--credentials-secret: no secret ${secret}`, 'check the ARN, or create the secret first');
  const key = kmsArnOf(found.arn, found.kmsKeyId);
  if (key === undefined) return server;
  if (server.kmsKeyArn === undefined) {
    note(`--credentials-secret: the secret uses the customer KMS key ${key} (secretsmanager:DescribeSecret): kms:Decrypt on it goes into the policy`);
    return {...server, kmsKeyArn: key};
  }
  if (server.kmsKeyArn !== key)
    throw new InputError(`--kms-key: the secret is encrypted with ${key}, not ${server.kmsKeyArn}`, 'give that key (or leave --kms-key out)');
  return server;
}

/** Refuses (exit 2) a profile that does not render with the server as it would be: the service, environment and field named. */
export function checkRendersWithServer(profile: Profile, server: string): void {
  for (const environment of profile.environments) {
    const errors = renderAndValidate({profile, environment: environment.name}).issues.filter((issue) => issue.severity === 'error');
    if (errors.length > 0) {
      const first = errors[0]!;
      throw new InputError(
        `the change to artifact server ${server} would break service ${profile.name} in environment ${environment.name}: ${issueText(first)}${
          errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''
        }; nothing was changed`,
        first.fix,
      );
    }
  }
}

const issueText = (issue: Issue): string => `${issue.source}${issue.path === '' ? '' : ` ${issue.path}`}: ${issue.message}`;

export async function requireServer(store: ProfileStore, application: string, name: string): Promise<ArtifactServer & {services: string[]}> {
  const view = await store.application(application);
  const server = view?.artifactServers.find((candidate) => candidate.name === name);
  if (server === undefined || server.name === undefined) {
    const names = (view?.artifactServers ?? []).flatMap((candidate) => (candidate.name === undefined ? [] : [candidate.name]));
    throw new InputError(
      `the application '${application}' has no artifact server named '${name}'`,
      names.length === 0
        ? 'it has no artifact servers yet: ecs-wizard apps server-add NAME --app APP --registry …'
        : `its artifact servers are: ${names.join(', ')}`,
    );
  }
  return {...server, name: server.name};
}

/** An execution role that must be allowed to read a server's secret, and the services and environments that run with it. */
export interface RoleNeed {
  role: string;
  uses: Array<{profile: string; environment: string}>;
}

/** The execution roles the services' task definitions name (rendered, as ECS will get them), one entry per role. */
export function executionRolesOf(profiles: readonly Profile[]): RoleNeed[] {
  const roles = new Map<string, RoleNeed>();
  for (const profile of profiles) {
    for (const environment of profile.environments) {
      const role = renderAndValidate({profile, environment: environment.name}).taskDefinition?.['executionRoleArn'];
      if (typeof role !== 'string' || role === '') continue;
      const need = roles.get(role) ?? {role, uses: []};
      need.uses.push({profile: profile.name, environment: environment.name});
      roles.set(role, need);
    }
  }
  return [...roles.values()];
}

/**
 * The private registry policy one execution role needs for every profile that runs with it (a role shared by services
 * of different servers reads each one's secret): secretsmanager:GetSecretValue on exactly those secrets, kms:Decrypt
 * on exactly their customer keys. For one secret it is the policy init and the wizard put (domain/policy.ts).
 */
export function registryPolicyForRole(role: string, profiles: readonly Profile[]): JsonObject | undefined {
  const auths: RegistryAuth[] = [];
  for (const profile of profiles) {
    const auth = profile.service.registryAuth;
    if (auth === undefined || !executionRolesOf([profile]).some((need) => need.role === role)) continue;
    if (!auths.some((known) => known.credentialsSecretArn === auth.credentialsSecretArn && known.kmsKeyArn === auth.kmsKeyArn)) auths.push(auth);
  }
  if (auths.length === 0) return undefined;
  const policy = privateRegistryPolicy(auths[0]!);
  if (auths.length === 1) return policy;
  const unique = (values: Array<string | undefined>): string[] => [...new Set(values.filter((value): value is string => value !== undefined))];
  const secrets = unique(auths.map((auth) => auth.credentialsSecretArn));
  const keys = unique(auths.map((auth) => auth.kmsKeyArn));
  const statements = (policy['Statement'] as JsonObject[]).map((statement) => ({...statement}));
  statements[0]!['Resource'] = secrets;
  const decrypt = statements.find((statement) => statement['Sid'] === 'DecryptRegistryCredentials');
  if (decrypt !== undefined) decrypt['Resource'] = keys;
  else if (keys.length > 0) statements.push({Sid: 'DecryptRegistryCredentials', Effect: 'Allow', Action: ['kms:Decrypt'], Resource: keys});
  return {...policy, Statement: statements};
}

/** Puts the private registry policy on each role (PutRolePolicy replaces the one ecs-wizard put before): what it put, by role. */
export async function applyServerPolicy(
  root: CompositionRoot,
  roles: readonly RoleNeed[],
  profiles: readonly Profile[],
): Promise<Array<{role: string; policy: JsonObject}>> {
  const iam = await root.iam();
  const done: Array<{role: string; policy: JsonObject}> = [];
  for (const need of roles) {
    const policy = registryPolicyForRole(need.role, profiles);
    if (policy === undefined) continue;
    await iam.putRolePolicy(need.role, PRIVATE_REGISTRY_POLICY_NAME, policy);
    done.push({role: need.role, policy});
  }
  return done;
}

/** The application a server command means: `--app` when given; else the only application, or the only one with a server `name`. */
export async function chooseServerApplication(store: ProfileStore, app: string | undefined, name?: string): Promise<ApplicationView> {
  if (app !== undefined) return requireApplication(store, app);
  const applications = await store.applications();
  if (applications.length === 1) return applications[0]!;
  const having = name === undefined ? [] : applications.filter((candidate) => candidate.artifactServers.some((server) => server.name === name));
  if (having.length === 1) return having[0]!;
  if (applications.length === 0) throw new InputError('there are no applications yet', 'give --app NAME (it is created), or ecs-wizard init creates one');
  const names = (having.length > 1 ? having : applications).map((candidate) => candidate.name);
  throw new InputError(
    `which application? ${names.length} ${having.length > 1 ? `have an artifact server '${name}'` : 'are saved'}: ${names.join(', ')}`,
    'give --app NAME',
  );
}

/** The artifact `--image` names on a server (`tags --server NAME --image PATH`): the server's registry, host and user. */
export function artifactOfServer(server: ArtifactServer, image: string): ArtifactSource {
  const kind = server.registry === 'registry' ? server.host : server.registry;
  const artifact = artifactFromFlags(kind, image);
  if (server.registry === 'ecr' && artifact.host !== '' && artifact.host !== server.host)
    throw new InputError(`--image '${image}' is not on the server ${server.name} (${server.host})`, 'give the repository name, or its URI on that registry');
  return {
    ...artifact,
    host: server.host,
    ...(server.username === undefined ? {} : {username: server.username}),
    server: server.name,
  };
}
