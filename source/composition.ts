import type {GlobalOptions} from './commands/spec.js';
import type {ProfileStore} from './ports/profile-store.js';
import type {Clock} from './ports/clock.js';
import type {AwsClientFactory} from './adapters/aws/client-factory.js';
import type {EcsPort} from './ports/ecs.js';
import type {IamPort} from './ports/iam.js';
import type {SecretsPort} from './ports/secrets.js';
import type {DiscoveryPort} from './ports/discovery.js';
import type {LogsPort} from './ports/logs.js';
import type {RegistryPort} from './ports/registry.js';
import type {NetworkPort} from './ports/network.js';
import type {CloudFormationPort, TerraformStatePort} from './ports/provisioners.js';
import type {RepositoriesPort} from './ports/repositories.js';
import type {EditorPort} from './ports/editor.js';
import type {DraftStore} from './operations/wizard-services.js';
import type {DeployPorts} from './operations/deploy.js';
import type {ScenarioName, SeedServiceOptions} from './adapters/simulator/index.js';
import {systemClock} from './adapters/system-clock.js';
import {createEditor} from './adapters/editor.js';
import {createTerraformState} from './adapters/terraform-state.js';

/** What `--simulate[=SCENARIO]` asks for; `seed` pre-creates the profile's service in the simulator. */
export interface SimulationRequest {
  scenario: string;
  speed: number;
  seed?: SeedServiceOptions;
}

/**
 * The one place that chooses real adapters or the rollout simulator (`deployPorts`). Commands and screens
 * receive this and never construct adapters themselves; tests pass their own root.
 * Everything heavy is created on first use and imported lazily.
 */
export interface CompositionRoot {
  readonly version: string;
  profileStore(): Promise<ProfileStore>;
  aws(): Promise<AwsClientFactory>;
  /** ECS in `region` (default: the factory's region — --region, AWS_REGION or the AWS profile's). */
  ecs(region?: string): Promise<EcsPort>;
  /**
   * The region and AWS profile as configured (--region / AWS_REGION / AWS_DEFAULT_REGION, --aws-profile /
   * AWS_PROFILE), read without loading the SDK: for headers. `region` is undefined when only the AWS
   * profile's config file names it (the ECS port's `region` then tells).
   */
  awsContext(): {region?: string; profile?: string};
  /** IAM (a global service; `region` only picks the client's). */
  iam(region?: string): Promise<IamPort>;
  secrets(region?: string): Promise<SecretsPort>;
  discovery(region?: string): Promise<DiscoveryPort>;
  logs(region?: string): Promise<LogsPort>;
  /** Docker registries: ECR through the SDK, Docker Hub and private v2 registries over HTTP. */
  registry(): Promise<RegistryPort>;
  /**
   * The ports of deploy, watch and rollback in `region` — the ONE place that picks AWS or the rollout simulator:
   * with `simulate`, ECS is the simulator (seeded with `seed`) and no other AWS port is handed out. `checks: false`
   * (diff) leaves the pre-flight check ports out.
   */
  deployPorts(region: string, options?: {simulate?: SimulationRequest; checks?: boolean}): Promise<DeployPorts>;
  /** EC2 networking (VPCs, subnets, security groups) for the wizard's awsvpc questions. */
  network(region?: string): Promise<NetworkPort>;
  /** CloudFormation stack outputs (an infrastructure provisioner). */
  cloudFormation(region?: string): Promise<CloudFormationPort>;
  /** Terraform state file outputs (an infrastructure provisioner). */
  terraformState(): TerraformStatePort;
  /** ECR repositories, for the wizard's artifact step. */
  repositories(region?: string): Promise<RepositoriesPort>;
  /** The person's editor ($VISUAL/$EDITOR) for Advanced JSON; `stdin` is put out of raw mode while it runs. */
  editor(options?: {stdin?: NodeJS.ReadStream}): EditorPort;
  /** Where the wizard keeps a half-done setup (next to the profile store). */
  wizardDraft(): Promise<DraftStore>;
  readonly clock: Clock;
}

/** The rollout simulator as a deploy's ports (also used by test roots). */
export async function simulatedDeployPorts(clock: Clock, region: string, simulate: SimulationRequest): Promise<DeployPorts> {
  const {createSimulatedEcs, isScenarioName, DEFAULT_SCENARIO} = await import('./adapters/simulator/index.js');
  const scenario: ScenarioName = isScenarioName(simulate.scenario) ? simulate.scenario : DEFAULT_SCENARIO;
  const ecs = createSimulatedEcs({clock, scenario, speed: simulate.speed, region});
  if (simulate.seed !== undefined) ecs.seedService(simulate.seed);
  return {ecs, simulation: {scenario, speed: simulate.speed}};
}

const once = <T>(create: () => Promise<T>): (() => Promise<T>) => {
  let value: Promise<T> | undefined;
  return () => (value ??= create());
};

export function createCompositionRoot(options: {globals: GlobalOptions; env: NodeJS.ProcessEnv; version: string}): CompositionRoot {
  const {globals, env, version} = options;
  const ecsPorts = new Map<string, Promise<EcsPort>>();
  /** One port per region, created on first use (a failed creation is forgotten, so that a retry can succeed). */
  const perRegion = <P>(create: (factory: AwsClientFactory) => Promise<P>, getFactory: () => Promise<AwsClientFactory>) => {
    const ports = new Map<string, Promise<P>>();
    return (region?: string): Promise<P> => {
      const key = region ?? '';
      let port = ports.get(key);
      if (port === undefined) {
        port = getFactory().then((factory) => create(region === undefined ? factory : factory.forRegion(region)));
        ports.set(key, port);
        port.catch(() => ports.get(key) === port && ports.delete(key));
      }
      return port;
    };
  };
  const aws = once(async () => {
    const {createAwsClientFactory} = await import('./adapters/aws/client-factory.js');
    return createAwsClientFactory({
      region: globals.region,
      profile: globals.awsProfile,
      endpointUrl: globals.endpointUrl,
      env,
      userAgent: `ecs-wizard/${version}`,
    });
  });
  const iam = perRegion(async (factory) => (await import('./adapters/aws/iam.js')).createIamPort(factory), aws);
  const secrets = perRegion(async (factory) => (await import('./adapters/aws/secrets.js')).createSecretsPort(factory), aws);
  const discovery = perRegion(async (factory) => (await import('./adapters/aws/discovery.js')).createDiscoveryPort(factory), aws);
  const logs = perRegion(async (factory) => (await import('./adapters/aws/logs.js')).createLogsPort(factory), aws);
  const registry = once(async () => (await import('./adapters/registry/index.js')).createRegistryPort({aws}));
  const network = perRegion(async (factory) => (await import('./adapters/aws/ec2.js')).createNetworkPort(factory), aws);
  const cloudFormation = perRegion(async (factory) => (await import('./adapters/aws/cloudformation.js')).createCloudFormationPort(factory), aws);
  const repositories = perRegion(async (factory) => (await import('./adapters/aws/ecr-repositories.js')).createRepositoriesPort(factory), aws);
  const profileStore = once(async () => {
    const {createConfProfileStore} = await import('./adapters/conf-profile-store.js');
    return createConfProfileStore({env});
  });
  const terraformState = createTerraformState();
  return {
    version,
    clock: systemClock,
    profileStore,
    aws,
    iam,
    secrets,
    discovery,
    logs,
    registry,
    network,
    cloudFormation,
    repositories,
    terraformState: () => terraformState,
    editor: (editorOptions = {}) => createEditor({env, ...(editorOptions.stdin === undefined ? {} : {stdin: editorOptions.stdin})}),
    async wizardDraft() {
      const {draftStoreBeside} = await import('./adapters/wizard-draft.js');
      return draftStoreBeside((await profileStore()).path);
    },
    async deployPorts(region, deployOptions = {}) {
      if (deployOptions.simulate !== undefined) return simulatedDeployPorts(systemClock, region, deployOptions.simulate);
      // One after another: the SDK's chunks are loaded once each (concurrent first imports of shared chunks are slower).
      const ecs = await this.ecs(region);
      if (deployOptions.checks === false) return {ecs};
      const iamPort = await iam(region);
      const secretsPort = await secrets(region);
      const discoveryPort = await discovery(region);
      const registryPort = await registry();
      const networkPort = await network(region);
      return {ecs, checks: {iam: iamPort, secrets: secretsPort, discovery: discoveryPort, registry: registryPort, network: networkPort, logs: (logsRegion) => logs(logsRegion)}};
    },
    awsContext() {
      const pick = (...values: Array<string | undefined>): string | undefined => values.map((value) => value?.trim()).find((value) => value !== undefined && value !== '');
      const region = pick(globals.region, env.AWS_REGION, env.AWS_DEFAULT_REGION);
      const profile = pick(globals.awsProfile, env.AWS_PROFILE);
      return {...(region === undefined ? {} : {region}), ...(profile === undefined ? {} : {profile})};
    },
    async ecs(region) {
      const key = region ?? '';
      let port = ecsPorts.get(key);
      if (port === undefined) {
        port = (async () => {
          const factory = await this.aws();
          const {createEcsPort} = await import('./adapters/aws/ecs.js');
          return createEcsPort(region === undefined ? factory : factory.forRegion(region));
        })();
        ecsPorts.set(key, port);
        port.catch(() => ecsPorts.get(key) === port && ecsPorts.delete(key));
      }
      return port;
    },
  };
}
