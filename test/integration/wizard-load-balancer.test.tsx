import React from 'react';
import {cleanup, render} from 'ink-testing-library';
import {afterAll, afterEach, beforeAll, describe, expect, test} from 'vitest';
import {createAwsClientFactory, type AwsClientFactory} from '../../source/adapters/aws/client-factory.js';
import {createLoadBalancingPort} from '../../source/adapters/aws/elbv2.js';
import {createIamPort} from '../../source/adapters/aws/iam.js';
import {MemoryProfileStore} from '../../source/adapters/memory-profile-store.js';
import {readTemplate} from '../../source/adapters/templates.js';
import type {WizardAnswers} from '../../source/domain/wizard-answers.js';
import type {JsonObject} from '../../source/domain/json.js';
import {parseJsonText} from '../../source/domain/json-text.js';
import {DEFAULT_TRAFFIC_ROLE_NAME, LOAD_BALANCER_ROLE_POLICY_ARN} from '../../source/domain/load-balancer.js';
import {composeServiceSpec} from '../../source/operations/wizard/service-spec.js';
import {refKey} from '../../source/operations/wizard/question.js';
import {createWizardServices, type WizardPorts} from '../../source/operations/wizard/services.js';
import {flowOf} from '../../source/ui/wizard/wizard-state.js';
import {Wizard} from '../../source/ui/wizard/wizard-screen.js';
import {memoryDraftStore} from '../helpers/fake-root.js';
import {press, waitForFrame} from '../helpers/ink.js';
import {seedLoadBalancer, type LoadBalancerSeed} from '../helpers/load-balancer-seed.js';
import {useMoto} from '../helpers/moto.js';
import {fargateAnswers} from '../operations/wizard/fixtures.js';

/**
 * The load balancer questions in the Ink wizard against moto: load balancer → listener → target group read from
 * ELBv2; for a BLUE_GREEN specification the alternate group, the production and test rules and the traffic role
 * (created after a yes); a target group that does not fit is refused in place.
 */
const unused = (): never => {
  throw new Error('not used by these tests');
};

function portsFor(factory: AwsClientFactory, draft = memoryDraftStore()): WizardPorts {
  const store = new MemoryProfileStore();
  return {
    store: async () => store,
    ecs: unused,
    iam: () => createIamPort(factory),
    secrets: unused,
    discovery: unused,
    registry: unused,
    repositories: unused,
    network: unused,
    cloudFormation: unused,
    loadBalancing: (region) => createLoadBalancingPort(region === undefined ? factory : factory.forRegion(region)),
    terraform: unused,
    editor: unused,
    draft: async () => draft,
    template: (name) => readTemplate(name),
    defaultRegion: () => 'us-east-1',
    registryPassword: () => undefined,
    now: () => '2026-01-02T03:04:05.000Z',
  };
}

/** Ctrl-C, "Save a draft and quit": the answers as the wizard holds them. */
async function answersOf(app: ReturnType<typeof render>, draft: ReturnType<typeof memoryDraftStore>): Promise<WizardAnswers> {
  await press(app, 'ctrl-c');
  await waitForFrame(app, '❯ Save a draft and quit');
  await press(app, 'enter');
  for (let attempt = 0; attempt < 100 && (await draft.load()) === undefined; attempt++) await new Promise((resolve) => setImmediate(resolve));
  return (await draft.load())!.answers;
}

const specOf = (answers: WizardAnswers): JsonObject => parseJsonText(composeServiceSpec(answers).text, 'serviceSpec').value as JsonObject;

const oneLine = (frame: string): string => frame.replace(/\s+/g, ' ');

const BLUE_GREEN_SPEC = JSON.stringify({
  schedulingStrategy: 'REPLICA',
  desiredCount: 2,
  deploymentConfiguration: {strategy: 'BLUE_GREEN', bakeTimeInMinutes: 5},
});

describe('the load balancer questions against moto', () => {
  const moto = useMoto();
  const factory = createAwsClientFactory({env: moto.env, userAgent: 'ecs-wizard/test'});
  afterAll(() => factory.destroy());
  afterEach(() => cleanup());
  let seed: LoadBalancerSeed;
  beforeAll(async () => {
    if (moto.skipped) return;
    seed = await seedLoadBalancer(factory);
  });

  function start(answers: WizardAnswers, draft = memoryDraftStore()) {
    const services = createWizardServices(portsFor(factory, draft));
    const choices = {'load-balancer': 'attach'};
    const keys = flowOf({answers, choices, passwordFromEnv: false, password: 'x'}).map(refKey);
    return render(
      <Wizard
        services={services}
        init={{answers, done: keys.slice(0, keys.indexOf('load-balancer')), resume: true, password: 'x'}}
        active
        finishOnSave={false}
        offerDraft={false}
        onExit={() => undefined}
      />,
    );
  }

  test('rolling: load balancer, listener and target group picked from lists; the container is its only port mapping', async () => {
    const draft = memoryDraftStore();
    const app = start({...fargateAnswers(), serviceSpecJson: undefined}, draft);
    await waitForFrame(app, '? Attach the service to a load balancer?');
    await press(app, 'down');
    await press(app, 'enter');
    await waitForFrame(app, /❯ web\s+application/);
    await press(app, 'enter');
    await waitForFrame(app, /❯ HTTP:80/);
    expect(app.lastFrame()).toContain('HTTP:8080');
    await press(app, 'enter');
    // The load balancer's groups first, each with its type, port, VPC.
    const frame = await waitForFrame(app, /❯ web-blue\s+type ip · HTTP:80 · vpc-\w+ · on this load balancer/);
    expect(frame).toMatch(/web-green\s+type ip/);
    await press(app, 'enter');
    // Auto scaling follows the load balancer (questions/auto-scaling.ts); no.
    await waitForFrame(app, '? Scale automatically?');
    expect(app.lastFrame()).toMatch(/Container\s*:?\s*\$\{CONTAINER_NAME\}:8080/);
    await press(app, 'enter');
    await waitForFrame(app, '? Service discovery (AWS Cloud Map)');
    const saved = await answersOf(app, draft);
    expect(saved.loadBalancer).toEqual({targetGroupArn: seed.blue, containerName: '${CONTAINER_NAME}', containerPort: 8080});
    expect(specOf(saved).loadBalancers).toEqual([{targetGroupArn: seed.blue, containerName: '${CONTAINER_NAME}', containerPort: 8080}]);
  });

  test('a target group of type instance is refused in place for a Fargate (awsvpc) service, saying why', async () => {
    const app = start({...fargateAnswers(), serviceSpecJson: undefined});
    await waitForFrame(app, '? Attach the service to a load balancer?');
    await press(app, 'down');
    await press(app, 'enter');
    await waitForFrame(app, /❯ web\s+application/);
    await press(app, 'enter');
    await waitForFrame(app, /❯ HTTP:80/);
    await press(app, 'enter');
    await waitForFrame(app, /❯ web-blue/);
    for (let row = 0; row < 4; row++) await press(app, 'down');
    await waitForFrame(app, /❯ web-instance/);
    await press(app, 'enter');
    await waitForFrame(app, (frame) =>
      oneLine(frame).includes('target group web-instance has target type instance, and a task in awsvpc network mode registers by IP address'),
    );
  });

  test('BLUE_GREEN: alternate group, production and test rules, and the traffic role created after a yes', async () => {
    const draft = memoryDraftStore();
    const app = start({...fargateAnswers(), serviceSpecJson: BLUE_GREEN_SPEC}, draft);
    await waitForFrame(app, '? Attach the service to a load balancer?');
    await press(app, 'down');
    await press(app, 'enter');
    await waitForFrame(app, /❯ web\s+application/);
    await press(app, 'enter');
    await waitForFrame(app, /❯ HTTP:80/);
    await press(app, 'enter');
    await waitForFrame(app, /❯ web-blue/);
    await press(app, 'enter');
    // The production group is not offered again.
    const alternate = await waitForFrame(app, /Alternate target group \(BLUE_GREEN\)[\s\S]*❯ web-green/);
    expect(alternate).not.toMatch(/web-blue\s+type/);
    await press(app, 'enter');
    await waitForFrame(app, /❯ priority 10: path-pattern \/api\/\*\s+→ web-blue, web-green/);
    await press(app, 'enter');
    await waitForFrame(app, /Test listener rule \(optional\)/);
    await waitForFrame(app, /HTTP:8080 default rule\s+→ web-green/);
    await press(app, 'down');
    await press(app, 'down');
    await waitForFrame(app, /❯ HTTP:8080 default rule/);
    await press(app, 'enter');
    await waitForFrame(app, (frame) => frame.includes(`❯ Create ${DEFAULT_TRAFFIC_ROLE_NAME}`) && frame.includes('seeded-traffic-role'));
    expect(app.lastFrame()).not.toContain('tasks-only');
    await press(app, 'enter');
    await waitForFrame(app, `? Create the IAM role ${DEFAULT_TRAFFIC_ROLE_NAME} now?`);
    expect(app.lastFrame()).toContain(`Managed policy attached: ${LOAD_BALANCER_ROLE_POLICY_ARN}`);
    await press(app, 'enter');
    await waitForFrame(app, '? Scale automatically?');
    await press(app, 'enter');
    await waitForFrame(app, '? Service discovery (AWS Cloud Map)');
    const saved = await answersOf(app, draft);
    const role = await (await createIamPort(factory)).getRole(DEFAULT_TRAFFIC_ROLE_NAME);
    expect(role?.arn).toBeDefined();
    expect(specOf(saved).loadBalancers).toEqual([
      {
        targetGroupArn: seed.blue,
        containerName: '${CONTAINER_NAME}',
        containerPort: 8080,
        advancedConfiguration: {
          alternateTargetGroupArn: seed.green,
          productionListenerRule: seed.apiRule,
          testListenerRule: seed.testDefaultRule,
          roleArn: role!.arn,
        },
      },
    ]);
  });
});
