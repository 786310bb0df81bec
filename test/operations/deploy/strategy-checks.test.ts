import {describe, expect, test} from 'vitest';
import {controllerCheck} from '../../../source/operations/deploy/strategy-checks.js';

const codeDeploy = {deploymentController: {type: 'CODE_DEPLOY'}};

describe('the deployment controller check', () => {
  test('updating a CODE_DEPLOY service is refused before anything changes, saying why and what to do instead', () => {
    const result = controllerCheck({action: 'update', service: {serviceName: 'web'}, existingService: {raw: codeDeploy}});
    expect(result?.status).toBe('fail');
    expect(result?.message).toMatch(
      /^service uses the CODE_DEPLOY deployment controller\. Deployments of a service with the CODE_DEPLOY deployment controller are made by AWS CodeDeploy/,
    );
    expect(result?.hint).toMatch(/"strategy": "BLUE_GREEN"/);
  });

  test('an EXTERNAL service is refused too; creating a CODE_DEPLOY service is a warning', () => {
    expect(controllerCheck({action: 'update', service: {}, existingService: {raw: {deploymentController: {type: 'EXTERNAL'}}}})?.message).toMatch(/task sets/);
    expect(controllerCheck({action: 'create', service: codeDeploy, existingService: undefined})?.status).toBe('warn');
  });

  test('the ECS controller, any strategy, says nothing; nothing to do says nothing', () => {
    expect(
      controllerCheck({
        action: 'update',
        service: {deploymentConfiguration: {strategy: 'CANARY'}},
        existingService: {raw: {deploymentController: {type: 'ECS'}}},
      }),
    ).toBeUndefined();
    expect(controllerCheck({action: 'create', service: {}, existingService: undefined})).toBeUndefined();
    expect(controllerCheck({action: 'none', service: codeDeploy, existingService: {raw: codeDeploy}})).toBeUndefined();
  });
});
