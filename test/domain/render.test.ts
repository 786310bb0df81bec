import {describe, expect, test} from 'vitest';
import type {Issue} from '../../source/domain/issues.js';
import {dropNulls, render, renderContext, renderRequest, renderServiceDefinition, renderTaskDefinition} from '../../source/domain/render.js';
import type {RenderContext} from '../../source/domain/render.js';
import {renderAndValidate} from '../../source/domain/render-and-validate.js';
import {validateRequest} from '../../source/domain/validate/request.js';
import type {RequestInputs} from '../../source/domain/validate/request.js';
import {ec2FormProfile, fargateJsonProfile} from '../helpers/profile-fixtures.js';

const codes = (issues: readonly Issue[]): string[] => issues.map((issue) => `${issue.code} ${issue.source} ${issue.path}`);

describe('lower-level rendering', () => {
  const context = (): RenderContext => renderContext({profile: fargateJsonProfile(), environment: 'staging'})!;
  const inputs = (of: RenderContext): RequestInputs => ({
    artifact: of.artifact,
    tag: of.tag,
    registryAuth: of.registryAuth,
    variables: {},
    environment: of.environment,
  });

  test('renderTaskDefinition and renderServiceDefinition compose to render', () => {
    const profile = fargateJsonProfile();
    const task = renderTaskDefinition(profile.service.containerSpec, context());
    const service = renderServiceDefinition(profile.service.serviceSpec, task.taskDefinition, context());
    const full = render({profile, environment: 'staging'});
    expect(task.taskDefinition).toEqual(full.taskDefinition);
    expect(service.service).toEqual(full.service);
    expect(renderRequest(profile.service, context())).toEqual({task, service});
  });

  test('renderTaskDefinition takes a spec text alone (the review step); its rendered document, validated, gives located issues', () => {
    const task = renderTaskDefinition(
      '{"containerDefinitions": [{"name": "x", "image": "${DOCKER_IMAGE_NAME}", "portMappings": [{"containerPort": 80, "hostPort": 81}]}]}',
      context(),
    );
    // Rendering found nothing wrong; the rules of the rendered task definition are validation's.
    expect(task.issues).toEqual([]);
    expect(task.rendered).toBe(task.taskDefinition);
    const issues = validateRequest(inputs(context()), {taskDefinition: task, service: {rendered: undefined}}).taskDefinition;
    expect(codes(issues)).toEqual([
      'fargate-network-mode containerSpec networkMode',
      'launch-type-compatibility containerSpec requiresCompatibilities',
      'fargate-task-size containerSpec cpu',
      'fargate-task-size containerSpec memory',
      'execution-role-required containerSpec executionRoleArn',
      'host-port containerSpec containerDefinitions[0].portMappings[0].hostPort',
      // The fixture's private registry credentials were added to the artifact's container.
      'execution-role-required containerSpec containerDefinitions[0].repositoryCredentials',
    ]);
    expect(issues.every((issue) => issue.line !== undefined && issue.column !== undefined)).toBe(true);
  });

  test("what validation reads: the spec's value when it is not an object; nothing when the spec does not parse or the service has no task definition", () => {
    expect(renderTaskDefinition('[1]', context())).toMatchObject({taskDefinition: undefined, rendered: [1]});
    expect(renderTaskDefinition('[', context())).toMatchObject({taskDefinition: undefined, rendered: undefined});
    expect(renderServiceDefinition('"text"', undefined, context())).toMatchObject({service: undefined, rendered: 'text'});
    expect(renderServiceDefinition('{"desiredCount": 2}', undefined, context())).toMatchObject({service: undefined, rendered: undefined, issues: []});
  });

  test('renderContext is undefined for an unknown environment and merges the layers', () => {
    expect(renderContext({profile: fargateJsonProfile(), environment: 'nope'})).toBeUndefined();
    expect(renderContext({profile: fargateJsonProfile(), environment: 'production', overrides: {logLevel: 'trace'}})?.variables).toEqual({
      containerPort: '8080',
      logLevel: 'trace',
    });
  });

  test('dropNulls drops null members at any depth and keeps array items', () => {
    expect(dropNulls({a: [null, {b: null, c: 1}]})).toEqual({a: [null, {c: 1}]});
  });
});

describe('render does not validate', () => {
  test('an invalid tag, DAEMON on Fargate, a missing network: the same documents as renderAndValidate, without validation issues', () => {
    const daemon = fargateJsonProfile();
    daemon.service.serviceSpec = '{"schedulingStrategy": "DAEMON", "desiredCount": 2}';
    const noNetwork = fargateJsonProfile();
    delete noNetwork.environments[0]!.network;
    for (const input of [
      {profile: fargateJsonProfile(), environment: 'staging', tag: 'no:colons'},
      {profile: daemon, environment: 'staging'},
      {profile: noNetwork, environment: 'staging'},
    ]) {
      const rendered = render(input);
      const validated = renderAndValidate(input);
      expect(rendered.taskDefinition).toEqual(validated.taskDefinition);
      expect(rendered.service).toEqual(validated.service);
      expect(rendered.issues).toEqual([]);
      expect(validated.issues.length).toBeGreaterThan(0);
    }
  });

  test('its issues are the ones found while rendering, in the order renderAndValidate reports them', () => {
    const profile = ec2FormProfile();
    profile.service.serviceSpec = '{"cluster": "elsewhere", "networkConfiguration": {}}';
    const rendered = render({profile, environment: 'dev'});
    expect(codes(rendered.issues)).toEqual(['field-replaced serviceSpec cluster', 'service-network-config serviceSpec networkConfiguration']);
    const validated = renderAndValidate({profile, environment: 'dev'});
    expect(validated.issues.filter((issue) => rendered.issues.some((other) => JSON.stringify(other) === JSON.stringify(issue)))).toEqual(rendered.issues);
  });
});
