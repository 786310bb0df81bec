/**
 * The questions of the setup wizard, in the order they are asked: the flow of the Ink wizard, the order in
 * which `init` lands its flags, and the order of `init --help`. Adding a question is adding its module to
 * questions/ and to this list.
 */
import {application} from './questions/application.js';
import {service} from './questions/service.js';
import {artifactServer} from './questions/artifact-server.js';
import {artifactServerName} from './questions/artifact-server-name.js';
import {registry} from './questions/registry.js';
import {registryUrl} from './questions/registry-url.js';
import {registryUsername} from './questions/registry-username.js';
import {registryPassword} from './questions/registry-password.js';
import {ecrRepository} from './questions/ecr-repository.js';
import {image} from './questions/image.js';
import {tag} from './questions/tag.js';
import {registryAccess} from './questions/registry-access.js';
import {launchType} from './questions/launch-type.js';
import {networkMode} from './questions/network-mode.js';
import {containerMode} from './questions/container-mode.js';
import {containerForm} from './questions/container-form.js';
import {containerEnv} from './questions/container-env.js';
import {containerJson} from './questions/container-json.js';
import {containerName} from './questions/container-name.js';
import {containerLogs} from './questions/container-logs.js';
import {strategy} from './questions/strategy.js';
import {desiredCount} from './questions/desired-count.js';
import {serviceJson} from './questions/service-json.js';
import {deploymentStrategy} from './questions/deployment-strategy.js';
import {bakeTime} from './questions/bake-time.js';
import {canaryPercent} from './questions/canary-percent.js';
import {canaryBakeTime} from './questions/canary-bake-time.js';
import {linearStep} from './questions/linear-step.js';
import {linearStepBakeTime} from './questions/linear-step-bake-time.js';
import {lifecycleHooks} from './questions/lifecycle-hooks.js';
import {hookRole} from './questions/hook-role.js';
import {deploymentAlarms} from './questions/deployment-alarms.js';
import {LOAD_BALANCER_QUESTIONS} from './questions/load-balancer-questions.js';
import {autoScaling} from './questions/auto-scaling.js';
import {autoScalingSettings} from './questions/auto-scaling-settings.js';
import {envAutoScaling} from './questions/env-auto-scaling.js';
import {dependsOn} from './questions/depends-on.js';
import {discovery} from './questions/discovery.js';
import {discoveryNamespace} from './questions/discovery-namespace.js';
import {discoveryService} from './questions/discovery-service.js';
import {discoveryArn} from './questions/discovery-arn.js';
import {discoverySrv} from './questions/discovery-srv.js';
import {discoveryUse} from './questions/discovery-use.js';
import {discoveryContainer} from './questions/discovery-container.js';
import {discoveryContainerPort} from './questions/discovery-container-port.js';
import {discoveryPort} from './questions/discovery-port.js';
import {variables} from './questions/variables.js';
import {authSecret} from './questions/auth-secret.js';
import {authKms} from './questions/auth-kms.js';
import {authRole} from './questions/auth-role.js';
import {authRoleCreate} from './questions/auth-role-create.js';
import {authPolicy} from './questions/auth-policy.js';
import {envSource} from './questions/env-source.js';
import {envExisting} from './questions/env-existing.js';
import {envCfnStack} from './questions/env-cfn-stack.js';
import {envTfState} from './questions/env-tf-state.js';
import {envName} from './questions/env-name.js';
import {envRegion} from './questions/env-region.js';
import {envCluster} from './questions/env-cluster.js';
import {envLaunchType} from './questions/env-launch-type.js';
import {envCapacity} from './questions/env-capacity.js';
import {envSubnets} from './questions/env-subnets.js';
import {envSecurityGroups} from './questions/env-security-groups.js';
import {envPublicIp} from './questions/env-public-ip.js';
import {envRole} from './questions/env-role.js';
import {envRoleCreate} from './questions/env-role-create.js';
import {envOverrides} from './questions/env-overrides.js';
import {envMore} from './questions/env-more.js';
import {review} from './questions/review.js';
import {save} from './questions/save.js';
import type {Question} from './question.js';

/** The sections of the setup guide the questions belong to (Question.section is an index). */
export const SECTIONS = [
  'Application',
  'Service',
  'Artifact source',
  'Container specification',
  'Service specification',
  'Service discovery',
  'Config variables',
  'Private registry authentication',
  'Environment',
  'Review',
] as const;

/** The section of the environment questions (asked once per environment). */
export const ENVIRONMENT_SECTION = SECTIONS.indexOf('Environment');

export const QUESTIONS: readonly Question[] = [
  application,
  service,
  artifactServer,
  registry,
  registryUrl,
  registryUsername,
  registryPassword,
  ecrRepository,
  image,
  tag,
  registryAccess,
  artifactServerName,
  launchType,
  networkMode,
  containerMode,
  containerForm,
  containerEnv,
  containerJson,
  strategy,
  desiredCount,
  serviceJson,
  // The deployment strategy and what it needs (strategy-answers.ts).
  deploymentStrategy,
  bakeTime,
  canaryPercent,
  canaryBakeTime,
  linearStep,
  linearStepBakeTime,
  lifecycleHooks,
  hookRole,
  deploymentAlarms,
  // After the deployment strategy (deployment-strategy): the blue/green parts are asked for its strategy.
  ...LOAD_BALANCER_QUESTIONS,
  autoScaling,
  autoScalingSettings,
  dependsOn,
  discovery,
  discoveryNamespace,
  discoveryService,
  discoveryArn,
  discoverySrv,
  discoveryUse,
  discoveryContainer,
  discoveryContainerPort,
  discoveryPort,
  variables,
  authSecret,
  authKms,
  authRole,
  authRoleCreate,
  authPolicy,
  envExisting,
  envSource,
  envCfnStack,
  envTfState,
  envName,
  envRegion,
  envCluster,
  envLaunchType,
  envCapacity,
  envSubnets,
  envSecurityGroups,
  envPublicIp,
  envRole,
  envRoleCreate,
  envOverrides,
  envAutoScaling,
  envMore,
  containerName,
  containerLogs,
  review,
  save,
];

const BY_ID = new Map(QUESTIONS.map((question) => [question.id, question]));

export function questionById(id: string): Question {
  const question = BY_ID.get(id);
  if (question === undefined) throw new Error(`no wizard question "${id}"`);
  return question;
}
