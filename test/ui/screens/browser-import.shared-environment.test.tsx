/**
 * The browser's import of a live service into an application environment another service uses with other values:
 * the review says, in the wizard's words, that saving changes it for that service too (Enter is then the answer).
 */
import React from 'react';
import {cleanup, render} from 'ink-testing-library';
import {afterEach, describe, expect, test} from 'vitest';
import {MemoryProfileStore} from '../../../source/adapters/memory-profile-store.js';
import {App} from '../../../source/ui/app.js';
import {testRoot} from '../../helpers/fake-root.js';
import {press, waitForFrame} from '../../helpers/ink.js';
import {PagingEcs, seedTaskDefinition} from '../../helpers/paging-ecs.js';
import {fargateEnvironments, fargateJsonProfile} from '../../helpers/profile-fixtures.js';

afterEach(() => cleanup());

function start() {
  const ecs = new PagingEcs();
  ecs.register(seedTaskDefinition('web', 1));
  ecs.addService({
    cluster: 'prod',
    serviceName: 'web',
    taskDefinition: 'web:1',
    desiredCount: 1,
    launchType: 'FARGATE',
    networkConfiguration: {awsvpcConfiguration: {subnets: ['subnet-0aaa1111'], securityGroups: ['sg-0123abcd'], assignPublicIp: 'DISABLED'}},
  });
  // The suggested names are application "web", environment "production": api uses web's production already.
  const store = new MemoryProfileStore([fargateJsonProfile({name: 'api', application: 'web', environments: [fargateEnvironments()[1]!]})]);
  const root = testRoot({store, ecs, awsContext: {region: 'us-east-1'}});
  const app = render(<App root={root} initial={{name: 'browse-import', source: {kind: 'service', cluster: 'prod', service: 'web'}}} />);
  return {app, store};
}

describe('import from the browser into an environment other services use', () => {
  test('the review names the environment, the fields and the other services before Enter saves', async () => {
    const {app, store} = start();
    await waitForFrame(app, 'Names for the new profile');
    for (let field = 0; field < 4; field += 1) await press(app, 'enter');
    const frame = await waitForFrame(app, 'Saving changes the environment production');
    expect(frame.replace(/\s+/g, ' ')).toContain("Saving changes the environment production (cluster, network) for api too: it is the application's");
    expect(frame).toContain('Press enter to save.');
    expect(await store.get('web-production')).toBeUndefined();
    await press(app, 'enter');
    await waitForFrame(app, "Saved profile 'web-production'.");
    expect((await store.get('api'))?.environments[0]?.cluster).toBe('prod');
  });
});
