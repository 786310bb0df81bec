/**
 * The deploy check of the service's deployment controller (`deployment-controller`): ecs-wizard deploys through
 * UpdateService, which ECS refuses to use to change the task definition of a service whose deployments belong to
 * CodeDeploy (CODE_DEPLOY) or to an outside controller's task sets (EXTERNAL). So an update of such a service is
 * refused before anything changes (exit 2), with the reason and what to do instead; creating one is allowed, with a
 * warning that later deploys will be refused. The ECS controller (with any strategy) passes without a line.
 */
import {isJsonObject} from '../../domain/json.js';
import type {JsonObject} from '../../domain/json.js';
import {CODE_DEPLOY_FIX, CODE_DEPLOY_REASON} from '../../domain/validate/ecs/strategy-rules.js';
import type {CheckResult} from './check-result.js';

const controllerOf = (service: JsonObject | undefined): string | undefined => {
  const controller = service?.['deploymentController'];
  return isJsonObject(controller) && typeof controller['type'] === 'string' ? controller['type'] : undefined;
};

const EXTERNAL_REASON =
  'Deployments of a service with the EXTERNAL deployment controller are made by its own controller through task sets (CreateTaskSet); ECS refuses an UpdateService that changes its task definition';

export function controllerCheck(plan: {
  action: 'create' | 'update' | 'none';
  service: JsonObject;
  existingService: {raw: JsonObject} | undefined;
}): CheckResult | undefined {
  const existing = plan.existingService === undefined ? undefined : controllerOf(plan.existingService.raw);
  const wanted = controllerOf(plan.service);
  const controller = existing ?? wanted;
  if (controller === undefined || controller === 'ECS' || plan.action === 'none') return undefined;
  const reason = controller === 'CODE_DEPLOY' ? CODE_DEPLOY_REASON : EXTERNAL_REASON;
  if (plan.action === 'create')
    return {
      name: 'deployment-controller',
      status: 'warn',
      message: `${reason}: this deploy creates the service; the next ones will be refused`,
      hint: CODE_DEPLOY_FIX,
    };
  return {name: 'deployment-controller', status: 'fail', message: `service uses the ${controller} deployment controller. ${reason}`, hint: CODE_DEPLOY_FIX};
}
