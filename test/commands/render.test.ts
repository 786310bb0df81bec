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
});
