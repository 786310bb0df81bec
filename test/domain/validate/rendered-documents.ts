/** Rendered documents and contexts for the validation tests: valid ones, and a way to change a container. */
import type {JsonObject} from '../../../source/domain/json.js';
import type {ValidationContext} from '../../../source/domain/validate/context.js';

export const ROLE = 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole';
export const SECRET = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:registry-creds-AbCdEf';
export const KEY = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';
export const REGISTRY = 'arn:aws:servicediscovery:us-east-1:000000000000:service/srv-jwyz2x4igkxckqno';
export const NETWORK = {subnets: ['subnet-0123456789abcdef0'], securityGroups: ['sg-0123456789abcdef0'], assignPublicIp: false};

export const FARGATE: ValidationContext = {launchType: 'FARGATE', network: NETWORK, environmentName: 'prod'};
export const EC2: ValidationContext = {launchType: 'EC2', environmentName: 'dev'};
export const EC2_AWSVPC: ValidationContext = {launchType: 'EC2', network: NETWORK, environmentName: 'dev'};

/** A valid rendered Fargate task definition. */
export const fargateTask = (): JsonObject => ({
  family: 'web',
  executionRoleArn: ROLE,
  networkMode: 'awsvpc',
  requiresCompatibilities: ['FARGATE'],
  cpu: '256',
  memory: '512',
  containerDefinitions: [{name: 'web', image: 'nginx:1.27', essential: true, portMappings: [{containerPort: 8080, protocol: 'tcp'}]}],
});

/** A valid rendered EC2 (bridge) task definition: the seed's nginx. */
export const ec2Task = (): JsonObject => ({
  family: 'nginx',
  networkMode: 'bridge',
  requiresCompatibilities: ['EC2'],
  containerDefinitions: [
    {
      name: 'library_nginx_stable-perl',
      image: 'registry.hub.docker.com/library/nginx:stable-perl',
      memoryReservation: 128,
      portMappings: [{containerPort: 80, hostPort: 0, protocol: 'tcp'}],
    },
  ],
});

export const codes = (issues: readonly {code: string; path: string}[]): string[] => issues.map((issue) => `${issue.code} ${issue.path}`);

/** Applies `change` to a fresh copy of the first container (or the task when `container` is false). */
export const withContainer = (task: JsonObject, change: JsonObject): JsonObject => {
  const containers = task.containerDefinitions as JsonObject[];
  return {...task, containerDefinitions: [{...containers[0]!, ...change}, ...containers.slice(1)]};
};
