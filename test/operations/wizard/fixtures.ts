/** Complete wizard answers for the tests of the wizard (operations, reducer, screens, init). */
import type {WizardAnswers} from '../../../source/domain/wizard-answers.js';

export const CLOUD_MAP = 'arn:aws:servicediscovery:us-east-1:123456789012:service/srv-jwyz7x4igkxckqno';
export const SECRET = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:registry-creds-AbCdEf';
export const ROLE = 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole';

export const FARGATE_JSON = `{
  "containerDefinitions": [
    {
      "name": "\${CONTAINER_NAME}",
      "image": "\${DOCKER_IMAGE_NAME}",
      "essential": true,
      "portMappings": [{"containerPort": 8080, "protocol": "tcp"}]
    }
  ],
  "cpu": "256",
  "memory": "512",
  "networkMode": "awsvpc",
  "requiresCompatibilities": ["FARGATE"],
  "executionRoleArn": "\${EXECUTION_ROLE}"
}`;

/** A complete Fargate setup: awsvpc, service discovery (SRV, containerName + containerPort), a private registry. */
export function fargateAnswers(): WizardAnswers {
  return {
    application: 'ECS Demo',
    serviceName: 'web-api',
    registry: 'registry',
    registryHost: 'registry.example.com:5000',
    registryUsername: 'deploy',
    image: 'team/web-api',
    tag: '1.4.2',
    launchType: 'FARGATE',
    networkMode: 'awsvpc',
    containerMode: 'json',
    containerJson: FARGATE_JSON,
    strategy: 'REPLICA',
    desiredCount: 2,
    discovery: {registryArn: CLOUD_MAP, recordTypes: ['SRV'], use: 'container', containerName: '${CONTAINER_NAME}', containerPort: 8080},
    variables: {containerPort: '8080'},
    registryAuth: {credentialsSecretArn: SECRET},
    executionRoleArn: ROLE,
    environments: [
      {
        name: 'production',
        region: 'us-east-1',
        cluster: 'prod',
        subnets: ['subnet-0a1b2c3d'],
        securityGroups: ['sg-0a1b2c3d'],
        assignPublicIp: false,
        overrides: {},
      },
    ],
  };
}

/** The seed's EC2 DAEMON case: simplified form, bridge, Docker Hub. */
export function ec2DaemonAnswers(): WizardAnswers {
  return {
    application: 'ECS Demo',
    serviceName: 'log-agent',
    registry: 'dockerhub',
    image: 'library/nginx',
    tag: 'stable-perl',
    launchType: 'EC2',
    networkMode: 'bridge',
    containerMode: 'form',
    containerForm: {memoryReservation: 128, ports: [{containerPort: 80, protocol: 'tcp'}], environment: [{name: 'LOG_LEVEL', value: 'info'}]},
    strategy: 'DAEMON',
    discovery: null,
    variables: {},
    registryAuth: null,
    environments: [{name: 'dev', region: 'eu-west-1', cluster: 'dev-ec2', overrides: {}}],
  };
}
