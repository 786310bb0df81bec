import {describe, expect, test} from 'vitest';
import {profileSecretValueIssues} from '../../../source/domain/profile-schema/secret-values-scan.js';
import {ec2FormProfile, fargateJsonProfile} from '../../helpers/profile-fixtures.js';

const URL_SECRET = 'postgres://app:Sup3rS3cretPw9@db.internal/app';
const STRIPE = 'sk_live_51HcQz2EXAMPLEf9sT0kEnVaLuE7x';

describe('secrets by their value in a new profile, whatever the variable is called', () => {
  test('a config variable, an override and a form environment variable: each named, masked, with the way out', () => {
    const profile = ec2FormProfile();
    profile.service.variables = {...profile.service.variables, DATABASE_URL: URL_SECRET, LOG_LEVEL: 'info'};
    profile.environments[0]!.overrides = {...profile.environments[0]!.overrides, PAYMENTS: STRIPE};
    if (profile.service.containerSpec.mode !== 'form') throw new Error('a form profile');
    profile.service.containerSpec.form.environment = [{name: 'X', value: 'ghp_R4nd0mT0k3nV4lu3F0rB3nchF4ults0123AB'}];
    const issues = profileSecretValueIssues(profile);
    expect(issues.map((issue) => issue.path)).toEqual([
      'service.variables.DATABASE_URL',
      'environments[0].overrides.PAYMENTS',
      'service.containerSpec.form.environment[0]',
    ]);
    expect(issues[0]!.message).toBe(
      'the config variable DATABASE_URL holds a secret (postgres://app:…@db.internal/app); secrets are never stored in a profile',
    );
    expect(issues[0]!.fix).toContain('import --move-secrets');
    for (const issue of issues) {
      expect(issue.severity).toBe('error');
      for (const secret of [URL_SECRET, STRIPE, 'R4nd0mT0k3n']) expect(issue.message).not.toContain(secret);
    }
  });

  test('a container environment variable in the advanced JSON; a declared plain-text name and ordinary values pass', () => {
    const profile = fargateJsonProfile();
    profile.service.containerSpec = {
      mode: 'json',
      json: `{"family": "web", "containerDefinitions": [{"name": "web", "image": "\${DOCKER_IMAGE_NAME}", "environment": [{"name": "CACHE", "value": "redis://cache:6379"}, {"name": "SENTRY_DSN", "value": "${URL_SECRET}"}]}]}`,
    };
    expect(profileSecretValueIssues(profile).map((issue) => issue.path)).toEqual(['service.containerSpec.json containerDefinitions[0].environment[1]']);
    profile.service.plaintextVariables = ['SENTRY_DSN'];
    expect(profileSecretValueIssues(profile)).toEqual([]);
  });
});
