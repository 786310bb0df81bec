// Loopback servers for scripts/bench-faults.mjs: moto, an endpoint that never answers, one that throttles every
// call, and a proxy in front of moto that plays ECS's own record of a deployment the circuit breaker rolled back
// (moto adds no deployment on UpdateService and does not serve the service deployment API).
import {spawn} from 'node:child_process';
import {createServer as createHttpServer} from 'node:http';
import {createServer as createTcpServer} from 'node:net';

export async function freePort() {
  const server = createTcpServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const {port} = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export async function startMotoServer() {
  const port = await freePort();
  const child = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], {
    env: {...process.env, MOTO_ECS_SERVICE_RUNNING: '1', MOTO_IAM_LOAD_MANAGED_POLICIES: 'true'},
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt += 1) {
    try {
      const response = await fetch(`${url}/moto-api/`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (attempt > 300) throw new Error('moto_server did not start within 30 s');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {url, close: async () => void child.kill('SIGTERM')};
}

/** Accepts connections and never answers. */
export async function startHangingServer() {
  const sockets = new Set();
  const server = createTcpServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

const readBody = (request) =>
  new Promise((resolve) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => resolve(body));
  });

/** Answers every AWS call with the service's throttling error (JSON protocols and the query/XML protocols). */
export async function startThrottlingServer() {
  const server = createHttpServer(async (request, response) => {
    await readBody(request);
    if (request.headers['x-amz-target'] !== undefined) {
      response.writeHead(400, {'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': 'throttled'});
      response.end(JSON.stringify({__type: 'ThrottlingException', message: 'Rate exceeded'}));
    } else {
      response.writeHead(400, {'content-type': 'text/xml'});
      response.end(
        '<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error><RequestId>throttled</RequestId></ErrorResponse>',
      );
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((resolve) => server.close(resolve))};
}

const AUTH = (service) => `AWS4-HMAC-SHA256 Credential=test/20261206/us-east-1/${service}/aws4_request, SignedHeaders=host, Signature=0`;
async function call(url, service, target, input) {
  const response = await fetch(url, {
    method: 'POST',
    headers: {'content-type': 'application/x-amz-json-1.1', 'x-amz-target': target, authorization: AUTH(service)},
    body: JSON.stringify(input),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${target}: HTTP ${response.status} ${text}`);
  return JSON.parse(text);
}

const MANIFEST = (digit) =>
  JSON.stringify({
    schemaVersion: 2,
    mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
    config: {mediaType: 'application/vnd.docker.container.image.v1+json', size: 7023, digest: `sha256:${digit.repeat(64)}`},
    layers: [],
  });

/**
 * moto behind a proxy that plays a circuit-breaker rollback: after UpdateService the service lists our deployment
 * (PRIMARY, IN_PROGRESS) beside the one before; after rollBack() only the one before remains (PRIMARY, COMPLETED),
 * the service events say why, and the service deployment API answers ROLLBACK_SUCCESSFUL for ours (with
 * `records: false` it is unknown, as on moto: only the deployments and the events tell).
 */
export async function startRollbackProxy(motoUrl, {records: keepsRecords = true} = {}) {
  const state = {phase: 'none', ours: undefined, prior: undefined, service: undefined};
  const now = () => Date.now() / 1000;
  const ECS = 'AmazonEC2ContainerServiceV20141113';
  const serviceDeploymentArn = (deployment) =>
    `${state.service.serviceArn.replace(':service/', ':service-deployment/')}/${deployment.id.replace('ecs-svc/', '')}`;
  const revisionArn = (deployment) => `${state.service.serviceArn.replace(':service/', ':service-revision/')}/${deployment.id.replace('ecs-svc/', '')}`;
  const deployments = () =>
    state.phase === 'rolling'
      ? [state.ours, {...state.prior, status: 'ACTIVE'}]
      : [{...state.prior, status: 'PRIMARY', rolloutState: 'COMPLETED', runningCount: state.prior.desiredCount, pendingCount: 0}];
  const record = (deployment, status) => ({
    serviceDeploymentArn: serviceDeploymentArn(deployment),
    serviceArn: state.service.serviceArn,
    clusterArn: state.service.clusterArn,
    createdAt: deployment.createdAt,
    startedAt: deployment.createdAt,
    ...(status === 'IN_PROGRESS' ? {} : {finishedAt: now()}),
    targetServiceRevisionArn: revisionArn(deployment),
    status,
    ...(status === 'ROLLBACK_SUCCESSFUL' ? {statusReason: 'Service deployment rolled back because the circuit breaker threshold was exceeded.'} : {}),
  });
  const records = () =>
    state.phase === 'none' ? [] : [record(state.ours, state.phase === 'rolling' ? 'IN_PROGRESS' : 'ROLLBACK_SUCCESSFUL'), record(state.prior, 'SUCCESSFUL')];

  const answer = (response, body) => {
    response.writeHead(200, {'content-type': 'application/x-amz-json-1.1'});
    response.end(JSON.stringify(body));
  };
  const server = createHttpServer(async (request, response) => {
    const body = await readBody(request);
    const target = String(request.headers['x-amz-target'] ?? '');
    const operation = target.startsWith(`${ECS}.`) ? target.slice(ECS.length + 1) : '';
    if (!keepsRecords && operation.includes('ServiceDeployment')) {
      // As where ECS keeps no records (moto): the operation is unknown.
      response.writeHead(400, {'content-type': 'application/x-amz-json-1.1'});
      return response.end(JSON.stringify({__type: 'UnknownOperationException', message: `${operation} is not supported here`}));
    }
    if (state.phase !== 'none' && operation === 'ListServiceDeployments') return answer(response, {serviceDeployments: records()});
    if (state.phase !== 'none' && operation === 'DescribeServiceDeployments') {
      const wanted = JSON.parse(body).serviceDeploymentArns ?? [];
      const full = records().map((brief) => ({
        ...brief,
        targetServiceRevision: {arn: brief.targetServiceRevisionArn, requestedTaskCount: 1, runningTaskCount: 0, pendingTaskCount: 0},
        sourceServiceRevisions:
          brief.serviceDeploymentArn === serviceDeploymentArn(state.ours)
            ? [{arn: revisionArn(state.prior), requestedTaskCount: 1, runningTaskCount: 1, pendingTaskCount: 0}]
            : [],
        ...(brief.status === 'ROLLBACK_SUCCESSFUL'
          ? {
              rollback: {reason: brief.statusReason, startedAt: now(), serviceRevisionArn: revisionArn(state.prior)},
              deploymentCircuitBreaker: {status: 'TRIGGERED', failureCount: 3, threshold: 3},
            }
          : {}),
      }));
      return answer(response, {serviceDeployments: full.filter((item) => wanted.includes(item.serviceDeploymentArn)), failures: []});
    }
    if (state.phase !== 'none' && operation === 'DescribeServiceRevisions') {
      const wanted = JSON.parse(body).serviceRevisionArns ?? [];
      const revisions = [state.ours, state.prior].map((deployment) => ({
        serviceRevisionArn: revisionArn(deployment),
        serviceArn: state.service.serviceArn,
        clusterArn: state.service.clusterArn,
        taskDefinition: deployment.taskDefinition,
        launchType: deployment.launchType,
        createdAt: deployment.createdAt,
      }));
      return answer(response, {serviceRevisions: revisions.filter((item) => wanted.includes(item.serviceRevisionArn)), failures: []});
    }
    const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => !['host', 'content-length', 'connection'].includes(name)));
    const upstream = await fetch(`${motoUrl}${request.url}`, {method: request.method, headers, ...(request.method === 'GET' ? {} : {body})});
    let text = await upstream.text();
    if (upstream.ok && operation === 'UpdateService') {
      const result = JSON.parse(text);
      state.service = result.service;
      state.prior = {...result.service.deployments.at(-1), status: 'PRIMARY'};
      state.ours = {
        ...state.prior,
        id: 'ecs-svc/4242424242424242424',
        taskDefinition: result.service.taskDefinition,
        runningCount: 0,
        pendingCount: 0,
        failedTasks: 0,
        rolloutState: 'IN_PROGRESS',
        rolloutStateReason: 'ECS deployment ecs-svc/4242424242424242424 in progress.',
        createdAt: now(),
        updatedAt: now(),
      };
      state.phase = 'rolling';
      result.service.deployments = deployments();
      text = JSON.stringify(result);
    } else if (upstream.ok && operation === 'DescribeServices' && state.phase !== 'none') {
      const result = JSON.parse(text);
      for (const service of result.services ?? []) {
        if (service.serviceArn !== state.service.serviceArn) continue;
        service.deployments = deployments();
        service.taskDefinition = service.deployments[0].taskDefinition;
        if (state.phase === 'rolledBack') {
          const at = now();
          service.events = [
            {id: 'e3', createdAt: at, message: `(service ${service.serviceName}) has reached a steady state.`},
            {id: 'e2', createdAt: at - 1, message: `(service ${service.serviceName}) rolling back to deployment ${state.prior.id}.`},
            {
              id: 'e1',
              createdAt: at - 2,
              message: `(service ${service.serviceName}) (deployment ${state.ours.id}) deployment failed: tasks failed to start.`,
            },
          ];
        }
      }
      text = JSON.stringify(result);
    }
    const copied = Object.fromEntries(
      [...upstream.headers].filter(([name]) => !['content-length', 'transfer-encoding', 'content-encoding', 'connection'].includes(name)),
    );
    response.writeHead(upstream.status, copied);
    response.end(text);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}`;
  return {
    url,
    /** An ECR repository `web` with tags 1 and 2, and the cluster `dev`. */
    seed: async () => {
      await call(motoUrl, 'ecr', 'AmazonEC2ContainerRegistry_V20150921.CreateRepository', {repositoryName: 'web'});
      await call(motoUrl, 'ecr', 'AmazonEC2ContainerRegistry_V20150921.PutImage', {repositoryName: 'web', imageTag: '1', imageManifest: MANIFEST('b')});
      await call(motoUrl, 'ecr', 'AmazonEC2ContainerRegistry_V20150921.PutImage', {repositoryName: 'web', imageTag: '2', imageManifest: MANIFEST('c')});
      await call(motoUrl, 'ecs', `${ECS}.CreateCluster`, {clusterName: 'dev'});
    },
    /**
     * What runs becomes a copy of web's newest revision with plaintext secrets in its environment (as a service
     * deployed by hand often has): every diff and plan against it must show them masked.
     */
    plant: async (secrets) => {
      const ecs = (operation, input) => call(motoUrl, 'ecs', `${ECS}.${operation}`, input);
      const {taskDefinition} = await ecs('DescribeTaskDefinition', {taskDefinition: 'web'});
      const registrable = Object.fromEntries(
        Object.entries(taskDefinition).filter(
          ([key]) => !['taskDefinitionArn', 'revision', 'status', 'requiresAttributes', 'compatibilities', 'registeredAt', 'registeredBy'].includes(key),
        ),
      );
      registrable.containerDefinitions = registrable.containerDefinitions.map((container) => ({
        ...container,
        environment: Object.entries(secrets).map(([name, value]) => ({name, value})),
      }));
      const registered = await ecs('RegisterTaskDefinition', registrable);
      await ecs('UpdateService', {cluster: 'dev', service: 'web', taskDefinition: registered.taskDefinition.taskDefinitionArn});
    },
    rollBack: () => {
      state.phase = 'rolledBack';
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
