/**
 * domain/environment-impact.ts: each service that uses an application environment, rendered and validated with the
 * environment as it is and as it will be — what the change breaks, what it already failed, and the rendered diff.
 */
import {describe, expect, test} from 'vitest';
import {definitionOf} from '../../source/domain/applications.js';
import {breaking, environmentImpact, serviceImpact, withEnvironment} from '../../source/domain/environment-impact.js';
import {ec2FormProfile, fargateJsonProfile} from '../helpers/profile-fixtures.js';

const web = fargateJsonProfile({name: 'web', application: 'shop'});
const staging = definitionOf(web.environments[0]!);

describe('environment impact', () => {
  test('the same values: renders the same, breaks nothing', () => {
    const impact = serviceImpact(web, staging);
    expect(impact).toMatchObject({profile: 'web', service: 'web-api', environment: 'staging', breaks: [], alreadyFailing: 0});
    expect(impact.diff?.impact).toBe('none');
  });

  test('another cluster: the service moves (replace), the task definition stays; the service keeps its own overrides', () => {
    const impact = serviceImpact(web, {...staging, cluster: 'staging-blue'});
    expect(impact.breaks).toEqual([]);
    expect(impact.diff?.taskDefinition.impact).toBe('none');
    expect(impact.diff?.service.changes.map((change) => [change.path, change.before, change.after, change.impact])).toEqual([
      ['cluster', 'web-staging', 'staging-blue', 'replace'],
    ]);
    const moved = withEnvironment(web, {...staging, cluster: 'staging-blue'});
    expect(moved.environments[0]).toMatchObject({cluster: 'staging-blue', overrides: {logLevel: 'debug'}});
    expect(moved.environments[1]).toEqual(web.environments[1]);
  });

  test('a change the validator refuses breaks the service, naming the field and rule', () => {
    const impact = serviceImpact(web, {...staging, launchType: 'EC2'});
    expect(impact.breaks.map((issue) => [issue.source, issue.path, issue.code])).toEqual([
      ['containerSpec', 'requiresCompatibilities', expect.any(String)],
      ['environment', 'network.assignPublicIp', expect.any(String)],
    ]);
    expect(impact.diff?.service.changes.map((change) => change.path)).toContain('launchType');
  });

  test('an error the service already had is not the change’s', () => {
    const untagged = fargateJsonProfile({name: 'api', application: 'shop'});
    delete untagged.service.artifact.tag;
    const impact = serviceImpact(untagged, {...staging, cluster: 'staging-blue'});
    expect(impact.breaks).toEqual([]);
    expect(impact.alreadyFailing).toBeGreaterThan(0);
  });

  test('only the application’s services that use the environment, in the order given', () => {
    const api = fargateJsonProfile({name: 'api', application: 'shop', environments: [fargateJsonProfile().environments[1]!]});
    const blog = ec2FormProfile({name: 'blog', application: 'blog'});
    const other = fargateJsonProfile({name: 'other', application: 'elsewhere'});
    const {executionRoleArn: _role, ...withoutRole} = staging;
    const impacts = environmentImpact([api, blog, other, web], 'shop', withoutRole);
    expect(impacts.map((impact) => impact.profile)).toEqual(['web']);
    expect(breaking(impacts).map((impact) => impact.profile)).toEqual(['web']);
  });
});
