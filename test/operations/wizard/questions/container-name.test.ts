import {expect, test} from 'vitest';
import {
  checkContainerName,
  containerName,
  derivedNameWarning,
  mappedBy,
  namesTheArtifact,
  stableSuggestions,
} from '../../../../source/operations/wizard/questions/container-name.js';
import type {PickerPrompt} from '../../../../source/operations/wizard/question.js';
import {ec2DaemonAnswers, fargateAnswers} from '../fixtures.js';

const ctx = (answers = fargateAnswers()) => ({answers, choices: {}, env: 0, hasPassword: true, passwordFromEnv: false});

test('asked when the container specification names the artifact ${CONTAINER_NAME} (the simplified form always does)', () => {
  expect(namesTheArtifact(fargateAnswers())).toBe(true);
  expect(namesTheArtifact(ec2DaemonAnswers())).toBe(true);
  const literal = {...fargateAnswers(), containerJson: fargateAnswers().containerJson!.replace('"${CONTAINER_NAME}"', '"web"')};
  expect(namesTheArtifact(literal)).toBe(false);
  expect(containerName.applies?.(ctx(literal))).toBe(false);
});

test("stable names offered: the service's and the image's; what maps the container by name is said", () => {
  expect(stableSuggestions(fargateAnswers())).toEqual(['web-api']);
  expect(stableSuggestions(ec2DaemonAnswers())).toEqual(['log-agent', 'nginx']);
  expect(mappedBy(fargateAnswers())).toEqual(["Cloud Map's containerName"]);
  expect(derivedNameWarning(fargateAnswers())).toBe(
    "The derived name team_web-api_1_4_2 changes on every tag, and Cloud Map's containerName with it: every release re-registers the container under a new name. A stable name keeps it.",
  );
  expect(derivedNameWarning({...fargateAnswers(), containerName: 'web-api'})).toBeUndefined();
  expect(derivedNameWarning(ec2DaemonAnswers())).toBeUndefined();
  const balanced = {
    ...ec2DaemonAnswers(),
    strategy: 'REPLICA' as const,
    serviceSpecJson: JSON.stringify({
      loadBalancers: [
        {targetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/x/1', containerName: '${CONTAINER_NAME}', containerPort: 80},
      ],
    }),
  };
  expect(mappedBy(balanced)).toEqual(["the load balancer's containerName"]);
});

test('the prompt: derived first, then the stable names; a typed name is checked; the answer lands in containerName', () => {
  const prompt = containerName.prompt!({ctx: ctx(), services: undefined as never, memo: new Map()}) as PickerPrompt;
  expect(prompt.items?.map((item) => `${item.value} ${item.label}`)).toEqual(['derived team_web-api_1_4_2', 'web-api web-api']);
  expect(prompt.hint).toContain("Cloud Map's containerName");
  expect(prompt.free?.validate('web api')).toEqual({ok: false, message: expect.stringContaining('is not a container name')});
  expect(prompt.submit(['web-api'], undefined, undefined)?.answers?.containerName).toBe('web-api');
  expect(prompt.submit(['derived'], undefined, undefined)?.answers).not.toHaveProperty('containerName');
});

test('a stable name may not be another container of the specification', () => {
  const answers = {
    ...fargateAnswers(),
    containerJson: fargateAnswers().containerJson!.replace(
      '"containerDefinitions": [',
      '"containerDefinitions": [{"name": "envoy", "image": "envoyproxy/envoy:v1.29"},',
    ),
  };
  expect(checkContainerName('envoy', answers)).toEqual({ok: false, message: 'another container of the container specification is called envoy'});
  expect(checkContainerName('derived', answers)).toEqual({ok: true, value: undefined});
});
