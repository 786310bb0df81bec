/**
 * Everything a command or a screen may ask of the world, as ports. The composition root (source/composition.ts)
 * is the one implementation that picks real adapters or the rollout simulator; tests pass their own.
 */
import type {Clock} from './clock.js';
import type {DeployPorts} from './deploy.js';
import type {DiscoveryPort} from './discovery.js';
import type {DraftStore} from './draft-store.js';
import type {EcsPort} from './ecs.js';
import type {EditorPort} from './editor.js';
import type {UserFilesPort} from './files.js';
import type {IamPort} from './iam.js';
import type {LogsPort} from './logs.js';
import type {AlarmsPort} from './alarms.js';
import type {LambdaPort} from './lambda.js';
import type {LoadBalancingPort} from './load-balancing.js';
import type {NetworkPort} from './network.js';
import type {ProfileStore} from './profile-store.js';
import type {CloudFormationPort, TerraformStatePort} from './provisioners.js';
import type {RegistryPort} from './registry.js';
import type {RepositoriesPort} from './repositories.js';
import type {SecretsPort} from './secrets.js';
import type {ScalingPort} from './scaling.js';
import type {SimulationRequest} from './simulation.js';
import type {TemplateName} from '../domain/templates.js';

/**
 * The one place that chooses real adapters or the rollout simulator (`deployPorts`). Commands and screens
 * receive this and never construct adapters themselves; tests pass their own root.
 * Everything heavy is created on first use and imported lazily.
 */
export interface CompositionRoot {
  readonly version: string;
  profileStore(): Promise<ProfileStore>;
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
  /** Elastic Load Balancing v2, Lambda and CloudWatch alarms: the load balancer questions, hooks and alarms of a deployment. */
  loadBalancing(region?: string): Promise<LoadBalancingPort>;
  lambda(region?: string): Promise<LambdaPort>;
  alarms(region?: string): Promise<AlarmsPort>;
  /** CloudFormation stack outputs (an infrastructure provisioner). */
  cloudFormation(region?: string): Promise<CloudFormationPort>;
  /** Terraform state file outputs (an infrastructure provisioner). */
  terraformState(): TerraformStatePort;
  /** Service auto scaling (Application Auto Scaling), for import. Optional: roots without it import no scaling. */
  scaling?(region?: string): Promise<ScalingPort>;
  /** ECR repositories, for the wizard's artifact step. */
  repositories(region?: string): Promise<RepositoriesPort>;
  /** The person's editor ($VISUAL/$EDITOR) for Advanced JSON; `stdin` is put out of raw mode while it runs. */
  editor(options?: {stdin?: NodeJS.ReadStream}): EditorPort;
  /** Where the wizard keeps a half-done setup (next to the profile store). */
  wizardDraft(): Promise<DraftStore>;
  /** The text of a JSON template shipped in templates/ (domain/templates.ts says what each one is for). */
  template(name: TemplateName): Promise<string>;
  /** Files the person names (profile export and import). */
  readonly files: UserFilesPort;
  readonly clock: Clock;
}
