/**
 * Documents that run in production today, using (nearly) every field of RegisterTaskDefinition and CreateService:
 * the ECS rules must take each of them without an error or a warning.
 */
import type {JsonObject} from '../../../../source/domain/json.js';

const ACCOUNT = '123456789012';
export const ROLE = `arn:aws:iam::${ACCOUNT}:role/ecsTaskExecutionRole`;
const SECRET = `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:shop/db-AbCdEf`;
const TARGET_GROUP = `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:targetgroup/web/0123456789abcdef`;
const LISTENER_RULE = `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:listener-rule/app/shop/50dc6c495c0c9188/f2f7dc8efc522ab2/9683b2d02a6cabee`;

/** Fargate (and EC2): awsvpc, EFS and Docker volumes, App Mesh, FireLens, an inference accelerator, restart policy… */
export const fargateEverything = (): JsonObject => ({
  family: 'shop-web',
  taskRoleArn: `arn:aws:iam::${ACCOUNT}:role/shop-web`,
  executionRoleArn: ROLE,
  networkMode: 'awsvpc',
  requiresCompatibilities: ['FARGATE', 'EC2'],
  cpu: '1024',
  memory: '2048',
  runtimePlatform: {cpuArchitecture: 'ARM64', operatingSystemFamily: 'LINUX'},
  ephemeralStorage: {sizeInGiB: 21},
  pidMode: 'task',
  enableFaultInjection: false,
  tags: [{key: 'team', value: 'shop'}],
  placementConstraints: [{type: 'memberOf', expression: 'attribute:ecs.availability-zone in [us-east-1a, us-east-1b]'}],
  inferenceAccelerators: [{deviceName: 'device1', deviceType: 'eia2.medium'}],
  proxyConfiguration: {
    type: 'APPMESH',
    containerName: 'envoy',
    properties: [
      {name: 'IgnoredUID', value: '1337'},
      {name: 'ProxyIngressPort', value: '15000'},
      {name: 'ProxyEgressPort', value: '15001'},
      {name: 'AppPorts', value: '8080'},
      {name: 'EgressIgnoredIPs', value: '169.254.170.2,169.254.169.254'},
    ],
  },
  volumes: [
    {
      name: 'shared-data',
      efsVolumeConfiguration: {
        fileSystemId: 'fs-0123456789abcdef0',
        rootDirectory: '/',
        transitEncryption: 'ENABLED',
        transitEncryptionPort: 2049,
        authorizationConfig: {accessPointId: 'fsap-0123456789abcdef0', iam: 'ENABLED'},
      },
    },
    {name: 'scratch'},
    {name: 'cache', dockerVolumeConfiguration: {scope: 'task', driver: 'local', driverOpts: {type: 'tmpfs', device: 'tmpfs'}, labels: {app: 'shop'}}},
    {name: 'ebs', configuredAtLaunch: true},
  ],
  containerDefinitions: [
    {
      name: 'web',
      image: `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/shop/web@sha256:${'ab'.repeat(32)}`,
      essential: true,
      cpu: 512,
      memory: 1024,
      memoryReservation: 512,
      portMappings: [
        {containerPort: 8080, hostPort: 8080, protocol: 'tcp', name: 'http', appProtocol: 'http'},
        {containerPortRange: '9000-9010', protocol: 'udp'},
      ],
      environment: [
        {name: 'LOG_LEVEL', value: 'info'},
        {name: 'EMPTY', value: ''},
      ],
      environmentFiles: [{value: 'arn:aws:s3:::shop-config/web.env', type: 's3'}],
      secrets: [
        {name: 'DB_PASSWORD', valueFrom: SECRET},
        {name: 'API_KEY', valueFrom: 'shop-api-key'},
      ],
      mountPoints: [
        {sourceVolume: 'shared-data', containerPath: '/data', readOnly: false},
        {sourceVolume: 'scratch', containerPath: '/scratch'},
        {sourceVolume: 'ebs', containerPath: '/ebs'},
      ],
      volumesFrom: [{sourceContainer: 'envoy', readOnly: true}],
      dependsOn: [
        {containerName: 'envoy', condition: 'HEALTHY'},
        {containerName: 'log_router', condition: 'START'},
      ],
      healthCheck: {command: ['CMD-SHELL', 'curl -f http://localhost:8080/health || exit 1'], interval: 30, timeout: 5, retries: 3, startPeriod: 10},
      logConfiguration: {
        logDriver: 'awsfirelens',
        options: {Name: 'cloudwatch_logs', region: 'us-east-1'},
        secretOptions: [{name: 'apikey', valueFrom: SECRET}],
      },
      linuxParameters: {
        capabilities: {add: ['SYS_PTRACE'], drop: ['NET_RAW']},
        initProcessEnabled: true,
        tmpfs: [{containerPath: '/tmp', size: 64, mountOptions: ['rw', 'noexec']}],
      },
      ulimits: [{name: 'nofile', softLimit: 65536, hardLimit: 65536}],
      restartPolicy: {enabled: true, ignoredExitCodes: [0, 143], restartAttemptPeriod: 300},
      versionConsistency: 'disabled',
      user: '1000:1000',
      workingDirectory: '/app',
      readonlyRootFilesystem: true,
      privileged: false,
      interactive: false,
      pseudoTerminal: false,
      dockerLabels: {'com.example.team': 'shop'},
      systemControls: [{namespace: 'net.core.somaxconn', value: '1024'}],
      resourceRequirements: [{type: 'InferenceAccelerator', value: 'device1'}],
      entryPoint: ['/bin/sh', '-c'],
      command: ['exec ./start'],
      startTimeout: 60,
      stopTimeout: 30,
    },
    {
      name: 'envoy',
      image: 'public.ecr.aws/appmesh/aws-appmesh-envoy:v1.29.6.0-prod',
      essential: true,
      memoryReservation: 256,
      user: '1337',
      environment: [{name: 'APPMESH_RESOURCE_ARN', value: `arn:aws:appmesh:us-east-1:${ACCOUNT}:mesh/shop/virtualNode/web`}],
      healthCheck: {
        command: ['CMD-SHELL', 'curl -s http://localhost:9901/server_info | grep state | grep -q LIVE'],
        interval: 5,
        timeout: 2,
        retries: 3,
        startPeriod: 10,
      },
    },
    {
      name: 'log_router',
      image: 'public.ecr.aws/aws-observability/aws-for-fluent-bit:stable',
      essential: false,
      memoryReservation: 50,
      firelensConfiguration: {type: 'fluentbit', options: {'enable-ecs-log-metadata': 'true'}},
    },
  ],
});

/** EC2 in bridge mode: GPUs, links, host volumes, FSx for Windows, Docker options, a daemon's pid/ipc modes. */
export const ec2Everything = (): JsonObject => ({
  family: 'gpu-worker',
  executionRoleArn: ROLE,
  networkMode: 'bridge',
  requiresCompatibilities: ['EC2'],
  pidMode: 'host',
  ipcMode: 'host',
  placementConstraints: [{type: 'memberOf', expression: 'attribute:ecs.instance-type =~ g5.*'}],
  volumes: [
    {name: 'logs', host: {sourcePath: '/var/log/worker'}},
    {
      name: 'share',
      fsxWindowsFileServerVolumeConfiguration: {
        fileSystemId: 'fs-0123456789abcdef0',
        rootDirectory: 'share',
        authorizationConfig: {credentialsParameter: SECRET, domain: 'corp.example.com'},
      },
    },
  ],
  containerDefinitions: [
    {
      name: 'worker',
      image: 'registry.example.com:5000/ml/worker:2.1',
      repositoryCredentials: {credentialsParameter: SECRET},
      memory: 8192,
      cpu: 2048,
      links: ['db:database'],
      portMappings: [{containerPort: 80, hostPort: 0, protocol: 'tcp'}],
      resourceRequirements: [{type: 'GPU', value: '1'}],
      mountPoints: [{sourceVolume: 'logs', containerPath: '/logs'}],
      ulimits: [{name: 'memlock', softLimit: -1, hardLimit: -1}],
      linuxParameters: {
        devices: [{hostPath: '/dev/fuse', containerPath: '/dev/fuse', permissions: ['read', 'write', 'mknod']}],
        sharedMemorySize: 1024,
        maxSwap: 0,
        swappiness: 0,
      },
      dockerSecurityOptions: ['no-new-privileges'],
      extraHosts: [{hostname: 'metadata', ipAddress: '10.0.0.1'}],
      dnsServers: ['10.0.0.2'],
      dnsSearchDomains: ['corp.example.com'],
      hostname: 'worker',
      disableNetworking: false,
      logConfiguration: {logDriver: 'json-file', options: {'max-size': '10m'}},
    },
    {name: 'db', image: 'postgres:16', essential: false, memoryReservation: 512, privileged: true, credentialSpecs: [`credentialspecdomainless:${SECRET}`]},
    {
      name: 'sharer',
      image: 'nvidia/cuda:12.4.1-base-ubuntu22.04',
      essential: false,
      memoryReservation: 128,
      resourceRequirements: [{type: 'GPU', sharingStrategy: {nvidiaMps: {}}}],
    },
  ],
  tags: [{key: 'team', value: 'ml'}],
});

const network = {awsvpcConfiguration: {subnets: ['subnet-0123456789abcdef0'], securityGroups: ['sg-0123456789abcdef0'], assignPublicIp: 'DISABLED'}};

/** A blue/green Fargate service: load balancer with listener rules, Service Connect, VPC Lattice, an EBS volume, alarms, hooks. */
export const blueGreenService = (): JsonObject => ({
  serviceName: 'shop-web',
  cluster: 'shop',
  taskDefinition: 'shop-web:42',
  desiredCount: 3,
  launchType: 'FARGATE',
  platformVersion: 'LATEST',
  availabilityZoneRebalancing: 'ENABLED',
  deploymentController: {type: 'ECS'},
  deploymentConfiguration: {
    strategy: 'BLUE_GREEN',
    bakeTimeInMinutes: 10,
    maximumPercent: 200,
    minimumHealthyPercent: 100,
    deploymentCircuitBreaker: {enable: true, rollback: true},
    alarms: {alarmNames: ['shop-web-5xx'], enable: true, rollback: true},
    lifecycleHooks: [
      {
        hookTargetArn: `arn:aws:lambda:us-east-1:${ACCOUNT}:function:smoke-test`,
        roleArn: `arn:aws:iam::${ACCOUNT}:role/ecs-hooks`,
        lifecycleStages: ['POST_TEST_TRAFFIC_SHIFT', 'PRODUCTION_TRAFFIC_SHIFT'],
      },
    ],
  },
  loadBalancers: [
    {
      targetGroupArn: TARGET_GROUP,
      containerName: 'web',
      containerPort: 8080,
      advancedConfiguration: {
        alternateTargetGroupArn: `${TARGET_GROUP}-green`,
        productionListenerRule: LISTENER_RULE,
        testListenerRule: `${LISTENER_RULE}-test`,
        roleArn: `arn:aws:iam::${ACCOUNT}:role/ecs-infrastructure`,
      },
    },
  ],
  networkConfiguration: network,
  healthCheckGracePeriodSeconds: 60,
  schedulingStrategy: 'REPLICA',
  enableExecuteCommand: true,
  enableECSManagedTags: true,
  propagateTags: 'SERVICE',
  tags: [{key: 'team', value: 'shop'}],
  serviceConnectConfiguration: {
    enabled: true,
    namespace: 'shop',
    services: [
      {
        portName: 'http',
        discoveryName: 'web',
        clientAliases: [{port: 80, dnsName: 'web.shop'}],
        timeout: {idleTimeoutSeconds: 300, perRequestTimeoutSeconds: 60},
        tls: {
          issuerCertificateAuthority: {awsPcaAuthorityArn: `arn:aws:acm-pca:us-east-1:${ACCOUNT}:certificate-authority/0123`},
          roleArn: `arn:aws:iam::${ACCOUNT}:role/sc-tls`,
        },
      },
    ],
    logConfiguration: {logDriver: 'awslogs', options: {'awslogs-group': '/ecs/service-connect', 'awslogs-region': 'us-east-1', 'awslogs-stream-prefix': 'sc'}},
    accessLogConfiguration: {format: 'JSON', includeQueryParameters: 'DISABLED'},
  },
  volumeConfigurations: [
    {
      name: 'ebs',
      managedEBSVolume: {
        roleArn: `arn:aws:iam::${ACCOUNT}:role/ecs-ebs`,
        sizeInGiB: 20,
        volumeType: 'gp3',
        iops: 3000,
        throughput: 125,
        encrypted: true,
        filesystemType: 'ext4',
        tagSpecifications: [{resourceType: 'volume', tags: [{key: 'team', value: 'shop'}], propagateTags: 'SERVICE'}],
      },
    },
  ],
  vpcLatticeConfigurations: [
    {roleArn: `arn:aws:iam::${ACCOUNT}:role/ecs-lattice`, targetGroupArn: `arn:aws:vpc-lattice:us-east-1:${ACCOUNT}:targetgroup/tg-0123`, portName: 'http'},
  ],
});

/** Linear and canary deployments, and a capacity provider strategy. */
export const progressiveServices = (): JsonObject[] => [
  {
    serviceName: 'shop-linear',
    desiredCount: 10,
    capacityProviderStrategy: [
      {capacityProvider: 'FARGATE', weight: 1, base: 2},
      {capacityProvider: 'FARGATE_SPOT', weight: 3},
    ],
    deploymentConfiguration: {strategy: 'LINEAR', linearConfiguration: {stepPercent: 12.5, stepBakeTimeInMinutes: 5}},
  },
  {
    serviceName: 'shop-canary',
    desiredCount: 4,
    deploymentConfiguration: {strategy: 'CANARY', canaryConfiguration: {canaryPercent: 5.5, canaryBakeTimeInMinutes: 15}},
  },
  {
    serviceName: 'agent',
    launchType: 'EC2',
    schedulingStrategy: 'DAEMON',
    placementConstraints: [{type: 'memberOf', expression: 'attribute:role == worker'}],
    deploymentConfiguration: {maximumPercent: 100, minimumHealthyPercent: 0},
  },
  {
    serviceName: 'legacy',
    desiredCount: 2,
    launchType: 'EC2',
    role: `arn:aws:iam::${ACCOUNT}:role/ecsServiceRole`,
    loadBalancers: [{loadBalancerName: 'legacy-elb', containerName: 'worker', containerPort: 80}],
    placementStrategy: [
      {type: 'spread', field: 'attribute:ecs.availability-zone'},
      {type: 'binpack', field: 'memory'},
    ],
    deploymentController: {type: 'CODE_DEPLOY'},
  },
];
