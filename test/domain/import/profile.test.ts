import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import {assembleProfile, importProfile} from '../../../source/domain/import/profile.js';
import {importTaskDefinition} from '../../../source/domain/import/task-definition.js';
import type {JsonObject} from '../../../source/domain/json.js';
import {deriveContainerName, parseImageReference} from '../../../source/domain/image.js';
import {diffServices, diffTaskDefinitions} from '../../../source/domain/diff.js';
import {toRegisterTaskDefinitionInput} from '../../../source/domain/normalise/registrable-input.js';
import {render} from '../../../source/domain/render.js';
import {renderAndValidate} from '../../../source/domain/render-and-validate.js';
import {asDescribed, taskDefinition} from '../ecs-arbitraries.js';
import {text, ok, codes, names, NOW, describedService, describedTask} from './fixtures.js';

describe('assembleProfile / importProfile', () => {
  test('a whole profile from a task definition and its service', () => {
    const result = importProfile({taskDefinitionText: text(describedTask), serviceText: text({services: [describedService], failures: []}), names, now: NOW});
    expect(result.profile).toBeDefined();
    const profile = result.profile!;
    expect(profile).toMatchObject({name: 'web-prod', application: 'shop', runs: [], createdAt: NOW, updatedAt: NOW});
    expect(profile.service).toMatchObject({name: 'web', launchType: 'FARGATE', variables: {}, artifact: {registry: 'ecr', image: 'team/api', tag: '1.4.2'}});
    // It took over a service that runs: deploys keep its settings (no defaults for new services).
    expect(profile.service.adopted).toBe(true);
    expect(profile.environments).toEqual([
      {
        name: 'prod',
        region: 'eu-west-1',
        cluster: 'prod',
        launchType: 'FARGATE',
        network: {subnets: ['subnet-0a1b2c3d', 'subnet-4e5f6a7b'], securityGroups: ['sg-0123abcd'], assignPublicIp: true},
        executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
        overrides: {},
      },
    ]);
  });

  test('render(import(describe output)) gives back the registrable task definition and an equivalent service', () => {
    const result = importProfile({taskDefinitionText: text(describedTask), serviceText: text({services: [describedService], failures: []}), names, now: NOW});
    const rendered = renderAndValidate({profile: result.profile!, environment: 'prod', tag: '1.4.2'});
    expect(rendered.issues.filter((item) => item.severity === 'error')).toEqual([]);
    expect(rendered.taskDefinition).toEqual(toRegisterTaskDefinitionInput(describedTask['taskDefinition'] as JsonObject).value);
    expect(diffServices(rendered.service!, describedService)).toEqual({kind: 'service', impact: 'none', changes: []});
  });

  test('a load balancer that names the container keeps its name literal', () => {
    const withBalancer = {
      ...describedService,
      serviceRegistries: [],
      loadBalancers: [
        {targetGroupArn: 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web/abc', containerName: 'team_api_1_4_2', containerPort: 8080},
      ],
    };
    const result = importProfile({taskDefinitionText: text(describedTask), serviceText: text(withBalancer), names, now: NOW});
    expect(result.taskDefinition?.containerNamePlaceholder).toBe(false);
    expect(JSON.parse(result.service!.serviceSpecJson).loadBalancers[0].containerName).toBe('team_api_1_4_2');
    const rendered = render({profile: result.profile!, environment: 'prod', tag: '1.4.2'});
    expect(diffServices(rendered.service!, withBalancer).changes).toEqual([]);
  });

  test('without a service: the default service spec, the cluster "default", the region from the ARN', () => {
    const result = importProfile({taskDefinitionText: text(describedTask), names, now: NOW});
    expect(result.profile?.environments[0]).toMatchObject({region: 'eu-west-1', cluster: 'default', launchType: 'FARGATE'});
    expect(result.profile?.service.adopted).toBeUndefined();
    expect(JSON.parse(result.profile!.service.serviceSpec)).toEqual({
      placementConstraints: [],
      placementStrategy: [],
      healthCheckGracePeriodSeconds: null,
      schedulingStrategy: 'REPLICA',
    });
    expect(codes(result.issues)).toEqual(expect.arrayContaining(['import-cluster', 'import-service-spec']));
  });

  test('errors: an invalid profile name, an unknown region', () => {
    const task = ok(importTaskDefinition(text({containerDefinitions: [{name: 'x', image: 'nginx:1'}]})));
    const result = assembleProfile({taskDefinition: task, names: {...names, profile: '-bad name'}, now: NOW});
    expect(result.profile).toBeUndefined();
    expect(codes(result.issues.filter((item) => item.severity === 'error'))).toEqual(['profile-name', 'import-region']);
    expect(assembleProfile({taskDefinition: task, names: {...names, region: 'eu-central-1', cluster: 'c'}, now: NOW}).profile?.environments[0]).toMatchObject({
      region: 'eu-central-1',
      cluster: 'c',
    });
  });

  test('a failing task definition import stops the profile import', () => {
    const result = importProfile({taskDefinitionText: '{', names, now: NOW});
    expect(result.profile).toBeUndefined();
    expect(codes(result.issues)).toEqual(['json-syntax']);
  });
});

describe('round trip property', () => {
  /** Task definitions whose first container sometimes carries the derived name (so ${CONTAINER_NAME} is exercised). */
  const cases = fc.tuple(taskDefinition, fc.boolean(), fc.boolean(), fc.boolean()).map(([td, derivedName, wrapped, tagged]) => {
    const containers = structuredClone(td['containerDefinitions']) as JsonObject[];
    const first = containers[0] as JsonObject;
    if (derivedName) {
      const reference = parseImageReference(first['image'] as string);
      const name = deriveContainerName(reference?.image ?? '', reference?.tag);
      if (!containers.some((item) => item['name'] === name)) first['name'] = name;
    }
    return {td: {...td, containerDefinitions: containers}, wrapped, tagged};
  });

  test('import → profile → render with the original tag = the original registrable input, field for field', () => {
    const seen = {containerNamePlaceholder: 0, digest: 0, hostWithPort: 0, tags: 0};
    fc.assert(
      fc.property(cases, ({td, wrapped, tagged}) => {
        fc.pre(!JSON.stringify(td).includes('${'));
        const described = asDescribed(td);
        const tags = [{key: 'app', value: 'shop'}];
        const input = wrapped ? {taskDefinition: described, ...(tagged ? {tags} : {})} : described;
        const result = importProfile({taskDefinitionText: text(input), names, now: NOW});
        expect(result.profile, JSON.stringify(result.issues)).toBeDefined();
        const imported = result.taskDefinition!;
        const rendered = render({profile: result.profile!, environment: 'prod', tag: imported.artifact.tag});
        const expected = {...toRegisterTaskDefinitionInput(described).value, ...(wrapped && tagged ? {tags} : {})};
        expect(rendered.taskDefinition).toEqual(expected);
        // The artifact container's image string comes back character for character.
        const original = (described['containerDefinitions'] as JsonObject[]).find((item) => item['name'] === imported.artifactContainer);
        const again = (rendered.taskDefinition!['containerDefinitions'] as JsonObject[]).find((item) => item['name'] === imported.artifactContainer);
        expect(again?.['image']).toBe(original?.['image']);
        expect(diffTaskDefinitions(rendered.taskDefinition!, {...described, ...(wrapped && tagged ? {tags} : {})}).changes).toEqual([]);
        if (imported.containerNamePlaceholder) seen.containerNamePlaceholder += 1;
        if (imported.artifact.tag?.includes('sha256:') === true) seen.digest += 1;
        if (imported.artifact.host.includes(':')) seen.hostWithPort += 1;
        if (wrapped && tagged) seen.tags += 1;
      }),
      {numRuns: 200},
    );
    // The interesting cases did occur.
    expect(
      Object.values(seen).every((count) => count > 0),
      JSON.stringify(seen),
    ).toBe(true);
  });
});
