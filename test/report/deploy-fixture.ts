/**
 * A fixed DeployEvent stream (a crash loop rolled back, every event type but `info`: ECS keeps its service deployment
 * records here) for the renderers' golden tests.
 */
import type {DeployEvent, DeploymentRow} from '../../source/domain/deploy/events.js';

export const T0 = Date.UTC(2026, 0, 15, 9, 0, 0);
const TD = (revision: number) => `arn:aws:ecs:eu-west-1:123456789012:task-definition/web:${revision}`;
const OURS = 'ecs-svc/4700039595122878678';
const OLD = 'ecs-svc/4700007919000000001';
const BACK = 'ecs-svc/4700102947993927697';
const RECORD = 'arn:aws:ecs:eu-west-1:123456789012:service-deployment/prod/web/ejGvqq2ilnbKT9qj0vLJe';
const BREAKER = 'ECS deployment circuit breaker: tasks failed to start.';
const record = (at: number, status: string, failed: number): DeployEvent => ({
  type: 'service-deployment',
  at,
  arn: RECORD,
  status,
  ...(status === 'IN_PROGRESS' ? {} : {statusReason: BREAKER}),
  taskDefinition: TD(7),
  ...(status === 'IN_PROGRESS' ? {} : {rollback: {reason: `Circuit breaker triggered: ${failed} tasks failed (threshold 3).`, taskDefinition: TD(6)}}),
  circuitBreaker: {status: status === 'IN_PROGRESS' ? 'MONITORING' : 'TRIGGERED', failureCount: failed, threshold: 3},
  alarms: {status: 'DISABLED'},
});

const row = ({id, ...overrides}: Partial<DeploymentRow> & Pick<DeploymentRow, 'id'>): DeploymentRow => ({
  id,
  status: 'PRIMARY',
  taskDefinition: TD(7),
  revision: 7,
  desired: 2,
  running: 0,
  pending: 0,
  failed: 0,
  rolloutState: 'IN_PROGRESS',
  ours: false,
  ...overrides,
});
const old = row({
  id: OLD,
  status: 'ACTIVE',
  taskDefinition: TD(6),
  revision: 6,
  running: 2,
  rolloutState: 'COMPLETED',
  reason: `ECS deployment ${OLD} completed.`,
});
const crash = (at: number, id: string): DeployEvent => ({
  type: 'task-stopped',
  at,
  taskArn: `arn:aws:ecs:eu-west-1:123456789012:task/prod/${id}`,
  stoppedReason: 'Essential container in task exited',
  stopCode: 'EssentialContainerExited',
  stoppedAt: new Date(at - 1_500).toISOString(),
  containers: [{name: 'web', exitCode: 1}],
  failure: {
    class: 'essential-exit',
    summary: 'essential container web exited with code 1',
    hint: `Read web's output for the error it printed before exiting: CloudWatch Logs group /ecs/web (eu-west-1), stream ecs/web/${id} (ecs-wizard logs web --env prod); check its command, environment variables and secrets.`,
  },
});

export const FIXTURE_EVENTS: DeployEvent[] = [
  {type: 'step', at: T0, name: 'checks', status: 'started', message: 'pre-flight checks'},
  {type: 'check', at: T0 + 200, name: 'fargate-size', status: 'ok', message: 'cpu 256 / memory 512 is a valid Fargate pair'},
  {type: 'check', at: T0 + 300, name: 'image-tag', status: 'warn', message: 'tag 2.0 was pushed 3 minutes ago', hint: 'make sure CI finished pushing'},
  {type: 'step', at: T0 + 400, name: 'checks', status: 'done', message: '1 warning'},
  {type: 'step', at: T0 + 600, name: 'register', status: 'done', message: 'registered web:7'},
  {type: 'step', at: T0 + 900, name: 'service', status: 'done', message: 'UpdateService prod/web → web:7'},
  {
    type: 'watch-started',
    at: T0 + 1_000,
    cluster: 'prod',
    service: 'web',
    region: 'eu-west-1',
    taskDefinitionArn: TD(7),
    deploymentId: OURS,
    simulated: true,
    scenario: 'crash-loop',
  },
  {type: 'deployments', at: T0 + 1_000, deployments: [row({id: OURS, pending: 2, ours: true, reason: 'ECS deployment in progress.'}), old]},
  record(T0 + 1_000, 'IN_PROGRESS', 0),
  {
    type: 'service-event',
    at: T0 + 1_000,
    id: 'e-1',
    createdAt: '2026-01-15T09:00:01.000Z',
    message: '(service web) has started 2 tasks: (task 1f0c) (task 2a9d).',
  },
  {type: 'deployments', at: T0 + 10_500, deployments: [row({id: OURS, running: 2, ours: true, reason: 'ECS deployment in progress.'}), old]},
  {type: 'deployments', at: T0 + 15_500, deployments: [row({id: OURS, failed: 2, ours: true, reason: 'ECS deployment in progress.'}), old]},
  {type: 'circuit-breaker', at: T0 + 15_500, failed: 2, threshold: 3},
  crash(T0 + 15_500, '1f0c'),
  crash(T0 + 15_500, '2a9d'),
  {type: 'throttled', at: T0 + 17_500, retryInMs: 3_000, attempt: 1},
  {type: 'warning', at: T0 + 21_000, message: 'polling failed (1/5): \u001B[31mconnection reset\u001B[0m\u0007'},
  {
    type: 'deployments',
    at: T0 + 32_000,
    deployments: [
      row({id: BACK, taskDefinition: TD(6), revision: 6, pending: 2, reason: 'ECS deployment in progress.'}),
      row({id: OURS, status: 'ACTIVE', failed: 4, rolloutState: 'FAILED', reason: 'ECS deployment circuit breaker: tasks failed to start.', ours: true}),
      old,
    ],
  },
  record(T0 + 32_000, 'ROLLBACK_IN_PROGRESS', 4),
  {
    type: 'service-event',
    at: T0 + 32_000,
    id: 'e-2',
    createdAt: '2026-01-15T09:00:30.500Z',
    message: `(service web) (deployment ${OURS}) deployment failed: tasks failed to start.`,
  },
  {type: 'service-event', at: T0 + 32_000, id: 'e-3', createdAt: '2026-01-15T09:00:30.500Z', message: `(service web) rolling back to deployment ${BACK}.`},
  {type: 'circuit-breaker', at: T0 + 32_000, failed: 4, threshold: 3},
  crash(T0 + 32_000, '3c7e'),
  crash(T0 + 32_000, '4b1a'),
  {
    type: 'deployments',
    at: T0 + 46_500,
    deployments: [row({id: BACK, taskDefinition: TD(6), revision: 6, running: 2, rolloutState: 'COMPLETED', reason: `ECS deployment ${BACK} completed.`})],
  },
  record(T0 + 46_500, 'ROLLBACK_SUCCESSFUL', 4),
  {
    type: 'service-event',
    at: T0 + 46_500,
    id: 'e-4',
    createdAt: '2026-01-15T09:00:45.000Z',
    message: '(service web) has stopped 2 running tasks: (task 9e9e) (task 8d8d).',
  },
  {type: 'service-event', at: T0 + 46_500, id: 'e-5', createdAt: '2026-01-15T09:00:45.000Z', message: '(service web) has reached a steady state.'},
  {
    type: 'done',
    at: T0 + 46_500,
    outcome: 'rolled-back',
    reason: `deployment ${OURS} (web:7) failed: ${BREAKER} (tasks stopped: essential container web exited with code 1); rolled back to web:6 (deployment ${BACK}, completed)`,
    exitCode: 3,
    elapsedMs: 45_500,
    apiCalls: 27,
    serviceDeploymentStatus: 'ROLLBACK_SUCCESSFUL',
  },
];

/** The fixture as an async stream. */
export async function* fixtureStream(events: DeployEvent[] = FIXTURE_EVENTS): AsyncGenerator<DeployEvent> {
  for (const event of events) yield event;
}

/** A sink that keeps what was written. */
export class Buffer {
  text = '';
  write(chunk: string): boolean {
    this.text += chunk;
    return true;
  }
}
