import React from 'react';
import {cleanup, render} from 'ink-testing-library';
import {afterEach, describe, expect, test} from 'vitest';
import type {WizardAnswers} from '../../../source/domain/wizard-answers.js';
import {refKey} from '../../../source/operations/wizard/question.js';
import {flowOf, type WizardInit} from '../../../source/ui/wizard/wizard-state.js';
import {Wizard, type WizardExit} from '../../../source/ui/wizard/wizard-screen.js';
import {press, recorder, waitForFrame, type InkInstance, type Recorder} from '../../helpers/ink.js';
import {CLOUD_MAP, ROLE, SECRET, ec2DaemonAnswers, fargateAnswers} from '../../operations/wizard/fixtures.js';
import {OFFLINE, fakeServices, type Fakes} from './fakes.js';

afterEach(() => cleanup());

function start(fakes: Fakes, init: WizardInit = {}, options: {offerDraft?: boolean} = {}) {
  const exits = recorder<[WizardExit]>();
  const app = render(<Wizard services={fakes.services} init={init} active finishOnSave={false} offerDraft={options.offerDraft ?? false} onExit={exits} />);
  return {app, exits};
}

/** Starts at `target` with everything before it answered (a resumed draft). */
function startAt(fakes: Fakes, answers: WizardAnswers, target: string, choices: Record<string, string> = {}, extra: Partial<WizardInit> = {}) {
  const keys = flowOf({answers, choices, passwordFromEnv: false, ...(extra.password ? {password: extra.password} : {})}).map(refKey);
  const index = keys.indexOf(target);
  if (index < 0) throw new Error(`${target} is not in the flow: ${keys.join(' ')}`);
  return start(fakes, {answers, choices, done: keys.slice(0, index), resume: true, ...extra});
}

/** Writes text at once (as a paste: ink-text-input takes it as one input). */
const paste = (app: InkInstance, text: string) => press(app, text);

async function waitForExit(exits: Recorder<[WizardExit]>): Promise<WizardExit> {
  await exits.called();
  expect(exits.calls).toHaveLength(1);
  return exits.calls[0]![0];
}

describe('the guided setup, step by step', () => {
  test('application (picked or typed), service (a bad name explained in place), collapsed lines, Esc keeps answers', async () => {
    const fakes = fakeServices();
    const {app} = start(fakes);
    let frame = await waitForFrame(app, '❯ shop');
    expect(frame).toContain('ecs-wizard · new setup · 1/10 Application');
    await paste(app, 'ECS Demo');
    await waitForFrame(app, '❯ Use “ECS Demo”');
    await press(app, 'enter');
    await waitForFrame(app, '? Service name');
    await paste(app, 'web api');
    await press(app, 'enter');
    frame = await waitForFrame(app, '✖ "web api" cannot be an ECS service name');
    expect(frame).toContain('use letters, digits, _ and - (up to 255), e.g. web-api');
    for (let i = 0; i < 4; i += 1) await press(app, 'backspace');
    await paste(app, '-api');
    await press(app, 'enter');
    frame = await waitForFrame(app, '? Where does the Docker image come from?');
    expect(frame).toContain('✔ Application: ECS Demo');
    expect(frame).toContain('✔ Service: web-api (deployment type: Amazon ECS)');
    expect(frame).toContain('3/10 Artifact source');
    // Back: the answer is the default again.
    await press(app, 'esc');
    frame = await waitForFrame(app, '? Service name');
    expect(frame).toContain('› web-api');
    expect(frame).not.toContain('✔ Service:');
    await press(app, 'esc');
    frame = await waitForFrame(app, '? Application');
    expect(frame).toContain('› ECS Demo');
  });

  test('private registry: address, user, a hidden password never kept in the answers, tags listed and filtered', async () => {
    const seen: Array<{host: string; password?: string}> = [];
    const fakes = fakeServices({
      tags: async (artifact, password) => {
        seen.push({host: artifact.host, ...(password === undefined ? {} : {password})});
        return {ok: true, items: [{tag: '1.4.2'}, {tag: '1.4.1'}, {tag: 'latest'}], newestFirst: false};
      },
    });
    const {app} = startAt(fakes, {application: 'a', serviceName: 's'}, 'registry');
    await waitForFrame(app, '❯ Docker Hub');
    await press(app, 'down');
    await waitForFrame(app, '❯ Private registry');
    await press(app, 'enter');
    await waitForFrame(app, '? Registry address');
    await paste(app, 'https://registry.example.com:5000/v2/');
    await press(app, 'enter');
    await waitForFrame(app, '? User name for listing tags');
    await paste(app, 'deploy');
    await press(app, 'enter');
    await waitForFrame(app, '? Password of deploy at registry.example.com:5000');
    await paste(app, 's3cr3t');
    let frame = await waitForFrame(app, '››'.slice(1) + ' ••••••');
    expect(frame).not.toContain('s3cr3t');
    await press(app, 'enter');
    await waitForFrame(app, '? Docker image name');
    await paste(app, 'team/web-api');
    await press(app, 'enter');
    frame = await waitForFrame(app, '❯ 1.4.2');
    expect(frame).toContain('✔ Registry password: •••••••• (not saved)');
    expect(seen).toEqual([{host: 'registry.example.com:5000', password: 's3cr3t'}]);
    await paste(app, 'lat');
    frame = await waitForFrame(app, '❯ latest');
    expect(frame).not.toContain('1.4.1');
    await press(app, 'enter');
    // A user was given for listing tags: "pulling needs credentials" comes first.
    await waitForFrame(app, '❯ Yes: pulling needs a user name and password');
    await press(app, 'enter');
    // The new registry becomes a server of the application: named after its host unless another name is typed.
    frame = await waitForFrame(app, '? Name of this registry as a server of a');
    expect(frame).toContain('registry.example.com-5000');
    await press(app, 'enter');
    frame = await waitForFrame(app, '? Launch type');
    expect(frame).toContain('✔ Server name: registry.example.com-5000 (a new server of a)');
    expect(frame).toContain('✔ Pull credentials: needed (a Secrets Manager secret, step 8)');
    expect(frame).toContain('✔ Default tag: latest (asked again at every run)');
    expect(frame).toContain('✔ Image: registry.example.com:5000/team/web-api');
  });

  test('offline: the tag list says why it cannot list, and a typed tag is checked', async () => {
    const fakes = fakeServices();
    const {app} = startAt(fakes, {application: 'a', serviceName: 's', registry: 'dockerhub', image: 'library/nginx'}, 'tag');
    let frame = await waitForFrame(app, '⚠ Cannot list tags of registry.hub.docker.com/library/nginx');
    expect(frame).toContain('cannot reach AWS');
    expect(frame).toContain('Type a tag, e.g. 1.4.2 or latest.');
    await paste(app, '-x');
    await press(app, 'enter');
    frame = await waitForFrame(app, '✖ "-x" is not a tag');
    await press(app, 'backspace');
    await press(app, 'backspace');
    await paste(app, 'stable-perl');
    await press(app, 'enter');
    await waitForFrame(app, '? Launch type');
  });

  test('ECR: the repositories are listed; choosing one gives the host and image', async () => {
    const fakes = fakeServices({
      ecrRepositories: async () => ({
        ok: true,
        items: [
          {name: 'team/api', uri: '123456789012.dkr.ecr.us-east-1.amazonaws.com/team/api'},
          {name: 'web', uri: '123456789012.dkr.ecr.us-east-1.amazonaws.com/web'},
        ],
      }),
      tags: async () => ({
        ok: true,
        items: [
          {tag: 'v2', pushedAt: '2026-01-02T10:00:00.000Z', digest: 'sha256:' + 'b'.repeat(64), platforms: ['linux/arm64']},
          {tag: 'v1', pushedAt: '2025-12-01T10:00:00.000Z'},
        ],
        newestFirst: true,
      }),
    });
    const {app} = startAt(fakes, {application: 'a', serviceName: 's', registry: 'ecr'}, 'ecr-repository');
    await waitForFrame(app, '❯ team/api');
    await paste(app, 'web');
    await waitForFrame(app, '❯ web');
    await press(app, 'enter');
    const frame = await waitForFrame(app, '❯ v2');
    expect(frame).toContain('✔ ECR repository: 123456789012.dkr.ecr.us-east-1.amazonaws.com/web');
    // tag · date (age by the services' clock) · short digest · platforms
    expect(frame).toMatch(/v2\s+2026-01-02 10:00 \([^)]*\) · sha256:bbbbbbbbbbbb · linux\/arm64/);
    expect(frame).toMatch(/v1\s+2025-12-01 10:00 \([^)]*\) · no digest · platforms unknown/);
  });

  test('Fargate: the editor opens the template; a syntax error is shown with its line/column; re-opening keeps the text', async () => {
    const fakes = fakeServices();
    const broken = '{\n  "containerDefinitions": [\n    {"name": "${CONTAINER_NAME}", "image": "${DOCKER_IMAGE_NAME}"}\n  ],\n  "cpu": "256",\n}';
    const fixed = fargateAnswers().containerJson!;
    fakes.edits.push(broken, fixed);
    const {app} = startAt(
      fakes,
      {
        application: 'a',
        serviceName: 's',
        registry: 'dockerhub',
        image: 'library/nginx',
        tag: '1',
        launchType: 'FARGATE',
        networkMode: 'awsvpc',
        containerMode: 'json',
      },
      'container-json',
    );
    let frame = await waitForFrame(app, '❯ Start from the template');
    expect(frame).toContain('Task definition (Advanced JSON — required for Fargate)');
    await press(app, 'enter');
    frame = await waitForFrame(app, '1 problem to fix in the task definition:');
    expect(fakes.opened[0]).toContain('"executionRoleArn": "${EXECUTION_ROLE}"');
    expect(fakes.opened[0]).toContain('"awslogs-group": "${serviceVariable.logGroup}"');
    expect(frame).toContain("✖ containerSpec (line 6, column 1): Unexpected '}'");
    expect(frame).toContain('❯ Re-open the editor');
    await press(app, 'enter');
    frame = await waitForFrame(app, '✔ The task definition is valid: 1 container (${CONTAINER_NAME}), awsvpc');
    expect(fakes.opened[1]).toBe(broken);
    await press(app, 'enter');
    frame = await waitForFrame(app, '? Scheduling strategy');
    expect(frame).toContain('✔ Task definition: from the template: 1 container (${CONTAINER_NAME}), awsvpc');
  });

  test('pasted describe-task-definition output is imported: read-only fields dropped, the image becomes ${DOCKER_IMAGE_NAME}', async () => {
    const fakes = fakeServices();
    fakes.edits.push(
      JSON.stringify({
        taskDefinition: {
          taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:3',
          family: 'web',
          revision: 3,
          status: 'ACTIVE',
          networkMode: 'bridge',
          requiresCompatibilities: ['EC2'],
          containerDefinitions: [
            {
              name: 'library_nginx_1',
              image: 'registry.hub.docker.com/library/nginx:1',
              memoryReservation: 128,
              essential: true,
              portMappings: [{containerPort: 80, hostPort: 0, protocol: 'tcp'}],
            },
          ],
        },
      }),
    );
    const {app} = startAt(
      fakes,
      {
        application: 'a',
        serviceName: 's',
        registry: 'dockerhub',
        image: 'library/nginx',
        tag: '1',
        launchType: 'EC2',
        networkMode: 'bridge',
        containerMode: 'json',
      },
      'container-json',
    );
    await waitForFrame(app, '❯ Start from the template');
    await press(app, 'down');
    await waitForFrame(app, '❯ Paste `aws ecs describe-task-definition` output');
    await press(app, 'enter');
    let frame = await waitForFrame(app, '✔ The task definition is valid');
    expect(fakes.opened).toEqual(['']);
    expect(frame).toContain('containerDefinitions[0].image → ${DOCKER_IMAGE_NAME}');
    await press(app, 'enter');
    frame = await waitForFrame(app, '? Scheduling strategy');
    expect(frame).toContain('imported from describe-task-definition');
  });

  test('no editor at all: a file to edit by hand, read back on Enter', async () => {
    const fakes = fakeServices({}, {editor: 'none'});
    fakes.edits.push(fargateAnswers().containerJson!);
    const {app} = startAt(
      fakes,
      {
        application: 'a',
        serviceName: 's',
        registry: 'dockerhub',
        image: 'library/nginx',
        tag: '1',
        launchType: 'FARGATE',
        networkMode: 'awsvpc',
        containerMode: 'json',
      },
      'container-json',
    );
    await waitForFrame(app, '❯ Start from the template');
    await press(app, 'enter');
    const frame = await waitForFrame(app, 'No editor found');
    expect(frame).toContain('› /tmp/fake-0.json');
    await press(app, 'enter');
    await waitForFrame(app, '✔ The task definition is valid');
  });

  test('DAEMON on Fargate is refused with the reason; REPLICA asks the desired count', async () => {
    const fakes = fakeServices();
    const answers = {...fargateAnswers(), strategy: undefined, desiredCount: undefined};
    const {app} = startAt(fakes, answers, 'strategy', {}, {password: 'x'});
    await waitForFrame(app, '❯ REPLICA');
    await press(app, 'down');
    await waitForFrame(app, '❯ DAEMON');
    await press(app, 'enter');
    const frame = await waitForFrame(app, '✖ DAEMON is not supported on Fargate');
    expect(frame).toContain('Fargate has no container instances to run one task on');
    await press(app, 'up');
    await waitForFrame(app, '❯ REPLICA');
    await press(app, 'enter');
    await waitForFrame(app, '? Desired count (tasks to keep running)');
    await paste(app, 'x');
    await press(app, 'enter');
    await waitForFrame(app, '✖ The desired count must be a whole number, found "1x"');
  });

  test('EC2 simplified form: fields checked in place, then DAEMON skips the desired count', async () => {
    const fakes = fakeServices();
    const {app} = startAt(fakes, {...ec2DaemonAnswers(), containerForm: undefined, strategy: undefined}, 'container-form');
    let frame = await waitForFrame(app, '❯ CPU units');
    expect(frame).toContain('Memory soft limit, MiB: 256');
    await press(app, 'enter');
    await press(app, 'enter');
    await press(app, 'down');
    await waitForFrame(app, '❯ Port mappings');
    await paste(app, '80, http');
    await press(app, 'enter');
    frame = await waitForFrame(app, '✖ "http" is not a port mapping');
    await press(app, 'backspace');
    await press(app, 'backspace');
    await press(app, 'backspace');
    await press(app, 'backspace');
    await press(app, 'backspace');
    await press(app, 'backspace');
    await press(app, 'enter');
    await waitForFrame(app, '? Container environment variables');
    await paste(app, 'LOG_LEVEL=debug');
    await press(app, 'enter');
    await waitForFrame(app, 'LOG_LEVEL=debug');
    await press(app, 'enter');
    await waitForFrame(app, '? Scheduling strategy');
    await press(app, 'down');
    await waitForFrame(app, '❯ DAEMON');
    await press(app, 'enter');
    frame = await waitForFrame(app, '? Service specification');
    expect(frame).toContain('"schedulingStrategy": "DAEMON"');
    expect(frame).toContain('✔ Container: reservation 256 MiB · ports 80');
  });

  test('service specification: describe-services output is imported, networkConfiguration warned about', async () => {
    const fakes = fakeServices();
    fakes.edits.push(
      JSON.stringify({
        services: [
          {
            serviceArn: 'arn:aws:ecs:us-east-1:123456789012:service/prod/web',
            serviceName: 'web',
            clusterArn: 'arn:aws:ecs:us-east-1:123456789012:cluster/prod',
            taskDefinition: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:3',
            desiredCount: 3,
            launchType: 'FARGATE',
            schedulingStrategy: 'REPLICA',
            networkConfiguration: {awsvpcConfiguration: {subnets: ['subnet-0a1b2c3d'], securityGroups: ['sg-0a1b2c3d'], assignPublicIp: 'DISABLED'}},
            deploymentConfiguration: {maximumPercent: 200, minimumHealthyPercent: 100},
          },
        ],
        failures: [],
      }),
    );
    const answers = {...fargateAnswers(), serviceSpecJson: undefined, environments: []};
    const {app} = startAt(fakes, answers, 'service-json', {}, {password: 'x'});
    await waitForFrame(app, '❯ Use it');
    await press(app, 'down');
    await press(app, 'down');
    await waitForFrame(app, '❯ Import describe-services output');
    await press(app, 'enter');
    let frame = await waitForFrame(app, '✔ The service specification is valid: REPLICA, desired count 3');
    expect(frame).toContain('Moved to the environment');
    await press(app, 'enter');
    // The deployment strategy comes next: ROLLING (the default) asks only for optional rollback alarms.
    await waitForFrame(app, '❯ ROLLING');
    await press(app, 'enter');
    await waitForFrame(app, '? CloudWatch alarms that roll the deployment back');
    await press(app, 'enter');
    frame = await waitForFrame(app, '? Attach the service to a load balancer?');
    expect(frame).toContain('✔ Deployment strategy: ROLLING (circuit breaker with rollback)');
    expect(frame).toContain('✔ Service JSON: imported from describe-services');
    await press(app, 'enter');
    frame = await waitForFrame(app, '? Scale automatically?');
    await waitForFrame(app, '❯ No');
    await press(app, 'enter');
    frame = await waitForFrame(app, '? Service discovery');
    expect(frame).toContain('✔ Auto scaling: no');
  });

  test('discovery: namespaces and services listed; A-only records refused under bridge with the reason', async () => {
    const fakes = fakeServices({
      namespaces: async () => ({ok: true, items: [{id: 'ns-1', arn: 'arn:ns-1', name: 'local', type: 'DNS_PRIVATE'}]}),
      discoveryServices: async () => ({
        ok: true,
        items: [
          {id: 'srv-a', arn: 'arn:aws:servicediscovery:us-east-1:123456789012:service/srv-a', name: 'web-a', recordTypes: ['A']},
          {id: 'srv-b', arn: 'arn:aws:servicediscovery:us-east-1:123456789012:service/srv-b', name: 'web-srv', recordTypes: ['SRV']},
        ],
      }),
      discoveryService: async (arn) => ({status: 'found', value: {id: 'srv-b', arn, name: 'web-srv', recordTypes: ['SRV']}}),
    });
    const {app} = startAt(fakes, {...ec2DaemonAnswers(), discovery: undefined}, 'discovery');
    await waitForFrame(app, '❯ No service discovery');
    await press(app, 'down');
    await waitForFrame(app, '❯ Pick a Cloud Map service');
    await press(app, 'enter');
    await waitForFrame(app, '❯ local');
    await press(app, 'enter');
    let frame = await waitForFrame(app, '❯ web-a');
    expect(frame).toContain('(unavailable)');
    await press(app, 'enter');
    frame = await waitForFrame(app, '✖ Without awsvpc (this task uses bridge), service discovery needs SRV records and web-a has A');
    await press(app, 'down');
    await waitForFrame(app, '❯ web-srv');
    await press(app, 'enter');
    frame = await waitForFrame(app, '? containerPort: which port of ${CONTAINER_NAME}?');
    expect(frame).toContain('✔ Registers with: containerName + containerPort (required: SRV records without awsvpc)');
    expect(frame).toContain('✔ containerName: ${CONTAINER_NAME} (the only container)');
    // A port that is not mapped is explained in place.
    await paste(app, '81');
    await press(app, 'enter');
    await waitForFrame(app, '✖ Port 81 is not a port mapping of container "${CONTAINER_NAME}" (its ports: 80)');
    await press(app, 'backspace');
    await press(app, 'backspace');
    await waitForFrame(app, '❯ 80');
    await press(app, 'enter');
    frame = await waitForFrame(app, '? Config variables');
    expect(frame).toContain('containerPort=80  (offered)');
  });

  test('discovery by ARN: a bad ARN is explained; awsvpc with SRV asks containerName + containerPort or port', async () => {
    const fakes = fakeServices({discoveryService: async (arn) => ({status: 'found', value: {id: 'srv-b', arn, name: 'web', recordTypes: ['SRV', 'A']}})});
    const answers = {...fargateAnswers(), discovery: undefined, variables: undefined};
    const {app} = startAt(fakes, answers, 'discovery', {}, {password: 'x'});
    await waitForFrame(app, '❯ No service discovery');
    await press(app, 'down');
    await press(app, 'down');
    await waitForFrame(app, '❯ Paste the Cloud Map service ARN');
    await press(app, 'enter');
    await waitForFrame(app, '? Cloud Map service ARN (registryArn)');
    await paste(app, 'srv-jwyz7x4igkxckqno');
    await press(app, 'enter');
    await waitForFrame(app, '✖ "srv-jwyz7x4igkxckqno" is not a Cloud Map service ARN: write it like');
    for (let i = 0; i < 'srv-jwyz7x4igkxckqno'.length; i += 1) await press(app, 'backspace');
    await paste(app, CLOUD_MAP);
    await press(app, 'enter');
    let frame = await waitForFrame(app, '? How does the service register?');
    expect(frame).toContain('✔ Cloud Map service: SRV, A records · arn:aws:servicediscovery:');
    await press(app, 'down');
    await press(app, 'enter');
    await waitForFrame(app, '? port (registered in the SRV records)');
    await paste(app, '8080');
    await press(app, 'enter');
    frame = await waitForFrame(app, '? Config variables');
    expect(frame).not.toContain('(offered)');
  });

  test('private registry authentication: the secret (listed), its KMS key, the role created and the policy put only after yes', async () => {
    const fakes = fakeServices({
      secrets: async () => ({ok: true, items: [{arn: SECRET, name: 'registry-creds', kmsKeyId: '1234abcd-12ab-34cd-56ef-1234567890ab'}]}),
      secret: async (arn) => ({status: 'found', value: {arn, name: 'registry-creds', kmsKeyId: '1234abcd-12ab-34cd-56ef-1234567890ab'}}),
      executionRoles: async () => ({ok: true, items: []}),
    });
    const answers = {...fargateAnswers(), registryAuth: undefined, executionRoleArn: undefined};
    const {app} = startAt(fakes, answers, 'auth-secret', {}, {password: 'x'});
    await waitForFrame(app, '❯ registry-creds');
    await press(app, 'enter');
    let frame = await waitForFrame(app, '? Customer KMS key of the secret');
    expect(frame).toContain('› arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab');
    await press(app, 'enter');
    frame = await waitForFrame(app, '❯ Create ecsTaskExecutionRole');
    await press(app, 'enter');
    frame = await waitForFrame(app, '? Create the IAM role ecsTaskExecutionRole now?');
    expect(frame).toContain('"Service": "ecs-tasks.amazonaws.com"');
    expect(frame).toContain('arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy');
    expect(fakes.createdRoles).toEqual([]);
    await press(app, 'enter');
    frame = await waitForFrame(app, '? Put this inline policy (ecs-wizard-private-registry) on ecsTaskExecutionRole?');
    expect(fakes.createdRoles).toEqual(['ecsTaskExecutionRole']);
    expect(frame).toContain('"secretsmanager:GetSecretValue"');
    expect(frame).toContain('"kms:Decrypt"');
    expect(fakes.policies).toEqual([]);
    await press(app, 'enter');
    frame = await waitForFrame(app, '? Environment: where does the service run?');
    expect(fakes.policies).toEqual([
      {
        role: ROLE,
        name: 'ecs-wizard-private-registry',
        document: {
          Version: '2012-10-17',
          Statement: [
            {Sid: 'ReadRegistryCredentials', Effect: 'Allow', Action: ['secretsmanager:GetSecretValue'], Resource: [SECRET]},
            {
              Sid: 'DecryptRegistryCredentials',
              Effect: 'Allow',
              Action: ['kms:Decrypt'],
              Resource: ['arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab'],
            },
          ],
        },
      },
    ]);
    expect(frame).toContain('✔ Secret policy: put on ecsTaskExecutionRole (ecs-wizard-private-registry)');
  });

  test('a typed secret that does not exist is refused in place; "No" to the policy changes nothing in IAM', async () => {
    const fakes = fakeServices({secret: async () => ({status: 'missing'})});
    const {app} = startAt(fakes, {...fargateAnswers(), registryAuth: undefined}, 'auth-secret', {}, {password: 'x'});
    let frame = await waitForFrame(app, '⚠ Cannot list secrets in us-east-1');
    await paste(app, SECRET);
    await press(app, 'enter');
    frame = await waitForFrame(app, '✖ No secret registry-creds-AbCdEf in us-east-1');
    expect(frame).toContain('create the secret first');
  });

  test('environment: clusters listed (a new name is created at deploy), subnets chosen with space, CloudFormation outputs as defaults', async () => {
    const fakes = fakeServices({
      stacks: async () => ({ok: true, items: [{name: 'network', status: 'CREATE_COMPLETE'}]}),
      stackOutputs: async () => ({status: 'found', value: {ClusterName: 'prod', PrivateSubnets: 'subnet-0a1b2c3d', TaskSecurityGroup: 'sg-0a1b2c3d'}}),
      clusters: async () => ({ok: true, items: ['prod', 'staging']}),
      capacityProviders: async () => ({
        ok: true,
        items: [
          {name: 'FARGATE', kind: 'fargate'},
          {name: 'FARGATE_SPOT', kind: 'fargate'},
        ],
      }),
      subnets: async () => ({
        ok: true,
        items: [
          {id: 'subnet-0a1b2c3d', vpcId: 'vpc-1', availabilityZone: 'us-east-1a', cidr: '10.0.1.0/24', mapPublicIpOnLaunch: false},
          {id: 'subnet-4e5f6a7b', vpcId: 'vpc-1', availabilityZone: 'us-east-1b', cidr: '10.0.2.0/24', mapPublicIpOnLaunch: false},
        ],
      }),
    });
    const answers = {...fargateAnswers(), environments: []};
    const {app} = startAt(fakes, answers, 'env-source#0', {}, {password: 'x'});
    await waitForFrame(app, '❯ Type the values');
    await press(app, 'down');
    await waitForFrame(app, '❯ From a CloudFormation stack');
    await press(app, 'enter');
    await waitForFrame(app, '❯ network');
    await press(app, 'enter');
    let frame = await waitForFrame(app, '? Environment name');
    expect(frame.replace(/\s+/g, ' ')).toContain(
      "From the stack's outputs: cluster ← ClusterName, subnets ← PrivateSubnets, security groups ← TaskSecurityGroup",
    );
    await press(app, 'enter');
    await waitForFrame(app, '? AWS region');
    await press(app, 'enter');
    frame = await waitForFrame(app, '❯ prod');
    await press(app, 'enter');
    // The cluster's capacity providers, offered as strategies: Spot with an on-demand floor.
    frame = await waitForFrame(app, '❯ No capacity providers: the FARGATE launch type');
    expect(frame).toContain('? Capacity providers');
    await press(app, 'down');
    frame = await waitForFrame(app, '❯ FARGATE:1:1, FARGATE_SPOT:3');
    expect(frame).toContain('one task on demand, then 3 of every 4 on Spot');
    await press(app, 'enter');
    frame = await waitForFrame(app, '? Subnets of the tasks (awsvpc)');
    expect(frame).toContain('✔ Capacity: FARGATE:1:1, FARGATE_SPOT:3');
    expect(frame).toContain('◉ subnet-0a1b2c3d');
    await press(app, 'down');
    await press(app, ' ');
    frame = await waitForFrame(app, '◉ subnet-4e5f6a7b');
    expect(frame).toContain('chosen: subnet-0a1b2c3d, subnet-4e5f6a7b');
    await press(app, 'enter');
    frame = await waitForFrame(app, '? Security groups of the tasks (awsvpc)');
    expect(frame).toContain('✔ Subnets: subnet-0a1b2c3d, subnet-4e5f6a7b');
    expect(frame).toContain('✔ Cluster: prod');
  });

  test('review: the rendered JSON, the issues and the live diff; Enter saves under the suggested name', async () => {
    const fakes = fakeServices({
      liveDiff: async () => ({ok: true, diff: {summary: 'create cluster prod, register web-api:1, create service web-api', text: 'Plan: will create'}}),
    });
    const {app} = startAt(fakes, fargateAnswers(), 'review', {}, {password: 'x'});
    let frame = await waitForFrame(app, '? Review · environment production');
    expect(frame).toContain('✔ Ready to save');
    expect(frame).toContain('"image": "registry.example.com:5000/team/web-api:1.4.2"');
    await press(app, 'right');
    frame = await waitForFrame(app, '"serviceName": "web-api"');
    await press(app, 'right');
    frame = await waitForFrame(app, '✔ No issues.');
    await press(app, 'right');
    frame = await waitForFrame(app, 'create cluster prod, register web-api:1, create service web-api');
    await press(app, 'enter');
    frame = await waitForFrame(app, '? Save as profile');
    expect(frame).toContain('› web-api');
    await press(app, 'enter');
    frame = await waitForFrame(app, '✔ Saved profile web-api (1 environment: production).');
    expect(frame).toContain('Deploy it: ecs-wizard deploy web-api');
    expect(fakes.saved.map((profile) => profile.name)).toEqual(['web-api']);
    expect(JSON.stringify(fakes.saved[0])).not.toContain('"password"');
  });

  test('review: an environment that does not render blocks saving; c jumps back to the answer', async () => {
    const fakes = fakeServices();
    const answers = fargateAnswers();
    answers.environments![0]!.overrides = {containerPort: '9090'};
    const {app} = startAt(fakes, answers, 'review', {}, {password: 'x'});
    let frame = await waitForFrame(app, '✖ 1 problem block saving');
    await press(app, 'right');
    await press(app, 'right');
    frame = await waitForFrame(app, 'containerPort 9090 is not');
    expect(frame).toContain('serviceSpec serviceRegistries[0].containerPort');
    await press(app, 'enter');
    await waitForFrame(app, '✖ 1 problem must be fixed before saving');
    await press(app, 'c');
    frame = await waitForFrame(app, '? Change which answer?');
    expect(frame).toContain('❯ Container name: derived (team_web-api_1_4_2)');
    await press(app, 'up');
    await waitForFrame(app, '❯ Another environment: no');
    await press(app, 'up');
    await waitForFrame(app, '❯ Overrides: containerPort=9090');
    await press(app, 'enter');
    frame = await waitForFrame(app, '? Overrides of config variables for production');
    await press(app, 'up');
    await waitForFrame(app, '❯ containerPort=9090');
    await press(app, 'x');
    await waitForFrame(app, '(none yet)');
    await press(app, 'down');
    await press(app, 'enter');
    frame = await waitForFrame(app, '✔ Ready to save');
  });

  test("review: the Service tab shows what deploy sends (the circuit breaker default and the environment's network included)", async () => {
    const fakes = fakeServices();
    const {app} = startAt(fakes, fargateAnswers(), 'review', {}, {password: 'x'});
    await waitForFrame(app, '✔ Ready to save');
    await press(app, 'right');
    let frame = await waitForFrame(app, '"serviceName": "web-api"');
    const seen = new Set<string>();
    const wanted = ['"deploymentCircuitBreaker"', '"awsvpcConfiguration"', '"subnet-0a1b2c3d"'];
    for (let line = 0; line < 80 && seen.size < wanted.length; line += 1) {
      for (const text of wanted) if (frame.includes(text)) seen.add(text);
      // press() returns once React is idle: the frame is the scrolled one.
      await press(app, 'j');
      frame = app.lastFrame() ?? '';
    }
    expect([...seen].sort()).toEqual([...wanted].sort());
  });

  test('review: Ctrl-C asks to leave, as on every other step (it is not c)', async () => {
    const fakes = fakeServices();
    const {app} = startAt(fakes, fargateAnswers(), 'review', {}, {password: 'x'});
    await waitForFrame(app, '✔ Ready to save');
    await press(app, 'ctrl-c');
    const frame = await waitForFrame(app, '? Leave the setup? Your answers are not saved yet.');
    expect(frame).not.toContain('Change which answer?');
  });

  test('init (finishOnSave): the resumed draft is deleted before the wizard exits, so it is not offered again', async () => {
    const fakes = fakeServices();
    await fakes.draft.save({answers: fargateAnswers(), choices: {}, done: [], savedAt: '2026-01-01T00:00:00.000Z'});
    let finishClear: () => void = () => undefined;
    const clearing = new Promise<void>((resolve) => (finishClear = resolve));
    const draft = {
      ...fakes.draft,
      clear: async () => {
        await clearing;
        await fakes.draft.clear();
      },
    };
    const services = {...fakes.services, draft: async () => draft};
    const answers = fargateAnswers();
    const keys = flowOf({answers, choices: {}, passwordFromEnv: false, password: 'x'}).map(refKey);
    const exits = recorder<[WizardExit]>();
    const app = render(
      <Wizard
        services={services}
        init={{answers, choices: {}, done: keys.slice(0, keys.indexOf('review')), resume: true, password: 'x'}}
        active
        finishOnSave
        offerDraft={false}
        onExit={exits}
      />,
    );
    await waitForFrame(app, '✔ Ready to save');
    await press(app, 'enter');
    await waitForFrame(app, '? Save as profile');
    await press(app, 'enter');
    await waitForFrame(app, '✔ Saved profile web-api');
    // The draft is still being deleted: the wizard has not exited yet.
    expect(exits.calls).toHaveLength(0);
    finishClear();
    expect(await waitForExit(exits)).toMatchObject({kind: 'saved'});
    expect(await fakes.draft.load()).toBeUndefined();
  });

  test("? shows the step's help from the seed; Ctrl-C asks, and a draft can be saved", async () => {
    const fakes = fakeServices();
    const {app, exits} = startAt(fakes, {...fargateAnswers(), strategy: undefined}, 'strategy', {}, {password: 'x'});
    await waitForFrame(app, '? Scheduling strategy');
    await press(app, '?');
    let frame = await waitForFrame(app, 'Help · Service specification · Scheduling strategy');
    expect(frame).toContain('DAEMON runs exactly one task on each container instance');
    await press(app, 'esc');
    await waitForFrame(app, '? Scheduling strategy');
    await press(app, 'ctrl-c');
    frame = await waitForFrame(app, '? Leave the setup? Your answers are not saved yet.');
    expect(frame).toContain('❯ Save a draft and quit');
    await press(app, 'enter');
    const exit = await waitForExit(exits);
    expect(exit).toEqual({kind: 'draft', path: '/memory/wizard-draft.json'});
    expect(fakes.draft.current?.answers.serviceName).toBe('web-api');
    expect(JSON.stringify(fakes.draft.current)).not.toContain('"password"');
  });

  test('a saved draft is offered, and resumes at the first unanswered question', async () => {
    const fakes = fakeServices();
    await fakes.draft.save({
      answers: {application: 'ECS Demo', serviceName: 'web-api'},
      choices: {},
      done: ['application', 'service'],
      savedAt: '2026-01-01T10:00:00.000Z',
    });
    const {app} = start(fakes, {}, {offerDraft: true});
    await waitForFrame(app, 'You left a setup unfinished on 2026-01-01 10:00');
    await press(app, 'enter');
    const frame = await waitForFrame(app, '? Where does the Docker image come from?');
    expect(frame).toContain('✔ Service: web-api');
  });

  test('Ctrl-C before anything is answered leaves at once', async () => {
    const fakes = fakeServices({applications: async () => OFFLINE});
    const {app, exits} = start(fakes);
    await waitForFrame(app, '? Application');
    await press(app, 'ctrl-c');
    expect(await waitForExit(exits)).toEqual({kind: 'cancelled', quit: true});
  });
});
