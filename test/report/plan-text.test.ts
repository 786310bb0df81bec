import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, test} from 'vitest';
import {createSimulatedEcs} from '../../source/adapters/simulator/simulated-ecs.js';
import type {DeployEvent} from '../../source/domain/deploy/events.js';
import {applyPlan} from '../../source/operations/deploy/apply.js';
import type {CheckResult} from '../../source/operations/deploy/checks.js';
import {planDeploy} from '../../source/operations/deploy/plan.js';
import {checkLines, planJson, planText} from '../../source/report/plan-text.js';
import {FakeClock} from '../helpers/fake-clock.js';
import {fargateJsonProfile} from '../helpers/profile-fixtures.js';

const golden = (name: string, text: string): void => {
  const file = join(import.meta.dirname, 'golden', name);
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, text);
  expect(existsSync(file), `${file} (run with UPDATE_GOLDEN=1 to write it)`).toBe(true);
  expect(text).toBe(readFileSync(file, 'utf8'));
};

/** web-api deployed at 1.4.2 to staging, then planned at 1.5.0 with a changed log level. */
async function updatePlan() {
  const clock = new FakeClock({autoAdvance: true});
  const ecs = createSimulatedEcs({clock, region: 'us-east-1', clusters: ['web-staging']});
  const profile = fargateJsonProfile();
  const environment = profile.environments[0]!;
  const apply = applyPlan({ecs, clock}, await planDeploy({ecs}, {profile, environment}));
  for (let next = await apply.next(); !next.done; next = await apply.next()) void (next.value satisfies DeployEvent);
  return planDeploy({ecs}, {profile, environment, tag: '1.5.0', overrides: {logLevel: 'warn'}});
}

const CHECKS: CheckResult[] = [
  {name: 'cluster', status: 'ok', message: 'cluster web-staging exists (us-east-1)'},
  {
    name: 'image',
    status: 'warn',
    message: 'could not check registry.example.com:5000/team/web-api:1.5.0: the registry asks for credentials',
    hint: 'set ECS_WIZARD_REGISTRY_PASSWORD to the password of deploy to let the check log in',
  },
  {
    name: 'registry-credentials',
    status: 'fail',
    message: 'ecsTaskExecutionRole may not read registry-creds',
    hint: 'add an inline policy to ecsTaskExecutionRole',
  },
];

describe('plan text', () => {
  test('golden: the plan of an update (header, impact label, field-aware diff) at 100 columns', async () => {
    golden('plan-update.txt', `${planText(await updatePlan(), {width: 100, color: false})}\n`);
  });

  test('golden: a narrow terminal cuts values and wraps paths, never past the width', async () => {
    const text = planText(await updatePlan(), {width: 60, color: false});
    golden('plan-update.narrow.txt', `${text}\n`);
    for (const line of text.split('\n').slice(4)) expect(Array.from(line).length).toBeLessThanOrEqual(60);
  });

  test('golden: check lines with marks and hints', () => {
    golden('checks.txt', `${checkLines(CHECKS, {color: false}).join('\n')}\n`);
  });

  test('JSON: the summary and the diff model', async () => {
    expect(planJson(await updatePlan())).toMatchObject({
      profile: 'web-api',
      environment: 'staging',
      action: 'update',
      runningTaskDefinition: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web-api:1',
      summary: 'register web-api:2, update service web-api (update in place)',
      diff: {impact: 'update-in-place', taskDefinition: {impact: 'new-revision'}},
    });
  });
});
