import {describe, expect, it} from 'vitest';
import {cli, world} from './deploy-world.js';

describe('ecs-wizard watch', () => {
  it('watch: re-attaches to the service and ends with its outcome', async () => {
    const w = await world();
    const {code, out} = await cli(['watch', 'web-api', '--env', 'staging'], w);
    expect(code).toBe(0);
    expect(out).toContain('watching web-api in web-staging (us-east-1) for web-api:1');
  });

  it('after --no-wait, a rollout the circuit breaker rolled back before anyone watched is reported rolled back (exit 3), never success', async () => {
    const w = await world({scenario: 'crash-loop'});
    const started = await cli(['deploy', 'web-api', '--env', 'staging', '--yes', '--no-wait', '--tag', '1.5.0'], w);
    expect(started.code).toBe(0);
    // Long enough for the breaker to fail web-api:2 and for ECS to settle back on web-api:1.
    await w.clock.advance(30 * 60_000);
    const {code, out} = await cli(['watch', 'web-api', '--env', 'staging'], w);
    expect(out).toContain('for web-api:2');
    expect(out).not.toMatch(/deployed: /);
    expect(out).toMatch(/rolled back/);
    expect(code).toBe(3);
    const profile = await w.store.get('web-api');
    expect(profile?.runs.at(-1)).toMatchObject({environment: 'staging', outcome: 'rolled-back'});
  });

  it('after --no-wait, a deployment another one replaced is reported replaced (exit 1), and the newer one is not taken for ours', async () => {
    const w = await world();
    expect((await cli(['deploy', 'web-api', '--env', 'staging', '--yes', '--no-wait', '--tag', '1.5.0'], w)).code).toBe(0);
    // Someone else deploys a newer revision before anyone watches ours.
    const described = await w.ecs.describeTaskDefinition('web-api:2');
    if (described === undefined) throw new Error('web-api:2 was not registered');
    const {taskDefinitionArn: _arn, revision: _revision, status: _status, registeredAt: _at, ...body} = described.taskDefinition;
    const newer = await w.ecs.registerTaskDefinition(body);
    await w.ecs.updateService({cluster: 'web-staging', service: 'web-api', taskDefinition: newer.arn});
    await w.clock.advance(30 * 60_000);
    const {code, out} = await cli(['watch', 'web-api', '--env', 'staging'], w);
    expect(out).toContain('for web-api:2');
    expect(out).toMatch(/replaced by deployment .* running web-api:3/);
    expect(code).toBe(1);
    expect((await w.store.get('web-api'))?.runs.at(-1)).toMatchObject({environment: 'staging', outcome: 'failed'});
  });
});
