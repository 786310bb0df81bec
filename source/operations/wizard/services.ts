/**
 * What the setup wizard asks of the world, over ports: saved profiles, AWS listings (clusters, ECR, Cloud Map,
 * Secrets Manager, IAM roles, VPC networking, CloudFormation), registry tags, the editor, the draft.
 *
 * Every listing answers `{ok: false, reason}` instead of throwing — offline, no credentials, no permission —
 * within LISTING_TIMEOUT_MS, so that each picker falls back to typed entry with a one-line reason. Actions that
 * change something (create a role, put a policy, save) throw a CliError whose message is shown in place.
 */
import type {OfferedEnvironment} from './application-environments.js';
import type {EnvironmentChange} from '../../ports/profile-store.js';
import type {Profile} from '../../domain/model.js';
import type {ArtifactSource} from '../../domain/model.js';
import type {JsonObject} from '../../domain/json.js';
import {renderDiffText} from '../../domain/diff-render.js';
import {CliError} from '../../errors.js';
import type {DiscoveryNamespace, DiscoveryPort, DiscoveryService} from '../../ports/discovery.js';
import type {EcsPort} from '../../ports/ecs.js';
import type {EditorPort} from '../../ports/editor.js';
import type {IamPort, IamRole} from '../../ports/iam.js';
import type {NetworkPort, SecurityGroup, Subnet, Vpc} from '../../ports/network.js';
import type {ProfileStore} from '../../ports/profile-store.js';
import type {CloudFormationPort, ProvisionerOutputs, StackSummary, TerraformStatePort} from '../../ports/provisioners.js';
import type {AccessCheck, RegistryPort, RegistryTag} from '../../ports/registry.js';
import type {EcrRepository, RepositoriesPort} from '../../ports/repositories.js';
import type {SecretSummary, SecretsPort} from '../../ports/secrets.js';
import type {TemplateName} from '../../domain/templates.js';
import type {CompositionRoot} from '../../ports/root.js';
import type {DraftStore} from '../../ports/draft-store.js';
import {planDeploy, planSummary} from '../deploy/plan.js';
import {arnRegion} from './answer-checks.js';

/** An AWS listing that does not answer within this time is given up (the picker falls back to typing). */
export const LISTING_TIMEOUT_MS = 8_000;

export type Listing<T> = {ok: true; items: T[]} | {ok: false; reason: string};

/** A check of one thing: found, known not to exist, or not checkable (offline, no permission). */
export type Lookup<T> = {status: 'found'; value: T} | {status: 'missing'} | {status: 'unknown'; reason: string};

/** The ports the wizard uses; the composition root (or a test) provides them. */
export interface WizardPorts {
  store(): Promise<ProfileStore>;
  ecs(region?: string): Promise<EcsPort>;
  iam(): Promise<IamPort>;
  secrets(region?: string): Promise<SecretsPort>;
  discovery(region?: string): Promise<DiscoveryPort>;
  registry(): Promise<RegistryPort>;
  repositories(region?: string): Promise<RepositoriesPort>;
  network(region?: string): Promise<NetworkPort>;
  cloudFormation(region?: string): Promise<CloudFormationPort>;
  terraform(): TerraformStatePort;
  editor(): EditorPort;
  draft(): Promise<DraftStore>;
  /** The text of a template shipped in templates/. */
  template(name: TemplateName): Promise<string>;
  /** The configured region (--region, AWS_REGION…), when there is one. */
  defaultRegion(): string | undefined;
  /** ECS_WIZARD_REGISTRY_PASSWORD, when set (the private registry password; never saved). */
  registryPassword(): string | undefined;
  /** ISO-8601 now (from the injected clock). */
  now(): string;
}

export interface LiveDiff {
  /** One line: what a deploy would do (`create cluster web, register web-api:1, create service web-api`). */
  summary: string;
  /** The field-aware diff as text. */
  text: string;
}

export interface WizardServices {
  applications(): Promise<Listing<string>>;
  profileNames(): Promise<string[]>;
  /** The application's environments (with the profiles using each): what the wizard offers before a new one. */
  applicationEnvironments?(application: string): Promise<Listing<OfferedEnvironment>>;
  /** Saves; resolves with the changes it made to environments other profiles of the application use. */
  saveProfile(profile: Profile, options?: {overwrite?: boolean}): Promise<EnvironmentChange[] | void>;
  ecrRepositories(region?: string): Promise<Listing<EcrRepository>>;
  tags(artifact: ArtifactSource, password?: string): Promise<Listing<RegistryTag> & {newestFirst?: boolean}>;
  /** Does the registry answer without credentials (GET /v2/)? `unknown` when it cannot be asked in time. */
  registryAccess(artifact: ArtifactSource): Promise<AccessCheck>;
  clusters(region?: string): Promise<Listing<string>>;
  namespaces(region?: string): Promise<Listing<DiscoveryNamespace>>;
  discoveryServices(namespaceId: string, region?: string): Promise<Listing<DiscoveryService>>;
  discoveryService(arn: string): Promise<Lookup<DiscoveryService>>;
  secrets(region?: string): Promise<Listing<SecretSummary>>;
  secret(arn: string): Promise<Lookup<SecretSummary>>;
  executionRoles(): Promise<Listing<IamRole>>;
  role(nameOrArn: string): Promise<Lookup<IamRole>>;
  createExecutionRole(name: string): Promise<IamRole>;
  putRolePolicy(roleArn: string, policyName: string, document: JsonObject): Promise<void>;
  vpcs(region?: string): Promise<Listing<Vpc>>;
  subnets(region?: string): Promise<Listing<Subnet>>;
  securityGroups(region?: string): Promise<Listing<SecurityGroup>>;
  stacks(region?: string): Promise<Listing<StackSummary>>;
  stackOutputs(stack: string, region?: string): Promise<Lookup<ProvisionerOutputs>>;
  terraformOutputs(path: string): Promise<Lookup<ProvisionerOutputs>>;
  /** The absolute path of a state file (recorded in the profile, so that a refresh finds it from anywhere). */
  terraformPath(path: string): string;
  liveDiff(profile: Profile, environment: string, width: number): Promise<{ok: true; diff: LiveDiff} | {ok: false; reason: string}>;
  editor(): EditorPort;
  draft(): Promise<DraftStore>;
  template(name: TemplateName): Promise<string>;
  defaultRegion(): string | undefined;
  registryPassword(): string | undefined;
  now(): string;
}

/** One line saying why something could not be listed or done. */
export function reasonOf(error: unknown): string {
  if (error instanceof CliError) return error.hint && error.message.length < 90 ? `${error.message} (${error.hint})` : error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}

class Timeout extends Error {}

async function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Timeout(`no answer within ${Math.round(ms / 1000)} s`)), ms);
        timer.unref?.();
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

export function createWizardServices(ports: WizardPorts, options: {timeoutMs?: number} = {}): WizardServices {
  const timeout = options.timeoutMs ?? LISTING_TIMEOUT_MS;
  async function list<T>(run: () => Promise<T[]>): Promise<Listing<T>> {
    try {
      return {ok: true, items: await within(run(), timeout)};
    } catch (error) {
      return {ok: false, reason: reasonOf(error)};
    }
  }
  async function lookup<T>(run: () => Promise<T | undefined>): Promise<Lookup<T>> {
    try {
      const value = await within(run(), timeout);
      return value === undefined ? {status: 'missing'} : {status: 'found', value};
    } catch (error) {
      return {status: 'unknown', reason: reasonOf(error)};
    }
  }

  return {
    applications: () =>
      list(async () => {
        // Applications the store keeps (with or without services yet).
        const applications = await (await ports.store()).applications();
        return applications.map((application) => application.name).sort((a, b) => a.localeCompare(b));
      }),
    applicationEnvironments: (application) => list(async () => (await (await ports.store()).application(application))?.environments ?? []),
    async profileNames() {
      try {
        return (await (await ports.store()).list()).map((profile) => profile.name);
      } catch {
        return [];
      }
    },
    async saveProfile(profile, saveOptions = {}) {
      return (await ports.store()).save(profile, {overwrite: saveOptions.overwrite === true});
    },
    ecrRepositories: (region) => list(async () => (await ports.repositories(region)).listRepositories()),
    async tags(artifact, password) {
      try {
        const registry = await ports.registry();
        const result = await within(registry.listTags(artifact, password === undefined ? {} : {password}), timeout);
        return {ok: true, items: result.tags, newestFirst: result.newestFirst};
      } catch (error) {
        return {ok: false, reason: reasonOf(error)};
      }
    },
    async registryAccess(artifact) {
      try {
        return await within((await ports.registry()).anonymousAccess(artifact), timeout);
      } catch (error) {
        return {status: 'unknown', kind: 'other', reason: reasonOf(error)};
      }
    },
    clusters: (region) =>
      list(async () => {
        const ecs = await ports.ecs(region);
        const names: string[] = [];
        let token: string | undefined;
        do {
          const page = await ecs.listClusters(token);
          names.push(...page.items.map((arn) => arn.slice(arn.lastIndexOf('/') + 1)));
          token = page.nextToken;
        } while (token !== undefined);
        return names.sort((a, b) => a.localeCompare(b));
      }),
    namespaces: (region) => list(async () => (await ports.discovery(region)).listNamespaces()),
    discoveryServices: (namespaceId, region) => list(async () => (await ports.discovery(region)).listServices(namespaceId)),
    discoveryService: (arn) => lookup(async () => (await ports.discovery(arnRegion(arn))).getService(arn)),
    secrets: (region) => list(async () => (await (await ports.secrets(region)).listSecrets()).filter((secret) => secret.deletedAt === undefined)),
    secret: (arn) => lookup(async () => (await ports.secrets(arnRegion(arn))).describeSecret(arn)),
    executionRoles: () => list(async () => (await ports.iam()).listRoles({trustingEcsTasks: true})),
    role: (nameOrArn) => lookup(async () => (await ports.iam()).getRole(nameOrArn)),
    async createExecutionRole(name) {
      const iam = await ports.iam();
      const existing = await iam.getRole(name);
      if (existing !== undefined) {
        if (!existing.trustsEcsTasks)
          throw new CliError(`a role named ${name} exists and does not trust ecs-tasks.amazonaws.com`, {hint: 'pick another role, or fix its trust policy'});
        return existing;
      }
      return iam.createExecutionRole(name);
    },
    async putRolePolicy(roleArn, policyName, document) {
      await (await ports.iam()).putRolePolicy(roleArn, policyName, document);
    },
    vpcs: (region) => list(async () => (await ports.network(region)).listVpcs()),
    subnets: (region) => list(async () => (await ports.network(region)).listSubnets()),
    securityGroups: (region) => list(async () => (await ports.network(region)).listSecurityGroups()),
    stacks: (region) => list(async () => (await ports.cloudFormation(region)).listStacks()),
    stackOutputs: (stack, region) => lookup(async () => (await ports.cloudFormation(region)).stackOutputs(stack)),
    terraformOutputs: (path) => lookup(async () => ports.terraform().readOutputs(path)),
    terraformPath: (path) => ports.terraform().locate(path),
    async liveDiff(profile, environmentName, width) {
      const environment = profile.environments.find((candidate) => candidate.name === environmentName);
      if (environment === undefined) return {ok: false, reason: `no environment ${environmentName}`};
      try {
        const ecs = await ports.ecs(environment.region);
        const plan = await within(planDeploy({ecs}, {profile, environment}), timeout);
        return {ok: true, diff: {summary: planSummary(plan), text: renderDiffText(plan.diff, {width, color: false})}};
      } catch (error) {
        return {ok: false, reason: reasonOf(error)};
      }
    },
    editor: () => ports.editor(),
    draft: () => ports.draft(),
    template: (name) => ports.template(name),
    defaultRegion: () => ports.defaultRegion(),
    registryPassword: () => ports.registryPassword(),
    now: () => ports.now(),
  };
}

/** The wizard's ports from the composition root (the terminal's stdin goes to the editor adapter). */
export function wizardPortsFrom(root: CompositionRoot, options: {stdin?: NodeJS.ReadStream; env?: NodeJS.ProcessEnv} = {}): WizardPorts {
  let editor: EditorPort | undefined;
  return {
    store: () => root.profileStore(),
    ecs: (region) => root.ecs(region),
    iam: () => root.iam(),
    secrets: (region) => root.secrets(region),
    discovery: (region) => root.discovery(region),
    registry: () => root.registry(),
    repositories: (region) => root.repositories(region),
    network: (region) => root.network(region),
    cloudFormation: (region) => root.cloudFormation(region),
    terraform: () => root.terraformState(),
    editor: () => (editor ??= root.editor(options.stdin === undefined ? {} : {stdin: options.stdin})),
    draft: () => root.wizardDraft(),
    template: (name) => root.template(name),
    defaultRegion: () => root.awsContext().region,
    registryPassword: () => {
      const value = options.env?.ECS_WIZARD_REGISTRY_PASSWORD;
      return value === undefined || value === '' ? undefined : value;
    },
    now: () => new Date(root.clock.now()).toISOString(),
  };
}
