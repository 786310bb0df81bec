/**
 * The wizard and the application's artifact servers: they are offered before a new registry ("use the application's
 * registry team (… used by api, web)"); choosing one answers the registry questions (kind, address, user, pull
 * credentials, secret, KMS key) and the image is asked next; "A new registry…" asks them as before, and names the new
 * server.
 */
import React from 'react';
import {cleanup, render} from 'ink-testing-library';
import {afterEach, describe, expect, test} from 'vitest';
import type {WizardAnswers} from '../../../source/domain/wizard-answers.js';
import {assembleProfile} from '../../../source/operations/wizard/profile.js';
import {refKey} from '../../../source/operations/wizard/question.js';
import {flowOf, type WizardInit} from '../../../source/ui/wizard/wizard-state.js';
import {Wizard, type WizardExit} from '../../../source/ui/wizard/wizard-screen.js';
import {press, recorder, waitForFrame} from '../../helpers/ink.js';
import {fargateAnswers} from '../../operations/wizard/fixtures.js';
import {fakeServices} from './fakes.js';

afterEach(() => cleanup());

const SECRET = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:team-creds-AbCdEf';
const TEAM = {
  name: 'team',
  registry: 'registry' as const,
  host: 'registry.example.com:5000',
  username: 'deploy',
  credentialsSecretArn: SECRET,
  services: ['api', 'web'],
};
const CHOICES = {'application-servers': '1', 'application-server-names': '["team"]'};

function start(answers: WizardAnswers) {
  const fakes = fakeServices({artifactServers: async () => ({ok: true, items: [TEAM]})});
  const init: WizardInit = {answers, choices: CHOICES, done: ['application', 'service'], resume: true};
  const exits = recorder<[WizardExit]>();
  const app = render(<Wizard services={fakes.services} init={init} active finishOnSave={false} offerDraft={false} onExit={exits} />);
  return {app, fakes};
}

describe("the wizard offers the application's artifact servers first", () => {
  test('an application without servers: the question is not asked', () => {
    const keys = flowOf({answers: {application: 'shop', serviceName: 'api'}, choices: {}, passwordFromEnv: false}).map(refKey);
    expect(keys).not.toContain('artifact-server');
    expect(keys).toContain('registry');
  });

  test('choosing one answers the registry questions; the image is asked next; "A new registry…" asks them again', async () => {
    const {app} = start({application: 'shop', serviceName: 'checkout'});
    let frame = await waitForFrame(app, '❯ team');
    expect(frame).toContain("Source server: use one of shop's registries, or a new one");
    expect(frame).toContain('registry.example.com:5000 · private, user deploy, secret · used by api, web');
    expect(frame.indexOf('A new registry…')).toBeGreaterThan(frame.indexOf('❯ team'));
    await press(app, 'enter');
    // A user name without a password in memory: the password (for listing tags only) is asked; then the image.
    frame = await waitForFrame(app, '? Password of deploy at registry.example.com:5000');
    expect(frame).toContain("✔ Source server: team (the application's: registry.example.com:5000)");
    expect(frame).not.toContain('✔ Artifact source');
    expect(frame).not.toContain('Registry address');

    await press(app, 'esc');
    await waitForFrame(app, '❯ team');
    await press(app, 'down');
    await waitForFrame(app, '❯ A new registry…');
    await press(app, 'enter');
    frame = await waitForFrame(app, '? Where does the Docker image come from?');
    expect(frame).toContain('✔ Source server: a new registry');
  });

  test("the flow with a server chosen has none of the registry steps; the profile it makes names the server, with the server's settings", () => {
    const answers: WizardAnswers = {
      ...fargateAnswers(),
      registry: 'registry',
      registryHost: TEAM.host,
      registryUsername: 'deploy',
      registryAuth: {credentialsSecretArn: SECRET},
      artifactServer: 'team',
    };
    const keys = flowOf({answers, choices: {...CHOICES, 'artifact-server': 'team'}, passwordFromEnv: false, password: 'p'}).map(refKey);
    for (const step of ['registry', 'registry-url', 'registry-username', 'registry-access', 'auth-secret', 'auth-kms', 'artifact-server-name'])
      expect(keys, step).not.toContain(step);
    expect(keys).toContain('artifact-server');
    expect(keys).toContain('image');
    expect(keys).toContain('auth-role');
    const profile = assembleProfile(answers, {name: 'checkout', now: '2026-01-01T00:00:00.000Z'}).profile!;
    expect(profile.service.artifact).toMatchObject({registry: 'registry', host: TEAM.host, username: 'deploy', server: 'team'});
    expect(profile.service.registryAuth).toEqual({credentialsSecretArn: SECRET});
  });
});
