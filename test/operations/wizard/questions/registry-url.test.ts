import {expect, test} from 'vitest';
import type {WizardAnswers} from '../../../../source/domain/wizard-answers.js';
import type {PromptContext} from '../../../../source/operations/wizard/question.js';
import {checkRegistryHost, registryUrl} from '../../../../source/operations/wizard/questions/registry-url.js';
import type {WizardServices} from '../../../../source/operations/wizard/services.js';

test('registry addresses: URLs are reduced to host:port, paths refused', () => {
  expect(checkRegistryHost('https://registry.example.com:5000/v2/')).toEqual({ok: true, value: 'registry.example.com:5000'});
  expect(checkRegistryHost('registry.example.com/team')).toMatchObject({ok: false});
});

const submitted = (answers: WizardAnswers, text: string) => {
  const context: PromptContext = {
    ctx: {answers, choices: {}, env: 0, hasPassword: false, passwordFromEnv: false},
    services: {} as unknown as WizardServices,
    memo: new Map(),
  };
  const prompt = registryUrl.prompt!(context);
  if (prompt.kind !== 'text') throw new Error(`expected a text prompt, got ${prompt.kind}`);
  const checked = prompt.validate!(text);
  if (!checked.ok) throw new Error(checked.message);
  return prompt.submit(checked.value);
};

test.each(['registry.hub.docker.com', 'https://registry.hub.docker.com/', 'docker.io', 'index.docker.io', 'registry-1.docker.io'])(
  'a Docker Hub address typed as a private registry (%s) is Docker Hub: no private registry, no credentials',
  (address) => {
    const answers: WizardAnswers = {application: 'shop', serviceName: 'web', registry: 'registry', registryUsername: 'me', image: 'library/nginx'};
    const submission = submitted(answers, address);
    expect(submission?.answers).toEqual({application: 'shop', serviceName: 'web', registry: 'dockerhub', image: 'library/nginx'});
    expect(submission?.notice).toMatch(/is Docker Hub: the image comes from Docker Hub/);
  },
);

test('a private registry address is kept as the private registry', () => {
  const answers: WizardAnswers = {application: 'shop', serviceName: 'web', registry: 'registry'};
  expect(submitted(answers, 'registry.example.com:5000')?.answers).toMatchObject({registry: 'registry', registryHost: 'registry.example.com:5000'});
});
