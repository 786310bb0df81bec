/**
 * Valid, realistic profiles for everyone's tests (each call returns a fresh copy: mutate freely).
 * - `ec2FormProfile`: the seed's EC2 case — Docker Hub nginx:stable-perl, simplified container form
 *   (bridge, dynamic host port), default REPLICA service spec, one environment, no runs.
 * - `fargateJsonProfile`: Fargate, advanced JSON (awsvpc, cpu 256 / memory 512, port 8080), service
 *   discovery, private registry auth (Secrets Manager + customer KMS key), two environments with
 *   overrides, a run history.
 */
import type {Environment, Profile, RunRecord} from '../../source/domain/model.js';

export const ACCOUNT_ID = '123456789012';
export const EXECUTION_ROLE_ARN = 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole';
export const REGISTRY_ARN = 'arn:aws:servicediscovery:us-east-1:123456789012:service/srv-jwyz7x4igkxckqno';
export const REGISTRY_SECRET_ARN = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:registry-creds-AbCdEf';
export const REGISTRY_KMS_KEY_ARN = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';

/** The seed's default service specification (REPLICA). */
export const REPLICA_SERVICE_SPEC = `{
  "placementConstraints": [],
  "placementStrategy": [],
  "healthCheckGracePeriodSeconds": null,
  "schedulingStrategy": "REPLICA"
}`;

/** REPLICA with service discovery (SRV: containerName + containerPort, the port from a config variable). */
export const DISCOVERY_SERVICE_SPEC = `{
  "placementConstraints": [],
  "placementStrategy": [],
  "healthCheckGracePeriodSeconds": null,
  "schedulingStrategy": "REPLICA",
  "serviceRegistries": [
    {
      "registryArn": "${REGISTRY_ARN}",
      "containerName": "\${CONTAINER_NAME}",
      "containerPort": \${serviceVariable.containerPort}
    }
  ]
}`;

/** A Fargate task definition with placeholders and private registry credentials. */
export const FARGATE_CONTAINER_JSON = `{
  "family": "web-api",
  "executionRoleArn": "\${EXECUTION_ROLE}",
  "networkMode": "awsvpc",
  "requiresCompatibilities": ["FARGATE"],
  "cpu": "256",
  "memory": "512",
  "containerDefinitions": [
    {
      "name": "\${CONTAINER_NAME}",
      "image": "\${DOCKER_IMAGE_NAME}",
      "essential": true,
      "portMappings": [
        {
          "containerPort": 8080,
          "protocol": "tcp"
        }
      ],
      "environment": [
        {
          "name": "LOG_LEVEL",
          "value": "\${serviceVariable.logLevel}"
        }
      ],
      "repositoryCredentials": {
        "credentialsParameter": "${REGISTRY_SECRET_ARN}"
      },
      "logConfiguration": {
        "logDriver": "awslogs",
        "options": {
          "awslogs-group": "/ecs/web-api",
          "awslogs-region": "us-east-1",
          "awslogs-stream-prefix": "ecs"
        }
      }
    }
  ]
}`;

export function ec2FormProfile(overrides: Partial<Profile> = {}): Profile {
  return {
    name: 'nginx-ec2',
    application: 'ECS Demo Application',
    service: {
      name: 'nginx',
      artifact: {registry: 'dockerhub', host: 'registry.hub.docker.com', image: 'library/nginx', tag: 'stable-perl'},
      launchType: 'EC2',
      containerSpec: {
        mode: 'form',
        form: {
          name: '${CONTAINER_NAME}',
          cpu: 128,
          memory: 256,
          memoryReservation: 128,
          portMappings: [{containerPort: 80, hostPort: 0, protocol: 'tcp'}],
          environment: [{name: 'NGINX_ENTRYPOINT_QUIET_LOGS', value: '1'}],
          essential: true,
          networkMode: 'bridge',
        },
      },
      serviceSpec: REPLICA_SERVICE_SPEC,
      variables: {},
    },
    environments: [{name: 'dev', region: 'us-east-1', cluster: 'demo-ec2', launchType: 'EC2', overrides: {}}],
    runs: [],
    createdAt: '2025-03-01T09:00:00.000Z',
    updatedAt: '2025-03-01T09:00:00.000Z',
    ...overrides,
  };
}

export function fargateEnvironments(): Environment[] {
  return [
    {
      name: 'staging',
      region: 'us-east-1',
      cluster: 'web-staging',
      launchType: 'FARGATE',
      network: {subnets: ['subnet-0a1b2c3d4e5f60718'], securityGroups: ['sg-0123456789abcdef0'], assignPublicIp: true},
      executionRoleArn: EXECUTION_ROLE_ARN,
      overrides: {logLevel: 'debug'},
    },
    {
      name: 'production',
      region: 'us-east-1',
      cluster: 'arn:aws:ecs:us-east-1:123456789012:cluster/web-production',
      launchType: 'FARGATE',
      network: {
        subnets: ['subnet-0b2c3d4e5f6071829', 'subnet-0c3d4e5f607182930'],
        securityGroups: ['sg-0fedcba9876543210'],
        assignPublicIp: false,
      },
      executionRoleArn: EXECUTION_ROLE_ARN,
      overrides: {logLevel: 'warn', containerPort: '8080'},
    },
  ];
}

export function fargateRuns(): RunRecord[] {
  return [
    {
      environment: 'staging',
      tag: '1.4.1',
      taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web-api:6',
      revision: 6,
      startedAt: '2025-03-02T10:00:00.000Z',
      finishedAt: '2025-03-02T10:04:12.000Z',
      outcome: 'deployed',
    },
    {
      environment: 'staging',
      tag: '1.4.2',
      digest: 'sha256:4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945',
      taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web-api:7',
      revision: 7,
      startedAt: '2025-03-03T14:30:00.000Z',
      finishedAt: '2025-03-03T14:33:40.000Z',
      outcome: 'deployed',
    },
    {
      environment: 'production',
      tag: '1.4.2',
      taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web-api:8',
      revision: 8,
      startedAt: '2025-03-04T08:15:00.000Z',
      finishedAt: '2025-03-04T08:27:03.000Z',
      outcome: 'rolled-back',
    },
    {
      environment: 'staging',
      tag: '1.5.0-rc.1',
      startedAt: '2025-03-05T16:00:00.000Z',
      finishedAt: '2025-03-05T16:00:09.000Z',
      outcome: 'deployed',
      simulated: true,
    },
  ];
}

export function fargateJsonProfile(overrides: Partial<Profile> = {}): Profile {
  return {
    name: 'web-api',
    application: 'ECS Demo Application',
    service: {
      name: 'web-api',
      artifact: {registry: 'registry', host: 'registry.example.com:5000', image: 'team/web-api', tag: '1.4.2', username: 'deploy'},
      launchType: 'FARGATE',
      containerSpec: {mode: 'json', json: FARGATE_CONTAINER_JSON},
      serviceSpec: DISCOVERY_SERVICE_SPEC,
      variables: {containerPort: '8080', logLevel: 'info'},
      registryAuth: {credentialsSecretArn: REGISTRY_SECRET_ARN, kmsKeyArn: REGISTRY_KMS_KEY_ARN},
    },
    environments: fargateEnvironments(),
    runs: fargateRuns(),
    createdAt: '2025-03-01T09:30:00.000Z',
    updatedAt: '2025-03-05T16:00:09.000Z',
    ...overrides,
  };
}

/** Every fixture, fresh. */
export const fixtureProfiles = (): Profile[] => [ec2FormProfile(), fargateJsonProfile()];
