/**
 * What the setup wizard asks of the world, over ports: saved profiles, AWS listings (clusters, ECR, Cloud Map,
 * Secrets Manager, IAM roles, VPC networking, CloudFormation), registry tags, the editor, the draft.
 *
 * Every listing answers `{ok: false, reason}` instead of throwing — offline, no credentials, no permission —
 * within LISTING_TIMEOUT_MS, so that each picker falls back to typed entry with a one-line reason. Actions that
 * change something (create a role, put a policy, save) throw a CliError whose message is shown in place.
 */
import type {OfferedEnvironment} from './application-environments.js';
import {offeredServers, type OfferedServer} from './application-servers.js';
import type {EnvironmentChange} from '../../ports/profile-store.js';
import type {Profile} from '../../domain/model.js';
import type {ArtifactSource} from '../../domain/model.js';
import type {JsonObject} from '../../domain/json.js';
import {renderDiffText} from '../../domain/diff-render.js';
import {CliError, InputError} from '../../errors.js';
import type {DiscoveryNamespace, DiscoveryPort, DiscoveryService} from '../../ports/discovery.js';
import type {EcsPort} from '../../ports/ecs.js';
import type {EditorPort} from '../../ports/editor.js';
import type {IamPort, IamRole} from '../../ports/iam.js';
import type {NetworkPort, SecurityGroup, Subnet, Vpc} from '../../ports/network.js';
import type {ListenerFacts, ListenerRuleFacts, LoadBalancerFacts, LoadBalancingPort, TargetGroupFacts} from '../../ports/load-balancing.js';
import {DEFAULT_TRAFFIC_ROLE_NAME, ECS_PRINCIPAL, LOAD_BALANCER_ROLE_POLICY_ARN, trafficRoleTrustPolicy, trustsService} from '../../domain/load-balancer.js';
import type {ProfileStore} from '../../ports/profile-store.js';
import type {CloudFormationPort, ProvisionerOutputs, StackSummary, TerraformStatePort} from '../../ports/provisioners.js';
import type {AccessCheck, RegistryPort, RegistryTag} from '../../ports/registry.js';
import type {EcrRepository, RepositoriesPort} from '../../ports/repositories.js';
import type {SecretSummary, SecretsPort} from '../../ports/secrets.js';
import type {LambdaFunction, LambdaPort} from '../../ports/lambda.js';
import type {Alarm, AlarmsPort} from '../../ports/alarms.js';
import type {TemplateName} from '../../domain/templates.js';
import type {CompositionRoot} from '../../ports/root.js';
import type {DraftStore} from '../../ports/draft-store.js';
import {planDeploy, planSummary} from '../deploy/plan.js';
import {arnRegion} from './answer-checks.js';
import {dependencyIssues} from '../deploy/app-services.js';

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
  /** Elastic Load Balancing v2 (the load balancer questions). */
  loadBalancing(region?: string): Promise<LoadBalancingPort>;
  /** AWS Lambda (the lifecycle hooks' functions). Optional: test ports may leave it out. */
  lambda?(region?: string): Promise<LambdaPort>;
  /** CloudWatch alarms (the rollback alarms). Optional: test ports may leave it out. */
  alarms?(region?: string): Promise<AlarmsPort>;
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

/** A capacity provider attached to a cluster, as the wizard lists it. */
export interface ClusterCapacityProvider {
  name: string;
  /** FARGATE / FARGATE_SPOT, or an Auto Scaling group provider. */
  kind: 'fargate' | 'auto-scaling-group';
  /** The Auto Scaling group, for an Auto Scaling group provider (when DescribeCapacityProviders answers). */
  autoScalingGroupArn?: string;
}

export interface WizardServices {
  applications(): Promise<Listing<string>>;
  /** Every application's service names (the wizard's Depends on offers them). Optional: test fakes may leave it out. */
  servicesByApplication?(): Promise<Record<string, string[]>>;
  /** What is wrong with the profile's dependsOn among the application's saved services (unknown names, cycles). */
  dependencyIssues?(profile: Profile): Promise<string[]>;
  profileNames(): Promise<string[]>;
  /** The application's environments (with the profiles using each): what the wizard offers before a new one. */
  applicationEnvironments?(application: string): Promise<Listing<OfferedEnvironment>>;
  /** The application's artifact servers (with the profiles using each): what the wizard offers before a new registry. */
  artifactServers?(application: string): Promise<Listing<OfferedServer>>;
  /** Saves; resolves with the changes it made to environments other profiles of the application use. */
  saveProfile(profile: Profile, options?: {overwrite?: boolean}): Promise<EnvironmentChange[] | void>;
  ecrRepositories(region?: string): Promise<Listing<EcrRepository>>;
  tags(artifact: ArtifactSource, password?: string): Promise<Listing<RegistryTag> & {newestFirst?: boolean}>;
  /** One tag's digest, date and platforms (cached for the run); `missing` when the registry does not have it. */
  tagDetails(artifact: ArtifactSource, tag: string, password?: string): Promise<Lookup<RegistryTag>>;
  /** Does the registry answer without credentials (GET /v2/)? `unknown` when it cannot be asked in time. */
  registryAccess(artifact: ArtifactSource): Promise<AccessCheck>;
  clusters(region?: string): Promise<Listing<string>>;
  /** The capacity providers attached to a cluster (DescribeClusters, then DescribeCapacityProviders). Optional: fakes may leave it out. */
  capacityProviders?(cluster: string, region?: string): Promise<Listing<ClusterCapacityProvider>>;
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
  loadBalancers(region?: string): Promise<Listing<LoadBalancerFacts>>;
  loadBalancer(arn: string): Promise<Lookup<LoadBalancerFacts>>;
  listeners(loadBalancerArn: string): Promise<Listing<ListenerFacts>>;
  listenerRules(listenerArn: string): Promise<Listing<ListenerRuleFacts>>;
  listenerRule(arn: string): Promise<Lookup<ListenerRuleFacts>>;
  targetGroups(region?: string): Promise<Listing<TargetGroupFacts>>;
  targetGroup(arn: string): Promise<Lookup<TargetGroupFacts>>;
  /** Roles ECS itself may assume (trusting ecs.amazonaws.com): the load balancer traffic role. */
  trafficRoles(): Promise<Listing<IamRole>>;
  /** Creates the traffic role (trusting ecs.amazonaws.com, AmazonECSInfrastructureRolePolicyForLoadBalancers), or returns the one of that name. */
  createTrafficRole(name: string): Promise<IamRole>;
  /** The Lambda functions of the region (lifecycle hooks). Optional: test fakes may leave it out. */
  listFunctions?(region?: string): Promise<Listing<LambdaFunction>>;
  /** The CloudWatch metric alarms of the region (rollback alarms). Optional: test fakes may leave it out. */
  listAlarms?(region?: string): Promise<Listing<Alarm>>;
  /** One Lambda function by ARN (a typed hook, checked; the ARN's own region). Optional, as listFunctions. */
  lambdaFunction?(arn: string, region?: string): Promise<Lookup<LambdaFunction>>;
  /** The alarms of `names` that exist in the region (typed rollback alarms, checked). Optional, as listAlarms. */
  existingAlarms?(names: readonly string[], region?: string): Promise<Lookup<Alarm[]>>;
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
    dependencyIssues: async (profile) => dependencyIssues(await ports.store(), profile),
    async servicesByApplication() {
      try {
        const byApp: Record<string, string[]> = {};
        for (const summary of await (await ports.store()).summaries())
          byApp[summary.application] = [...new Set([...(byApp[summary.application] ?? []), summary.service])].sort();
        return byApp;
      } catch {
        return {};
      }
    },
    applicationEnvironments: (application) => list(async () => (await (await ports.store()).application(application))?.environments ?? []),
    artifactServers: (application) => list(async () => offeredServers((await (await ports.store()).application(application))?.artifactServers ?? [])),
    async profileNames() {
      try {
        return (await (await ports.store()).list()).map((profile) => profile.name);
      } catch {
        return [];
      }
    },
    async saveProfile(profile, saveOptions = {}) {
      const store = await ports.store();
      const issues = await dependencyIssues(store, profile);
      if (issues.length > 0) throw new InputError(issues.join('; '), 'change the services it depends on (Depends on)');
      return store.save(profile, {overwrite: saveOptions.overwrite === true});
    },
    ecrRepositories: (region) => list(async () => (await ports.repositories(region)).listRepositories()),
    async tags(artifact, password) {
      const options = password === undefined ? {} : {password};
      try {
        const registry = await ports.registry();
        try {
          // Newest first with date, digest and platforms (a v2 registry: each tag's manifest is read, cached for the run).
          const dated = await within(registry.datedTags(artifact, options), timeout);
          return {ok: true, items: dated.tags, newestFirst: dated.newestFirst};
        } catch (error) {
          // Too slow to read every tag of a large v2 registry: its names, as before.
          if (!(error instanceof Timeout)) throw error;
          const result = await within(registry.listTags(artifact, options), timeout);
          return {ok: true, items: result.tags, newestFirst: result.newestFirst};
        }
      } catch (error) {
        return {ok: false, reason: reasonOf(error)};
      }
    },
    async tagDetails(artifact, tag, password) {
      return lookup(async () => (await (await ports.registry()).describeTags(artifact, [tag], password === undefined ? {} : {password}))[0]);
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
    capacityProviders: (cluster, region) =>
      list(async () => {
        const ecs = await ports.ecs(region);
        const [found] = await ecs.describeClusters([cluster]);
        // A cluster the first deploy creates gets Fargate's two providers attached (operations/deploy/apply.ts).
        if (found === undefined)
          return [
            {name: 'FARGATE', kind: 'fargate'},
            {name: 'FARGATE_SPOT', kind: 'fargate'},
          ];
        const names = found.capacityProviders ?? [];
        const others = names.filter((name) => name !== 'FARGATE' && name !== 'FARGATE_SPOT');
        const described = others.length > 0 && ecs.describeCapacityProviders !== undefined ? await ecs.describeCapacityProviders(others) : [];
        return names.map((name): ClusterCapacityProvider => {
          if (name === 'FARGATE' || name === 'FARGATE_SPOT') return {name, kind: 'fargate'};
          const arn = described.find((provider) => provider.name === name)?.autoScalingGroupArn;
          return {name, kind: 'auto-scaling-group', ...(arn === undefined ? {} : {autoScalingGroupArn: arn})};
        });
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
    loadBalancers: (region) => list(async () => (await ports.loadBalancing(region)).listLoadBalancers()),
    loadBalancer: (arn) => lookup(async () => (await ports.loadBalancing(arnRegion(arn))).getLoadBalancer(arn)),
    listeners: (arn) => list(async () => (await ports.loadBalancing(arnRegion(arn))).listListeners(arn)),
    listenerRules: (arn) => list(async () => (await ports.loadBalancing(arnRegion(arn))).listRules(arn)),
    listenerRule: (arn) => lookup(async () => (await ports.loadBalancing(arnRegion(arn))).getRule(arn)),
    targetGroups: (region) => list(async () => (await ports.loadBalancing(region)).listTargetGroups()),
    targetGroup: (arn) => lookup(async () => (await ports.loadBalancing(arnRegion(arn))).getTargetGroup(arn)),
    trafficRoles: () => list(async () => (await (await ports.iam()).listRoles()).filter((role) => trustsService(role.trustPolicy, ECS_PRINCIPAL))),
    async createTrafficRole(name) {
      const iam = await ports.iam();
      const existing = await iam.getRole(name);
      if (existing !== undefined) {
        if (!trustsService(existing.trustPolicy, ECS_PRINCIPAL))
          throw new CliError(`a role named ${name} exists and does not trust ${ECS_PRINCIPAL}`, {hint: 'pick another role, or fix its trust policy'});
        return existing;
      }
      return iam.createExecutionRole(name, {
        trustPolicy: trafficRoleTrustPolicy(),
        managedPolicyArn: LOAD_BALANCER_ROLE_POLICY_ARN,
        description: `Lets ECS change load balancer listener rules in blue/green, linear and canary deployments (created by ecs-wizard as ${DEFAULT_TRAFFIC_ROLE_NAME})`,
      });
    },
    listFunctions: (region) =>
      list(async () => {
        if (ports.lambda === undefined) throw new Error('Lambda is not available here');
        return (await (await ports.lambda(region)).listFunctions()).sort((a, b) => a.name.localeCompare(b.name));
      }),
    listAlarms: (region) =>
      list(async () => {
        if (ports.alarms === undefined) throw new Error('CloudWatch alarms are not available here');
        return (await (await ports.alarms(region)).listAlarms()).sort((a, b) => a.name.localeCompare(b.name));
      }),
    lambdaFunction: (arn, region) =>
      lookup(async () => {
        if (ports.lambda === undefined) throw new Error('Lambda is not available here');
        return (await ports.lambda(region)).getFunction(arn);
      }),
    existingAlarms: (names, region) =>
      lookup(async () => {
        if (ports.alarms === undefined) throw new Error('CloudWatch alarms are not available here');
        return (await ports.alarms(region)).getAlarms(names);
      }),
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
    loadBalancing: (region) => root.loadBalancing(region),
    lambda: (region) => root.lambda(region),
    alarms: (region) => root.alarms(region),
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
