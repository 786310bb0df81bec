/** A small whole-application stream (db deployed, api rolled back, web not started), for the renderers' tests. */
import type {AppDeployEvent} from '../../source/domain/deploy/app-events.js';

const T = 1_768_467_600_000;
const ARN = (family: string, revision: number) => `arn:aws:ecs:us-east-1:123456789012:task-definition/${family}:${revision}`;

export function appStream(): AppDeployEvent[] {
  return [
    {
      type: 'app-started',
      at: T,
      application: 'shop',
      environment: 'dev',
      services: [
        {service: 'db', profile: 'shop-db', dependsOn: []},
        {service: 'api', profile: 'shop-api', dependsOn: ['db']},
        {service: 'web', profile: 'shop-web', dependsOn: ['api']},
      ],
      parallel: 3,
      simulated: true,
    },
    {type: 'app-service', at: T, service: 'db', status: 'planned', changed: true},
    {type: 'app-service', at: T, service: 'api', status: 'planned', changed: true},
    {type: 'app-service', at: T, service: 'web', status: 'planned', changed: false},
    {type: 'app-service', at: T, service: 'db', status: 'started'},
    {
      type: 'service-run',
      at: T + 1_000,
      service: 'db',
      event: {type: 'watch-started', at: T + 1_000, cluster: 'demo', service: 'db-svc', region: 'us-east-1', taskDefinitionArn: ARN('db', 2), simulated: true},
    },
    {
      type: 'service-run',
      at: T + 2_000,
      service: 'db',
      event: {
        type: 'deployments',
        at: T + 2_000,
        deployments: [
          {
            id: 'ecs-svc/1',
            status: 'PRIMARY',
            taskDefinition: ARN('db', 2),
            revision: 2,
            desired: 2,
            running: 2,
            pending: 0,
            failed: 0,
            rolloutState: 'COMPLETED',
            ours: true,
          },
        ],
      },
    },
    {
      type: 'service-run',
      at: T + 3_000,
      service: 'db',
      event: {type: 'done', at: T + 3_000, outcome: 'deployed', reason: 'db:2 is running 2/2 tasks', exitCode: 0, elapsedMs: 3_000, apiCalls: 7},
    },
    {type: 'app-service', at: T + 3_000, service: 'db', status: 'finished', outcome: 'deployed', exitCode: 0, reason: 'db:2 is running 2/2 tasks'},
    {type: 'app-service', at: T + 3_000, service: 'api', status: 'started'},
    {
      type: 'service-run',
      at: T + 9_000,
      service: 'api',
      event: {type: 'warning', at: T + 9_000, message: 'tasks keep \u001b[31mfailing\u001b[0m'},
    },
    {
      type: 'service-run',
      at: T + 20_000,
      service: 'api',
      event: {
        type: 'done',
        at: T + 20_000,
        outcome: 'rolled-back',
        reason: 'circuit breaker: rolled back to api:1',
        exitCode: 3,
        elapsedMs: 17_000,
        apiCalls: 12,
      },
    },
    {
      type: 'app-service',
      at: T + 20_000,
      service: 'api',
      status: 'finished',
      outcome: 'rolled-back',
      exitCode: 3,
      reason: 'circuit breaker: rolled back to api:1',
    },
    {type: 'app-service', at: T + 20_000, service: 'web', status: 'skipped', reason: 'api rolled back: it depends on api'},
    {
      type: 'app-done',
      at: T + 20_000,
      outcome: 'rolled-back',
      exitCode: 3,
      reason: 'api rolled back: circuit breaker: rolled back to api:1',
      elapsedMs: 20_000,
      services: [
        {service: 'db', profile: 'shop-db', outcome: 'deployed', exitCode: 0, reason: 'db:2 is running 2/2 tasks', changed: true},
        {service: 'api', profile: 'shop-api', outcome: 'rolled-back', exitCode: 3, reason: 'circuit breaker: rolled back to api:1', changed: true},
        {service: 'web', profile: 'shop-web', outcome: 'not-started', reason: 'api rolled back: it depends on api', changed: false},
      ],
      resume: '--from api',
    },
  ];
}
