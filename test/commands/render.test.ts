import {describe, expect, it} from 'vitest';
import {renderDeployInputs} from '../../source/operations/deploy/plan.js';
import {cli, world} from './deploy-world.js';

describe('ecs-wizard render', () => {
  it('render: one JSON object with exactly what a deploy sends; no AWS', async () => {
    const w = await world();
    const {code, out} = await cli(['render', 'web-api', '--env', 'production', '--tag', '2.0.0', '--set', 'logLevel=trace'], w);
    expect(code).toBe(0);
    const profile = (await w.store.get('web-api'))!;
    const expected = renderDeployInputs({profile, environment: profile.environments[1]!, tag: '2.0.0', overrides: {logLevel: 'trace'}});
    expect(JSON.parse(out)).toEqual({taskDefinition: expected.taskDefinition, service: expected.service});
    expect(out).toContain('"value": "trace"');
    expect(w.ecs.recorded).toEqual([]);
  });

  it('render of a profile that does not render: exit 2 with the located errors', async () => {
    const w = await world();
    const profile = (await w.store.get('web-api'))!;
    await w.store.save(
      {...profile, service: {...profile.service, variables: {}}, environments: profile.environments.map((env) => ({...env, overrides: {}}))},
      {overwrite: true},
    );
    const {code, err} = await cli(['render', 'web-api', '--env', 'staging'], w);
    expect(code).toBe(2);
    expect(err).toMatch(/does not render for environment 'staging':\n {2}error: /);
  });

  it('render without the environment network: the task definition is printed, the service says what it lacks; deploy refuses', async () => {
    const w = await world();
    const profile = (await w.store.get('web-api'))!;
    await w.store.save({...profile, environments: profile.environments.map(({network: _network, ...environment}) => environment)}, {overwrite: true});
    const plain = await cli(['render', 'web-api', '--env', 'staging'], w);
    expect(plain.code).toBe(0);
    const printed = JSON.parse(plain.out);
    expect(Object.keys(printed)).toEqual(['taskDefinition', 'service']);
    expect(printed.taskDefinition.networkMode).toBe('awsvpc');
    expect(plain.err).toContain('the service cannot be created yet: Environment "staging" has no network settings');
    const json = await cli(['render', 'web-api', '--env', 'staging', '--json'], w);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.out).serviceIncomplete).toEqual([
      expect.objectContaining({path: 'network', message: expect.stringContaining('has no network settings')}),
    ]);
    const deploy = await cli(['deploy', 'web-api', '--env', 'staging', '--yes'], w);
    expect(deploy.code).toBe(2);
    expect(deploy.err + deploy.out).toContain('has no network settings');
    expect(w.ecs.recorded).toEqual([]);
  });

  it('render with auto scaling per environment: the desiredCount CreateService sends, and a line saying an update sends none', async () => {
    const w = await world();
    const profile = (await w.store.get('web-api'))!;
    profile.service.autoScaling = {minCount: 1, maxCount: 2, policies: [{metric: 'cpu', target: 60}]};
    profile.environments[1]!.autoScaling = {minCount: 3, maxCount: 20, policies: [{metric: 'cpu', target: 50}]};
    await w.store.save(profile, {overwrite: true});
    const production = await cli(['render', 'web-api', '--env', 'production'], w);
    expect(production.code).toBe(0);
    expect(JSON.parse(production.out).service.desiredCount).toBe(3);
    expect(production.err).toContain(
      "info: serviceSpec desiredCount: desiredCount 3 (the service spec's 1, raised to the minimum of the auto scaling range 3–20) is sent only when the service is created; an update of an existing service does not send desiredCount: auto scaling decides how many tasks run",
    );
    const staging = await cli(['render', 'web-api', '--env', 'staging'], w);
    expect(JSON.parse(staging.out).service.desiredCount).toBe(1);
    expect(staging.err).toContain("desiredCount 1 (the service spec's, within the auto scaling range 1–2) is sent only when the service is created");
  });
});
