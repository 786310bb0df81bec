import {describe, expect, it} from 'vitest';
import {chooseEnvironment} from '../../../source/operations/deploy/setup.js';
import {ec2FormProfile, fargateJsonProfile} from '../../helpers/profile-fixtures.js';

describe('choosing the environment', () => {
  it('--env may be left out only when the profile has one environment', () => {
    expect(chooseEnvironment(ec2FormProfile(), undefined).name).toBe('dev');
    expect(() => chooseEnvironment(fargateJsonProfile(), undefined)).toThrow("profile 'web-api' has 2 environments: say which with --env");
    expect(() => chooseEnvironment(fargateJsonProfile(), 'qa')).toThrow("profile 'web-api' has no environment 'qa'");
  });
});
