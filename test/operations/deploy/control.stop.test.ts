import {describe, expect, test} from 'vitest';
import {DeployControl} from '../../../source/operations/deploy/control.js';
import {AwsError} from '../../../source/errors.js';
import type {EcsPort} from '../../../source/ports/ecs.js';

const ARN = 'arn:aws:ecs:us-east-1:123456789012:service-deployment/default/web/abc123';

function armed(stop: EcsPort['stopServiceDeployment']): DeployControl {
  const control = new DeployControl();
  control.arm({ecs: {stopServiceDeployment: stop} as unknown as EcsPort, cluster: 'default', serviceName: 'web', previousTaskDefinitionArn: 'web:1'});
  return control;
}

describe('r and a: StopServiceDeployment through the deploy control', () => {
  test('says what ECS answered', async () => {
    const calls: unknown[] = [];
    const control = armed(async (arn, type) => {
      calls.push([arn, type]);
      return {arn};
    });
    await expect(control.stopDeployment(ARN, 'ROLLBACK')).resolves.toBe(
      'ECS accepted StopServiceDeployment ROLLBACK for service deployment abc123; watching what it does.',
    );
    expect(calls).toEqual([[ARN, 'ROLLBACK']]);
    expect(control.stopUnavailable(ARN)).toBe('already asked');
  });

  test('an endpoint without the API (moto) is said so: nothing was stopped, and it can be asked again', async () => {
    const control = armed(async () => {
      throw new AwsError('ecs:StopServiceDeployment is not implemented here', {kind: 'unsupported', awsName: 'InvalidAction'});
    });
    await expect(control.stopDeployment(ARN, 'ABORT')).rejects.toThrow(
      'this ECS endpoint does not implement StopServiceDeployment (ecs:StopServiceDeployment is not implemented here); nothing was stopped',
    );
    expect(control.stopUnavailable(ARN)).toBeUndefined();
  });

  test('nothing deployed, or no record of the deployment: cannot ask, and says why', () => {
    expect(new DeployControl().stopUnavailable(ARN)).toBe('nothing was deployed yet');
    expect(armed(async (arn) => ({arn})).stopUnavailable(undefined)).toBe('ECS keeps no record of this deployment here (StopServiceDeployment needs it)');
  });
});
