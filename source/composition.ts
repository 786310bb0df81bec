import type {GlobalOptions} from './commands/spec.js';
import type {Clock} from './ports/clock.js';
import type {AwsClientFactory, SlowCall} from './adapters/aws/client-factory.js';
import type {SlowRegistryCall} from './adapters/registry/http.js';
import type {DeployPorts} from './ports/deploy.js';
import type {CompositionRoot} from './ports/root.js';
import {DEFAULT_SIMULATION_SCENARIO, isSimulationScenario, type SimulationRequest, type SimulationScenario} from './ports/simulation.js';
import type {EcsPort} from './ports/ecs.js';
import {systemClock} from './adapters/system-clock.js';
import {createEditor} from './adapters/editor.js';
import {userFiles} from './adapters/files.js';
import {createTerraformState} from './adapters/terraform-state.js';

/** The rollout simulator as a deploy's ports (also used by test roots). */
export async function simulatedDeployPorts(clock: Clock, region: string, simulate: SimulationRequest): Promise<DeployPorts> {
  // Requested together: one round of module loading instead of three in a row.
  const [{createSimulatedEcs}, {createSimulatedLogs}, {createSimulatedScaling}] = await Promise.all([
    import('./adapters/simulator/simulated-ecs.js'),
    import('./adapters/simulator/logs.js'),
    import('./adapters/simulator/scaling.js'),
  ]);
  const scenario: SimulationScenario = isSimulationScenario(simulate.scenario) ? simulate.scenario : DEFAULT_SIMULATION_SCENARIO;
  const ecs = createSimulatedEcs({clock, scenario, speed: simulate.speed, region});
  if (simulate.seed !== undefined) ecs.seedService(simulate.seed);
  const logs = createSimulatedLogs(ecs, clock);
  return {ecs, simulation: {scenario, speed: simulate.speed}, logs: async () => logs, scaling: createSimulatedScaling()};
}

const once = <T>(create: () => Promise<T>): (() => Promise<T>) => {
  let value: Promise<T> | undefined;
  return () => (value ??= create());
};

export interface CompositionOptions {
  globals: GlobalOptions;
  env: NodeJS.ProcessEnv;
  version: string;
  /**
   * Where one-line notes to the person go (a call keeping them waiting, a folder tightened); without a terminal
   * this is stderr. Absent: no notes (an Ink screen shows its own spinners).
   */
  notice?: (message: string) => void;
}

export function createCompositionRoot(options: CompositionOptions): CompositionRoot {
  const {globals, env, version, notice} = options;
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
      ...(notice === undefined ? {} : {onSlowCall: (call: SlowCall) => notice(`waiting for AWS at ${call.target} (${call.operation}) …`)}),
    });
  });
  const iam = perRegion(async (factory) => (await import('./adapters/aws/iam.js')).createIamPort(factory), aws);
  const secrets = perRegion(async (factory) => (await import('./adapters/aws/secrets.js')).createSecretsPort(factory), aws);
  const discovery = perRegion(async (factory) => (await import('./adapters/aws/discovery.js')).createDiscoveryPort(factory), aws);
  const logs = perRegion(async (factory) => (await import('./adapters/aws/logs.js')).createLogsPort(factory), aws);
  const registry = once(async () =>
    (await import('./adapters/registry/index.js')).createRegistryPort({
      aws,
      ...(env.ECS_WIZARD_DOCKERHUB_URL ? {dockerHubUrl: env.ECS_WIZARD_DOCKERHUB_URL} : {}),
      // The same notice path as the AWS clients': a wait on a registry is never silent either.
      ...(notice === undefined ? {} : {onSlowCall: (call: SlowRegistryCall) => notice(`still waiting for ${call.target} (${call.operation}) …`)}),
    }),
  );
  const network = perRegion(async (factory) => (await import('./adapters/aws/ec2.js')).createNetworkPort(factory), aws);
  const loadBalancing = perRegion(async (factory) => (await import('./adapters/aws/elbv2.js')).createLoadBalancingPort(factory), aws);
  const lambda = perRegion(async (factory) => (await import('./adapters/aws/lambda.js')).createLambdaPort(factory), aws);
  const alarms = perRegion(async (factory) => (await import('./adapters/aws/cloudwatch.js')).createAlarmsPort(factory), aws);
  const cloudFormation = perRegion(async (factory) => (await import('./adapters/aws/cloudformation.js')).createCloudFormationPort(factory), aws);
  const repositories = perRegion(async (factory) => (await import('./adapters/aws/ecr-repositories.js')).createRepositoriesPort(factory), aws);
  const scaling = perRegion(async (factory) => (await import('./adapters/aws/scaling.js')).createScalingPort(factory), aws);
  const profileStore = once(async () => {
    const {createConfProfileStore} = await import('./adapters/conf-profile-store.js');
    return createConfProfileStore({env, version, ...(notice === undefined ? {} : {notice})});
  });
  const terraformState = createTerraformState();
  return {
    version,
    clock: systemClock,
    files: userFiles,
    profileStore,
    iam,
    secrets,
    discovery,
    logs,
    registry,
    network,
    loadBalancing,
    lambda,
    alarms,
    cloudFormation,
    repositories,
    scaling,
    terraformState: () => terraformState,
    editor: (editorOptions = {}) => createEditor({env, ...(editorOptions.stdin === undefined ? {} : {stdin: editorOptions.stdin})}),
    async wizardDraft() {
      const {draftStoreBeside} = await import('./adapters/wizard-draft.js');
      return draftStoreBeside((await profileStore()).path);
    },
    async template(name) {
      const {readTemplate} = await import('./adapters/templates.js');
      return readTemplate(name);
    },
    async deployPorts(region, deployOptions = {}) {
      if (deployOptions.simulate !== undefined) return simulatedDeployPorts(systemClock, region, deployOptions.simulate);
      // One after another: the SDK's chunks are loaded once each (concurrent first imports of shared chunks are slower).
      const ecs = await this.ecs(region);
      const scalingPort = await scaling(region);
      if (deployOptions.checks === false) return {ecs, logs: (logsRegion) => logs(logsRegion), scaling: scalingPort};
      const iamPort = await iam(region);
      const secretsPort = await secrets(region);
      const discoveryPort = await discovery(region);
      const registryPort = await registry();
      const networkPort = await network(region);
      return {
        ecs,
        scaling: scalingPort,
        checks: {
          iam: iamPort,
          secrets: secretsPort,
          discovery: discoveryPort,
          registry: registryPort,
          network: networkPort,
          logs: (logsRegion) => logs(logsRegion),
          loadBalancing: () => loadBalancing(region),
          lambda: () => lambda(region),
          alarms: () => alarms(region),
          instanceArchitectures: async (cluster) => (ecs.containerInstanceArchitectures === undefined ? [] : ecs.containerInstanceArchitectures(cluster)),
        },
        logs: (logsRegion) => logs(logsRegion),
      };
    },
    awsContext() {
      const pick = (...values: Array<string | undefined>): string | undefined =>
        values.map((value) => value?.trim()).find((value) => value !== undefined && value !== '');
      const region = pick(globals.region, env.AWS_REGION, env.AWS_DEFAULT_REGION);
      const profile = pick(globals.awsProfile, env.AWS_PROFILE);
      return {...(region === undefined ? {} : {region}), ...(profile === undefined ? {} : {profile})};
    },
    async ecs(region) {
      const key = region ?? '';
      let port = ecsPorts.get(key);
      if (port === undefined) {
        port = (async () => {
          const factory = await aws();
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
