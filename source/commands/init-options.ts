/**
 * The options of `ecs-wizard init` — GENERATED from the wizard's questions (each declares its own flags, in
 * source/operations/wizard/questions/) by commands/init-flags.ts: do not edit. registry.ts imports this table
 * for --help and argument parsing, so that no command loads the wizard to start. After changing a question's
 * flags: npx vitest run --project unit test/commands/init-options.test.ts -u
 *
 * Per-environment flags (--region, --cluster, --subnets, --security-groups, --execution-role, --cfn-stack,
 * --tf-state) are given once for all environments, or once per --env, in the same order.
 */
import type {OptionSpec} from './spec.js';

export const INIT_OPTIONS: Record<string, OptionSpec> = {
  name: {type: 'string', value: 'PROFILE', description: 'save the profile under this name (default: the service name)'},
  app: {type: 'string', value: 'APP', description: 'application name (groups services and environments)'},
  service: {type: 'string', value: 'NAME', description: 'service name (the ECS service and its task definition family)'},
  registry: {type: 'string', value: 'dockerhub|ecr|URL', description: 'where the image comes from: Docker Hub, Amazon ECR, or a private v2 registry address'},
  'registry-username': {type: 'string', value: 'USER', description: 'basic-auth user of a private registry (password: ECS_WIZARD_REGISTRY_PASSWORD; never saved)'},
  image: {type: 'string', value: 'PATH', description: 'image name, e.g. library/nginx (ECR: the repository name or URI)'},
  tag: {type: 'string', value: 'TAG', description: 'the default tag (every run asks again)'},
  'anonymous-registry': {type: 'boolean', description: 'private registry: anyone may pull (checked with GET /v2/): no credentials secret, no repositoryCredentials, no IAM policy'},
  'launch-type': {type: 'string', value: 'EC2|FARGATE', description: 'launch type'},
  'network-mode': {type: 'string', value: 'awsvpc|bridge|host', description: 'task network mode (Fargate: awsvpc; EC2 default: bridge)'},
  'container-spec': {type: 'string', value: 'FILE', description: 'Advanced container specification: task definition JSON, or describe-task-definition output'},
  cpu: {type: 'string', value: 'N', description: 'simplified form: CPU units (1024 = 1 vCPU; Fargate: task cpu, default 256)'},
  memory: {type: 'string', value: 'MIB', description: 'simplified form: hard memory limit (Fargate: task memory, default 512)'},
  'memory-reservation': {type: 'string', value: 'MIB', description: 'simplified form: soft memory limit (EC2 default: 256)'},
  port: {type: 'string', multiple: true, value: 'N[/tcp|/udp]', description: 'simplified form: a container port mapping (repeat for more)'},
  'container-env': {type: 'string', multiple: true, value: 'K=V', description: 'simplified form: a container environment variable (repeat for more)'},
  strategy: {type: 'string', value: 'REPLICA|DAEMON', description: 'scheduling strategy (DAEMON: EC2 only)'},
  'desired-count': {type: 'string', value: 'N', description: 'desired count (REPLICA; default 1)'},
  'service-spec': {type: 'string', value: 'FILE', description: 'service specification JSON, or describe-services output'},
  'depends-on': {type: 'string', multiple: true, value: 'SERVICE', description: 'a service of the same application this one depends on (repeatable, or a,b): deploy --app starts this one after it'},
  'registry-arn': {type: 'string', value: 'ARN', description: 'service discovery: the Cloud Map service ARN'},
  'discovery-container': {type: 'string', value: 'NAME', description: "service discovery: containerName (default: the artifact's container)"},
  'discovery-container-port': {type: 'string', value: 'N', description: 'service discovery: containerPort (a mapped port; becomes ${serviceVariable.containerPort})'},
  'discovery-port': {type: 'string', value: 'N', description: 'service discovery: port (awsvpc with SRV records only)'},
  'discovery-records': {type: 'string', value: 'SRV|A', description: 'service discovery: the record types, when Cloud Map cannot be asked'},
  var: {type: 'string', multiple: true, value: 'NAME=VALUE', description: 'a config variable, used as ${serviceVariable.NAME} (repeat for more)'},
  'credentials-secret': {type: 'string', value: 'ARN', description: 'private registry: the Secrets Manager secret with the registry credentials'},
  'kms-key': {type: 'string', value: 'ARN', description: 'private registry: the customer KMS key of the secret'},
  'execution-role': {type: 'string', multiple: true, value: 'ARN', description: 'task execution role (${EXECUTION_ROLE}); once, or once per --env'},
  'create-execution-role': {type: 'boolean', description: 'create ecsTaskExecutionRole (needs --apply-iam) and use it'},
  'apply-iam': {type: 'boolean', description: 'allow IAM changes: create the role, put the private registry policy on it'},
  env: {type: 'string', multiple: true, value: 'NAME', description: 'an environment (repeat for more; the flags below follow the same order)'},
  region: {type: 'string', multiple: true, value: 'R', description: "the environment's region (default: AWS_REGION)"},
  cluster: {type: 'string', multiple: true, value: 'C', description: "the environment's ECS cluster (a new name is created at deploy)"},
  subnets: {type: 'string', multiple: true, value: 'a,b', description: 'awsvpc: subnet ids'},
  'security-groups': {type: 'string', multiple: true, value: 'a,b', description: 'awsvpc: security group ids'},
  'assign-public-ip': {type: 'boolean', description: 'awsvpc on Fargate: give the tasks a public IP'},
  override: {type: 'string', multiple: true, value: '[ENV:]NAME=VALUE', description: 'override a config variable in an environment (ENV: needed with several)'},
  'container-name': {type: 'string', value: 'derived|NAME', description: "the artifact container's name: derived from the image and tag (the default; it changes with every tag), or a stable NAME"},
  'cfn-stack': {type: 'string', multiple: true, value: 'STACK', description: "fill the environment from a CloudFormation stack's outputs"},
  'tf-state': {type: 'string', multiple: true, value: 'FILE', description: "fill the environment from a Terraform state file's outputs"},
  yes: {type: 'boolean', short: 'y', description: 'no questions: use the flags and defaults, or fail listing what is missing'},
  force: {type: 'boolean', description: 'replace a saved profile of the same name'},
};
