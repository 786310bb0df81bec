/**
 * One thin view per step: which widget asks the question, what it lists (through WizardServices), and how the
 * answer becomes a Submission. All rules live in operations/wizard.ts; the flow in wizard-state.ts.
 */
import React, {useState} from 'react';
import {Box, Text, useInput} from 'ink';
import TextInput from 'ink-text-input';
import type {Checked, ContainerFormAnswers, EnvironmentAnswers, WizardAnswers} from '../../operations/wizard.js';
import {
  CONTAINER_PORT_VARIABLE,
  DEFAULT_EXECUTION_ROLE_NAME,
  artifactOf,
  assembleProfile,
  blockingCount,
  checkApplication,
  checkArnAnswer,
  checkClusterName,
  checkDiscoveryPort,
  checkEcrRepositoryUri,
  checkEnvironmentName,
  checkImage,
  checkInteger,
  checkProfileName,
  checkRegion,
  checkRegistryHost,
  checkServiceName,
  checkTag,
  compactJson,
  composeServiceSpec,
  discoveryRule,
  imageLabel,
  lintContainerJson,
  missingVariables,
  needsRegistryAuth,
  parseIds,
  parseNameValue,
  parsePortMapping,
  readDiscovery,
  readStrategy,
  specContainers,
  specHasNetworkConfiguration,
  startingContainerJson,
  suggestProfileName,
  taskNetworkMode,
} from '../../operations/wizard.js';
import {environmentFromOutputs} from '../../operations/wizard-infra.js';
import type {WizardServices} from '../../operations/wizard-services.js';
import {arnRegion} from '../../operations/wizard-services.js';
import {importService, importTaskDefinition} from '../../domain/import.js';
import {lintSpecText} from '../../domain/spec-lint.js';
import {TEMPLATES, findTemplate} from '../../domain/templates.js';
import {ECS_TASK_EXECUTION_ROLE_POLICY_ARN, PRIVATE_REGISTRY_POLICY_NAME, executionRoleTrustPolicy, privateRegistryPolicy} from '../../domain/policy.js';
import type {Issue} from '../../domain/issues.js';
import {formatImage} from '../../domain/image.js';
import type {Profile} from '../../domain/model.js';
import {sanitize} from '../../report/sanitize.js';
import {EditorField, type Checked as EditorChecked, type StartOption} from './widgets/editor-field.js';
import {ListField, Note, PickerField, Problem, Question, SelectField, TextField} from './widgets/fields.js';
import type {ListEntry} from './widgets/list-state.js';
import type {PickerItem} from './widgets/picker-state.js';
import {envOf, patchEnvironment, type StepContext, type StepRef} from './steps.js';
import type {Submission} from './wizard-state.js';
import {ReviewStep} from './review.js';

export interface StepViewProps {
  stepRef: StepRef;
  ctx: StepContext;
  password?: string;
  services: WizardServices;
  active: boolean;
  width: number;
  submit: (submission: Submission) => void;
  back: () => void;
  help: () => void;
  /** The review's "change an answer". */
  change: () => void;
  /** The profile was saved. */
  saved: (profile: Profile) => void;
}

const entriesOf = (values: Readonly<Record<string, string>> | undefined): ListEntry[] => Object.entries(values ?? {}).map(([name, value]) => ({name, value}));
const recordOf = (entries: readonly ListEntry[]): Record<string, string> => Object.fromEntries(entries.map((entry) => [entry.name, entry.value]));
const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));

function JsonBlock({text, max = 12}: {text: string; max?: number}) {
  const lines = text.split('\n');
  return (
    <Box flexDirection="column" marginLeft={4}>
      {lines.slice(0, max).map((line, index) => (
        <Text key={index} dimColor wrap="truncate-end">
          {sanitize(line)}
        </Text>
      ))}
      {lines.length > max ? <Text dimColor>… ({lines.length - max} more lines)</Text> : null}
    </Box>
  );
}

/** The KMS key ARN of a secret, when DescribeSecret gives its id or ARN (an alias cannot go in a policy). */
function kmsArnOf(secretArn: string, kmsKeyId: string | undefined): string | undefined {
  if (kmsKeyId === undefined) return undefined;
  if (/^arn:aws[a-z-]*:kms:[^:]+:\d{12}:key\//.test(kmsKeyId)) return kmsKeyId;
  const [, partition, , region, account] = secretArn.split(':');
  if (/^[0-9a-f-]{36}$/.test(kmsKeyId) && region && account) return `arn:${partition}:kms:${region}:${account}:key/${kmsKeyId}`;
  return undefined;
}

const namespaceNames = new Map<string, string>();
/** The VPC of each subnet listed (to offer only the security groups of that VPC). */
const subnetVpcs = new Map<string, string>();

const shortDate = (iso: string | undefined): string => (iso === undefined ? '' : iso.slice(0, 16).replace('T', ' '));

export function StepView(props: StepViewProps) {
  const {stepRef, ctx, services, active} = props;
  const {answers} = ctx;
  const env = envOf(ctx);
  const setEnv = (patch: Partial<EnvironmentAnswers>): WizardAnswers => patchEnvironment(answers, ctx.env, patch);
  const region = env.region ?? services.defaultRegion() ?? 'us-east-1';
  const common = {active, onHelp: props.help};

  switch (stepRef.id) {
    case 'application':
      return (
        <PickerField
          {...common}
          label="Application"
          hint="Pick one of your saved profiles' applications, or type a new name."
          what="applications of saved profiles"
          load={async () => {
            const listing = await services.applications();
            return listing.ok ? {ok: true, items: listing.items.map((name) => ({value: name, label: name}))} : listing;
          }}
          free={{validate: checkApplication, hint: 'a new application name, e.g. ECS Demo Application'}}
          initial={answers.application}
          onSubmit={([value]) => props.submit({answers: {...answers, application: value!}})}
        />
      );
    case 'service':
      return (
        <TextField
          {...common}
          label="Service name"
          hint="Deployment type: Amazon ECS. Letters, digits, _ and -; it names the ECS service and its task definition family."
          initial={answers.serviceName}
          validate={checkServiceName}
          onSubmit={(value) => props.submit({answers: {...answers, serviceName: value}})}
        />
      );
    case 'registry':
      return (
        <SelectField
          {...common}
          label="Where does the Docker image come from?"
          initial={answers.registry}
          options={[
            {value: 'dockerhub', label: 'Docker Hub', detail: 'public images such as library/nginx'},
            {value: 'registry', label: 'Private registry', detail: 'a Docker Registry HTTP API v2 server (address, optional user)'},
            {value: 'ecr', label: 'Amazon ECR', detail: 'repositories of your AWS account'},
          ]}
          onSubmit={(value) => {
            const registry = value as WizardAnswers['registry'];
            const changed = registry !== answers.registry;
            const next: WizardAnswers = {...answers, registry};
            if (changed) {
              delete next.registryHost;
              if (registry !== 'registry') {
                delete next.registryAuth;
                delete next.registryUsername;
              }
            }
            props.submit({answers: next});
          }}
        />
      );
    case 'registry-url':
      return (
        <TextField
          {...common}
          label="Registry address"
          hint="host or host:port of the Docker Registry HTTP API v2 server"
          initial={answers.registryHost}
          validate={checkRegistryHost}
          onSubmit={(value) => props.submit({answers: {...answers, registryHost: value}})}
        />
      );
    case 'registry-username':
      return (
        <TextField
          {...common}
          label="User name for listing tags (empty: anonymous)"
          hint="Basic authentication. The password is asked next (hidden) or read from ECS_WIZARD_REGISTRY_PASSWORD, and never saved."
          initial={answers.registryUsername}
          validate={(text) => ({ok: true, value: text.trim()})}
          onSubmit={(value) => props.submit({answers: {...answers, registryUsername: value}})}
        />
      );
    case 'registry-password':
      return (
        <TextField
          {...common}
          label={`Password of ${answers.registryUsername ?? ''} at ${answers.registryHost ?? ''}`}
          hint="Used only to list tags now; never saved. (ECS_WIZARD_REGISTRY_PASSWORD skips this question.)"
          mask
          validate={(text) => (text === '' ? {ok: false, message: 'Type the password (or go back and leave the user name empty)'} : {ok: true, value: text})}
          onSubmit={(value) => props.submit({password: value})}
        />
      );
    case 'ecr-repository':
      return (
        <PickerField
          {...common}
          label="ECR repository"
          what={`ECR repositories in ${services.defaultRegion() ?? 'the default region'}`}
          load={async () => {
            const listing = await services.ecrRepositories();
            return listing.ok ? {ok: true, items: listing.items.map((repository) => ({value: repository.uri, label: repository.name, detail: repository.uri}))} : listing;
          }}
          free={{validate: (text) => {
            const checked = checkEcrRepositoryUri(text);
            return checked.ok ? {ok: true, value: text.trim()} : checked;
          }, hint: 'a repository URI, e.g. 123456789012.dkr.ecr.us-east-1.amazonaws.com/team/api'}}
          initial={answers.registryHost && answers.image ? `${answers.registryHost}/${answers.image}` : undefined}
          onSubmit={([uri]) => {
            const checked = checkEcrRepositoryUri(uri!);
            if (!checked.ok) return;
            const next: WizardAnswers = {...answers, registryHost: checked.value.host, image: checked.value.image};
            if (checked.value.tag !== undefined && answers.tag === undefined) next.tag = checked.value.tag;
            props.submit({answers: next});
          }}
        />
      );
    case 'image':
      return (
        <TextField
          {...common}
          label="Docker image name"
          hint={answers.registry === 'dockerhub' ? 'e.g. library/nginx (official images: just nginx)' : `the image path in ${answers.registryHost ?? 'the registry'}, e.g. team/api`}
          initial={answers.image}
          validate={(text) => checkImage(answers.registry ?? 'dockerhub', text, answers.registryHost)}
          onSubmit={(value, note) => {
            const next: WizardAnswers = {...answers, image: value.image};
            if (value.tag !== undefined) next.tag = value.tag;
            props.submit({answers: next, ...(note === undefined ? {} : {notice: note})});
          }}
        />
      );
    case 'tag': {
      const artifact = artifactOf({...answers, tag: undefined});
      return (
        <PickerField
          {...common}
          label="Default image tag"
          hint="Only the default: every run asks for the tag to deploy again."
          what={`tags of ${artifact ? formatImage(artifact) : 'the image'}`}
          load={async () => {
            if (artifact === undefined) return {ok: false, reason: 'the image is not known yet'};
            const listing = await services.tags(artifact, props.password);
            if (!listing.ok) return listing;
            const items: PickerItem[] = listing.items.map((tag) => ({
              value: tag.tag,
              label: tag.tag,
              detail: [tag.pushedAt ? `pushed ${shortDate(tag.pushedAt)}` : '', tag.digest ? tag.digest.slice(0, 19) : ''].filter(Boolean).join('  '),
            }));
            return {ok: true, items};
          }}
          free={{validate: checkTag, hint: 'a tag, e.g. 1.4.2 or latest'}}
          initial={answers.tag}
          onSubmit={([tag]) => props.submit({answers: {...answers, tag: tag!}})}
        />
      );
    }
    case 'launch-type':
      return (
        <SelectField
          {...common}
          label="Launch type"
          initial={answers.launchType}
          options={[
            {value: 'FARGATE', label: 'Fargate', detail: 'no servers to manage; uses the Advanced JSON and awsvpc'},
            {value: 'EC2', label: 'EC2', detail: 'container instances of your cluster; simplified form or Advanced JSON'},
          ]}
          onSubmit={(value) => {
            const next: WizardAnswers = {...answers, launchType: value as 'EC2' | 'FARGATE'};
            // The network mode and the container mode follow from the launch type: asked again after a change.
            if (value !== answers.launchType) {
              delete next.networkMode;
              delete next.containerMode;
            }
            props.submit({answers: next});
          }}
        />
      );
    case 'network-mode':
      return (
        <SelectField
          {...common}
          label="Network mode"
          initial={answers.networkMode ?? 'bridge'}
          options={[
            {value: 'bridge', label: 'bridge', detail: "Docker's network on the instance; dynamic host ports"},
            {value: 'awsvpc', label: 'awsvpc', detail: 'each task gets its own network interface in your subnets'},
            {value: 'host', label: 'host', detail: "the instance's network directly; one task per port and instance"},
          ]}
          onSubmit={(value) => props.submit({answers: {...answers, networkMode: value as 'awsvpc' | 'bridge' | 'host'}})}
        />
      );
    case 'container-mode':
      return (
        <SelectField
          {...common}
          label="Container specification"
          initial={answers.containerMode ?? 'form'}
          options={[
            {
              value: 'form',
              label: 'Simplified form',
              detail: 'one container: CPU, memory, ports, environment',
              ...(needsRegistryAuth(answers) ? {disabled: 'A private registry needs the task execution role (executionRoleArn), which only the Advanced JSON holds: choose Advanced'} : {}),
            },
            {value: 'json', label: 'Advanced JSON', detail: 'the task definition in your editor ($EDITOR), from a template or pasted describe output'},
          ]}
          onSubmit={(value) => props.submit({answers: {...answers, containerMode: value as 'form' | 'json'}})}
        />
      );
    case 'container-form':
      return <ContainerFormStep {...props} />;
    case 'container-env':
      return (
        <ListField
          {...common}
          label="Container environment variables"
          hint="NAME=VALUE, one per line (e.g. LOG_LEVEL=info); Enter on an empty line when done; ↑ then x removes one."
          initial={(answers.containerForm?.environment ?? []).map((pair) => ({name: pair.name, value: pair.value}))}
          parse={(text) => parseNameValue(text)}
          onSubmit={(entries) => {
            const form: ContainerFormAnswers = answers.containerForm ?? {ports: [], environment: []};
            props.submit({answers: {...answers, containerForm: {...form, environment: entries.map((entry) => ({name: entry.name, value: entry.value}))}}});
          }}
        />
      );
    case 'container-json':
      return <ContainerJsonStep {...props} />;
    case 'strategy':
      return (
        <SelectField
          {...common}
          label="Scheduling strategy"
          initial={answers.strategy ?? 'REPLICA'}
          options={[
            {value: 'REPLICA', label: 'REPLICA', detail: 'keep a desired number of tasks running (the default)'},
            {
              value: 'DAEMON',
              label: 'DAEMON',
              detail: 'one task on each container instance',
              ...(answers.launchType === 'FARGATE'
                ? {disabled: 'DAEMON is not supported on Fargate: Fargate has no container instances to run one task on each. Use REPLICA, or go back (esc) and choose EC2'}
                : {}),
            },
          ]}
          onSubmit={(value) => {
            const next: WizardAnswers = {...answers, strategy: value as 'REPLICA' | 'DAEMON'};
            if (value === 'DAEMON') delete next.desiredCount;
            props.submit({answers: next});
          }}
        />
      );
    case 'desired-count':
      return (
        <TextField
          {...common}
          label="Desired count (tasks to keep running)"
          initial={String(answers.desiredCount ?? 1)}
          validate={(text) => checkInteger(text, 'the desired count', {min: 0, max: 5000})}
          onSubmit={(value) => props.submit({answers: {...answers, desiredCount: value ?? 1}})}
        />
      );
    case 'service-json':
      return <ServiceJsonStep {...props} />;
    case 'discovery':
      return (
        <SelectField
          {...common}
          label="Service discovery (AWS Cloud Map)"
          initial={ctx.choices.discovery ?? (answers.discovery ? 'paste' : 'none')}
          options={[
            {value: 'none', label: 'No service discovery'},
            {value: 'pick', label: 'Pick a Cloud Map service', detail: `listed from ${services.defaultRegion() ?? 'the default region'}`},
            {value: 'paste', label: 'Paste the Cloud Map service ARN', detail: 'arn:aws:servicediscovery:…:service/srv-…'},
          ]}
          onSubmit={(value) =>
            props.submit({
              answers: value === 'none' ? {...answers, discovery: null} : {...answers, discovery: answers.discovery ?? undefined},
              choices: {discovery: value},
            })
          }
        />
      );
    case 'discovery-namespace':
      return (
        <PickerField
          {...common}
          label="Cloud Map namespace"
          hint="If they cannot be listed, go back (esc) and paste the service's ARN."
          what={`Cloud Map namespaces in ${services.defaultRegion() ?? 'the default region'}`}
          load={async () => {
            const listing = await services.namespaces();
            if (!listing.ok) return listing;
            for (const namespace of listing.items) namespaceNames.set(namespace.id, namespace.name);
            return {ok: true, items: listing.items.map((namespace) => ({value: namespace.id, label: namespace.name, detail: namespace.type ?? ''}))};
          }}
          initial={ctx.choices['discovery-namespace']}
          onSubmit={([id]) => props.submit({choices: {'discovery-namespace': id!, 'discovery-namespace-name': namespaceNames.get(id!) ?? id!}})}
        />
      );
    case 'discovery-service': {
      const mode = taskNetworkMode(answers);
      return (
        <PickerField
          {...common}
          label="Cloud Map service"
          what="services in the namespace"
          load={async () => {
            const listing = await services.discoveryServices(ctx.choices['discovery-namespace'] ?? '');
            if (!listing.ok) return listing;
            return {
              ok: true,
              items: listing.items.map((service) => ({
                value: service.arn,
                label: service.name,
                detail: `${service.recordTypes.join('+') || 'no DNS'} records`,
                ...(discoveryRule(mode, service.recordTypes) === 'needs-srv'
                  ? {disabled: `Without awsvpc (this task uses ${mode}), service discovery needs SRV records and ${service.name} has ${service.recordTypes.join(', ') || 'no DNS'} records only`}
                  : {}),
              })),
            };
          }}
          initial={answers.discovery?.registryArn}
          check={{
            progress: 'Reading its DNS records…',
            run: async ([arn]) => {
              const found = await services.discoveryService(arn!);
              return found.status === 'found' ? {ok: true, value: [arn!, found.value.recordTypes.join(',')]} : {ok: true, value: [arn!]};
            },
          }}
          onSubmit={([arn, types]) => {
            const previous = answers.discovery && answers.discovery.registryArn === arn ? answers.discovery : {};
            const recordTypes = types === undefined ? undefined : types.split(',').filter(Boolean);
            props.submit({answers: {...answers, discovery: {...previous, registryArn: arn!, ...(recordTypes ? {recordTypes} : {})}}});
          }}
        />
      );
    }
    case 'discovery-arn':
      return (
        <TextField
          {...common}
          label="Cloud Map service ARN (registryArn)"
          initial={answers.discovery?.registryArn}
          placeholder="arn:aws:servicediscovery:us-east-1:123456789012:service/srv-…"
          validate={(text) => {
            const checked = checkArnAnswer('cloudMapService', text, 'the Cloud Map service ARN');
            return checked.ok ? {ok: true, value: {arn: checked.value} as {arn: string; recordTypes?: string[]}} : checked;
          }}
          check={{
            progress: 'Reading the Cloud Map service (servicediscovery:GetService)…',
            run: async (value) => {
              const found = await services.discoveryService(value.arn);
              if (found.status === 'missing') return {ok: false, message: `No Cloud Map service ${value.arn.split('/').pop()} in ${arnRegion(value.arn) ?? 'that region'}: check the ARN (aws servicediscovery list-services)`};
              if (found.status === 'unknown') return {ok: true, value, note: `Could not read its DNS records (${found.reason}): you will be asked.`};
              const rule = discoveryRule(taskNetworkMode(answers), found.value.recordTypes);
              if (rule === 'needs-srv') return {ok: false, message: `Without awsvpc, service discovery needs SRV records, and ${found.value.name} has ${found.value.recordTypes.join(', ') || 'no DNS'} records only: use another Cloud Map service`};
              return {ok: true, value: {arn: value.arn, recordTypes: found.value.recordTypes}};
            },
          }}
          onSubmit={(value, note) => {
            const previous = answers.discovery && answers.discovery.registryArn === value.arn ? answers.discovery : {};
            const discovery = {...previous, registryArn: value.arn, ...(value.recordTypes ? {recordTypes: value.recordTypes} : {})};
            if (!value.recordTypes) delete (discovery as {recordTypes?: string[]}).recordTypes;
            props.submit({answers: {...answers, discovery}, ...(note ? {notice: note} : {})});
          }}
        />
      );
    case 'discovery-srv': {
      const mode = taskNetworkMode(answers);
      return (
        <SelectField
          {...common}
          label="Which DNS records does the Cloud Map service have?"
          options={[
            {value: 'SRV', label: 'SRV records', detail: 'address and port (SRV, usually with A)'},
            {
              value: 'A',
              label: 'A records only',
              detail: 'addresses only',
              ...(mode === 'awsvpc' ? {} : {disabled: `Without awsvpc (this task uses ${mode}), service discovery needs SRV records: use a Cloud Map service with SRV records, or go back and choose awsvpc`}),
            },
          ]}
          onSubmit={(value) => answers.discovery && props.submit({answers: {...answers, discovery: {...answers.discovery, recordTypes: value === 'SRV' ? ['SRV'] : ['A']}}})}
        />
      );
    }
    case 'discovery-use':
      return (
        <SelectField
          {...common}
          label="How does the service register? (awsvpc with SRV records: one or the other, not both)"
          initial={answers.discovery?.use === 'port' ? 'port' : 'container'}
          options={[
            {value: 'container', label: 'containerName + containerPort', detail: 'a container and one of its mapped ports'},
            {value: 'port', label: 'port', detail: 'a port number alone'},
          ]}
          onSubmit={(value) => {
            if (!answers.discovery) return;
            const discovery = {...answers.discovery, use: value as 'container' | 'port'};
            if (value === 'container') delete discovery.port;
            else {
              delete discovery.containerName;
              delete discovery.containerPort;
            }
            props.submit({answers: {...answers, discovery}});
          }}
        />
      );
    case 'discovery-container': {
      const containers = specContainers(answers);
      return (
        <SelectField
          {...common}
          label="containerName: which container registers?"
          initial={answers.discovery?.containerName}
          options={containers.map((container) => ({value: container.name, label: container.name, detail: container.ports.length === 0 ? 'maps no ports' : `ports ${container.ports.join(', ')}`}))}
          onSubmit={(value) => answers.discovery && props.submit({answers: {...answers, discovery: {...answers.discovery, containerName: value}}})}
        />
      );
    }
    case 'discovery-container-port': {
      const containers = specContainers(answers);
      const name = answers.discovery?.containerName ?? '';
      const container = containers.find((candidate) => candidate.name === name);
      const items: PickerItem[] = (container?.ports ?? []).map((port) => ({
        value: String(port),
        label: String(port),
        ...(typeof port === 'string' ? {detail: 'a config variable (its value is set in step 7)'} : {}),
      }));
      return (
        <PickerField
          {...common}
          label={`containerPort: which port of ${name}?`}
          hint="One of the container's port mappings."
          what={`port mappings of ${name}`}
          items={items}
          free={{
            validate: (text) => {
              const port = checkInteger(text, 'the port', {min: 1, max: 65535});
              if (!port.ok) return port;
              const mapped = checkDiscoveryPort(containers, name, port.value!, answers.variables);
              return mapped.ok ? {ok: true, value: String(port.value)} : mapped;
            },
            hint: 'a port number',
          }}
          initial={answers.discovery?.containerPort === undefined ? undefined : String(answers.discovery.containerPort)}
          onSubmit={([value]) => {
            if (!answers.discovery) return;
            const containerPort = /^\d+$/.test(value!) ? Number(value) : value!;
            props.submit({answers: {...answers, discovery: {...answers.discovery, containerPort}}});
          }}
        />
      );
    }
    case 'discovery-port':
      return (
        <TextField
          {...common}
          label="port (registered in the SRV records)"
          initial={answers.discovery?.port === undefined ? undefined : String(answers.discovery.port)}
          validate={(text) => checkInteger(text, 'the port', {min: 1, max: 65535})}
          onSubmit={(value) => answers.discovery && props.submit({answers: {...answers, discovery: {...answers.discovery, port: value!}}})}
        />
      );
    case 'variables':
      return <VariablesStep {...props} />;
    case 'auth-secret':
      return (
        <PickerField
          {...common}
          label="Secrets Manager secret holding the registry user name and password"
          hint='The secret holds {"username": "…", "password": "…"}. Create one with: aws secretsmanager create-secret --name registry-creds --secret-string …'
          what={`secrets in ${services.defaultRegion() ?? 'the default region'}`}
          load={async () => {
            const listing = await services.secrets();
            return listing.ok ? {ok: true, items: listing.items.map((secret) => ({value: secret.arn, label: secret.name, detail: secret.kmsKeyId ? 'customer KMS key' : ''}))} : listing;
          }}
          free={{validate: (text) => checkArnAnswer('secretsManagerSecret', text, 'the secret ARN'), hint: 'the secret ARN'}}
          initial={answers.registryAuth?.credentialsSecretArn}
          check={{
            progress: 'Checking that the secret exists (secretsmanager:DescribeSecret)…',
            run: async ([arn]) => {
              const found = await services.secret(arn!);
              if (found.status === 'missing') return {ok: false, message: `No secret ${arn!.split(':').pop()} in ${arnRegion(arn!) ?? 'that region'}: check the ARN, or create the secret first`};
              if (found.status === 'unknown') return {ok: true, value: [arn!], note: `Could not check that the secret exists: ${found.reason}`};
              const kms = kmsArnOf(found.value.arn, found.value.kmsKeyId);
              return {ok: true, value: kms === undefined ? [found.value.arn] : [found.value.arn, kms]};
            },
          }}
          onSubmit={([arn, kms], note) => {
            const previous = answers.registryAuth ?? undefined;
            const registryAuth = {credentialsSecretArn: arn!, ...(kms ? {kmsKeyArn: kms} : previous?.kmsKeyArn ? {kmsKeyArn: previous.kmsKeyArn} : {})};
            props.submit({answers: {...answers, registryAuth}, ...(note ? {notice: note} : kms ? {notice: `The secret uses a customer KMS key: ${kms}`} : {})});
          }}
        />
      );
    case 'auth-kms':
      return (
        <TextField<string | undefined>
          {...common}
          label="Customer KMS key of the secret (empty: the default key)"
          hint="kms:Decrypt is added to the policy only for a custom key."
          initial={answers.registryAuth?.kmsKeyArn ?? ''}
          placeholder="arn:aws:kms:us-east-1:123456789012:key/…"
          validate={(text): Checked<string | undefined> => (text.trim() === '' ? {ok: true, value: undefined} : checkArnAnswer('kmsKey', text, 'the KMS key ARN'))}
          onSubmit={(value) => {
            if (!answers.registryAuth) return;
            const registryAuth = {credentialsSecretArn: answers.registryAuth.credentialsSecretArn, ...(value ? {kmsKeyArn: value} : {})};
            props.submit({answers: {...answers, registryAuth}});
          }}
        />
      );
    case 'auth-role':
    case 'env-role':
      return <RoleStep {...props} />;
    case 'auth-role-create':
    case 'env-role-create':
      return <CreateRoleStep {...props} />;
    case 'auth-policy':
      return <PolicyStep {...props} />;
    case 'env-source':
      return (
        <SelectField
          {...common}
          label={ctx.env === 0 ? 'Environment: where does the service run?' : `Environment ${ctx.env + 1}`}
          hint="Fill its values from infrastructure outputs, or type them (AWS lists are offered)."
          initial={ctx.choices[`env-source#${ctx.env}`] ?? 'typed'}
          options={[
            {value: 'typed', label: 'Type the values', detail: 'clusters, subnets, security groups and roles are listed when AWS allows'},
            {value: 'cloudformation', label: 'From a CloudFormation stack', detail: 'its outputs: cluster, subnets, security groups, execution role'},
            {value: 'terraform', label: 'From a Terraform state file', detail: 'terraform.tfstate outputs'},
          ]}
          onSubmit={(value) => props.submit({choices: {[`env-source#${ctx.env}`]: value}, ...(value === 'typed' ? {answers: setEnv({filledFrom: undefined})} : {})})}
        />
      );
    case 'env-cfn-stack':
      return (
        <PickerField
          {...common}
          label="CloudFormation stack"
          what={`stacks in ${region}`}
          load={async () => {
            const listing = await services.stacks(region);
            return listing.ok ? {ok: true, items: listing.items.map((stack) => ({value: stack.name, label: stack.name, detail: stack.status}))} : listing;
          }}
          free={{validate: (text) => (text.trim() === '' ? {ok: false, message: 'Give the stack name'} : {ok: true, value: text.trim()}), hint: 'the stack name'}}
          initial={ctx.choices[`env-cfn-stack#${ctx.env}`]}
          check={{
            progress: 'Reading the stack outputs (cloudformation:DescribeStacks)…',
            run: async ([stack]) => {
              const outputs = await services.stackOutputs(stack!, region);
              if (outputs.status === 'missing') return {ok: false, message: `No stack ${stack} in ${region}`};
              if (outputs.status === 'unknown') return {ok: false, message: `Cannot read the stack: ${outputs.reason}. Go back (esc) and type the values.`};
              const filled = environmentFromOutputs(outputs.value);
              if (filled.used.length === 0) return {ok: false, message: `Stack ${stack} has no outputs the environment can use (${Object.keys(outputs.value).join(', ') || 'no outputs'})`};
              return {ok: true, value: [stack!, JSON.stringify(filled)]};
            },
          }}
          onSubmit={([stack, filledJson]) => {
            const filled = JSON.parse(filledJson!) as ReturnType<typeof environmentFromOutputs>;
            props.submit({
              answers: setEnv({...filled.values, filledFrom: `CloudFormation stack ${stack}`}),
              choices: {[`env-cfn-stack#${ctx.env}`]: stack!},
              notice: `From the stack's outputs: ${filled.used.join(', ')} (each is asked next, filled in)`,
            });
          }}
        />
      );
    case 'env-tf-state':
      return (
        <TextField
          {...common}
          label="Terraform state file"
          initial={ctx.choices[`env-tf-state#${ctx.env}`]}
          suggestion={ctx.choices[`env-tf-state#${ctx.env}`] === undefined ? 'terraform.tfstate' : undefined}
          validate={(text) => (text.trim() === '' ? {ok: false, message: 'Give the path of the state file'} : {ok: true, value: text.trim()})}
          check={{
            progress: 'Reading the state file…',
            run: async (path) => {
              const outputs = await services.terraformOutputs(path);
              if (outputs.status !== 'found') return {ok: false, message: outputs.status === 'unknown' ? outputs.reason : `No state at ${path}`};
              const filled = environmentFromOutputs(outputs.value);
              if (filled.used.length === 0) return {ok: false, message: `${path} has no outputs the environment can use (${Object.keys(outputs.value).join(', ') || 'no outputs'})`};
              return {ok: true, value: `${path}\u0000${JSON.stringify(filled)}`};
            },
          }}
          onSubmit={(value) => {
            const [path, filledJson] = value.split('\u0000') as [string, string];
            const filled = JSON.parse(filledJson) as ReturnType<typeof environmentFromOutputs>;
            props.submit({
              answers: setEnv({...filled.values, filledFrom: `Terraform state ${path}`}),
              choices: {[`env-tf-state#${ctx.env}`]: path},
              notice: `From the state's outputs: ${filled.used.join(', ')} (each is asked next, filled in)`,
            });
          }}
        />
      );
    case 'env-name': {
      const taken = (answers.environments ?? []).filter((_, index) => index !== ctx.env).map((environment) => environment.name ?? '');
      return (
        <TextField
          {...common}
          label="Environment name"
          hint="e.g. staging or production"
          initial={env.name}
          suggestion={env.name === undefined && ctx.env === 0 ? 'production' : undefined}
          validate={(text) => checkEnvironmentName(text, taken)}
          onSubmit={(value) => props.submit({answers: setEnv({name: value})})}
        />
      );
    }
    case 'env-region': {
      const previous = ctx.env > 0 ? answers.environments?.[ctx.env - 1]?.region : undefined;
      return (
        <TextField
          {...common}
          label="AWS region"
          initial={env.region}
          suggestion={env.region === undefined ? (previous ?? services.defaultRegion() ?? 'us-east-1') : undefined}
          validate={checkRegion}
          onSubmit={(value) => props.submit({answers: setEnv({region: value})})}
        />
      );
    }
    case 'env-cluster':
      return <ClusterStep {...props} />;
    case 'env-subnets':
      return (
        <PickerField
          {...common}
          multi
          label="Subnets of the tasks (awsvpc)"
          hint="Space selects (two or more availability zones are best); Enter takes the selection."
          what={`subnets in ${region}`}
          load={async () => {
            const listing = await services.subnets(region);
            if (!listing.ok) return listing;
            for (const subnet of listing.items) subnetVpcs.set(subnet.id, subnet.vpcId);
            return {
              ok: true,
              items: listing.items.map((subnet) => ({
                value: subnet.id,
                label: subnet.id,
                detail: [subnet.name, subnet.availabilityZone, subnet.cidr, subnet.mapPublicIpOnLaunch ? 'public' : 'private', subnet.vpcId].filter(Boolean).join('  '),
              })),
            };
          }}
          free={{validate: (text) => {
            const ids = parseIds(text, 'subnet');
            return ids.ok ? {ok: true, value: ids.value.join(',')} : ids;
          }, hint: 'subnet ids, comma separated'}}
          parseMany={(text) => parseIds(text, 'subnet')}
          initialSelected={env.subnets}
          onSubmit={(values) => props.submit({answers: setEnv({subnets: values.flatMap((value) => value.split(','))})})}
        />
      );
    case 'env-security-groups':
      return (
        <PickerField
          {...common}
          multi
          label="Security groups of the tasks (awsvpc)"
          hint="Space selects; Enter takes the selection."
          what={`security groups in ${region}`}
          load={async () => {
            const listing = await services.securityGroups(region);
            if (!listing.ok) return listing;
            // Security groups must be in the VPC of the chosen subnets: the others are shown, not offered.
            const vpcs = new Set((env.subnets ?? []).map((id) => subnetVpcs.get(id)).filter((vpc): vpc is string => vpc !== undefined));
            const items = listing.items.map((group) => ({
              value: group.id,
              label: group.id,
              detail: [group.name, group.vpcId].filter(Boolean).join('  '),
              ...(vpcs.size > 0 && group.vpcId !== undefined && !vpcs.has(group.vpcId) ? {disabled: `${group.id} is in ${group.vpcId}, not in the VPC of the chosen subnets (${[...vpcs].join(', ')})`} : {}),
            }));
            return {ok: true, items: [...items.filter((item) => !('disabled' in item)), ...items.filter((item) => 'disabled' in item)]};
          }}
          free={{validate: (text) => {
            const ids = parseIds(text, 'sg');
            return ids.ok ? {ok: true, value: ids.value.join(',')} : ids;
          }, hint: 'security group ids, comma separated'}}
          parseMany={(text) => parseIds(text, 'sg')}
          initialSelected={env.securityGroups}
          onSubmit={(values) => props.submit({answers: setEnv({securityGroups: values.flatMap((value) => value.split(','))})})}
        />
      );
    case 'env-public-ip':
      return (
        <SelectField
          {...common}
          label="Assign a public IP to the tasks?"
          hint="Yes for public subnets without a NAT gateway (the task must reach the registry); no for private subnets."
          initial={env.assignPublicIp ? 'yes' : 'no'}
          options={[
            {value: 'no', label: 'No', detail: 'private subnets (a NAT gateway or VPC endpoints reach the registry)'},
            {value: 'yes', label: 'Yes', detail: 'public subnets: the task gets a public IP'},
          ]}
          onSubmit={(value) => props.submit({answers: setEnv({assignPublicIp: value === 'yes'})})}
        />
      );
    case 'env-overrides':
      return (
        <ListField
          {...common}
          label={`Overrides of config variables for ${env.name ?? 'this environment'}`}
          hint={`Config variables: ${Object.entries(answers.variables ?? {}).map(([name, value]) => `${name}=${value}`).join(', ') || 'none'}. NAME=VALUE replaces one here; Enter on an empty line when done.`}
          initial={entriesOf(env.overrides)}
          parse={(text) => parseNameValue(text, {variable: true})}
          onSubmit={(entries) => props.submit({answers: setEnv({overrides: recordOf(entries)})})}
        />
      );
    case 'env-more':
      return (
        <SelectField
          {...common}
          label="Add another environment?"
          initial={ctx.choices[`env-more#${ctx.env}`] ?? 'no'}
          options={[
            {value: 'no', label: 'No, review the profile'},
            {value: 'yes', label: 'Yes, add another environment', detail: 'e.g. staging next to production'},
          ]}
          onSubmit={(value) => {
            const next = value === 'no' ? {...answers, environments: (answers.environments ?? []).slice(0, ctx.env + 1)} : answers;
            props.submit({answers: next, choices: {[`env-more#${ctx.env}`]: value}});
          }}
        />
      );
    case 'review':
      return <ReviewStep ctx={ctx} services={services} active={active} width={props.width} onHelp={props.help} onChange={props.change} onSave={() => props.submit({})} />;
    case 'save':
      return <SaveStep {...props} />;
  }
}

/** The simplified form: CPU, memory limits and port mappings, one field at a time (↑↓ move, Enter next). */
function ContainerFormStep(props: StepViewProps) {
  const {answers} = props.ctx;
  const form = answers.containerForm;
  const mode = taskNetworkMode(answers);
  const fields = [
    {key: 'cpu', label: 'CPU units (1024 = 1 vCPU; empty: none)', initial: form?.cpu === undefined ? '' : String(form.cpu)},
    {key: 'memory', label: 'Memory hard limit, MiB (empty: none)', initial: form?.memory === undefined ? '' : String(form.memory)},
    {key: 'memoryReservation', label: 'Memory soft limit, MiB', initial: form === undefined ? '256' : form.memoryReservation === undefined ? '' : String(form.memoryReservation)},
    {key: 'ports', label: 'Port mappings (e.g. 80, 53/udp; empty: none)', initial: (form?.ports ?? []).map((port) => `${port.hostPort === undefined ? '' : `${port.hostPort}:`}${port.containerPort}${port.protocol === 'udp' ? '/udp' : ''}`).join(', ')},
  ] as const;
  const [values, setValues] = useState<string[]>(fields.map((field) => field.initial));
  const [focus, setFocus] = useState(0);
  const [errors, setErrors] = useState<Array<string | undefined>>([]);
  const [formError, setFormError] = useState<string>();

  const parse = (): {form?: ContainerFormAnswers; errors: Array<string | undefined>; formError?: string} => {
    const found: Array<string | undefined> = [];
    const cpu = checkInteger(values[0] ?? '', 'the CPU units', {min: 0, max: 10240, optional: true});
    const memory = checkInteger(values[1] ?? '', 'the memory limit', {min: 4, optional: true});
    const reservation = checkInteger(values[2] ?? '', 'the memory reservation', {min: 4, optional: true});
    found[0] = cpu.ok ? undefined : cpu.message;
    found[1] = memory.ok ? undefined : memory.message;
    found[2] = reservation.ok ? undefined : reservation.message;
    const ports = [];
    for (const text of (values[3] ?? '').split(/[\s,]+/).filter((item) => item !== '')) {
      const port = parsePortMapping(text, mode);
      if (!port.ok) {
        found[3] = port.message;
        break;
      }
      ports.push(port.value);
    }
    if (found.some((message) => message !== undefined) || !cpu.ok || !memory.ok || !reservation.ok) return {errors: found};
    if (memory.value === undefined && reservation.value === undefined) return {errors: found, formError: 'On EC2 a container needs a memory limit or a memory reservation: give at least one'};
    if (memory.value !== undefined && reservation.value !== undefined && reservation.value > memory.value) {
      return {errors: found, formError: `The memory reservation (${reservation.value} MiB) must not exceed the hard limit (${memory.value} MiB)`};
    }
    const result: ContainerFormAnswers = {ports, environment: form?.environment ?? []};
    if (cpu.value !== undefined) result.cpu = cpu.value;
    if (memory.value !== undefined) result.memory = memory.value;
    if (reservation.value !== undefined) result.memoryReservation = reservation.value;
    return {form: result, errors: found};
  };

  const next = () => {
    if (focus < fields.length - 1) {
      setFocus(focus + 1);
      return;
    }
    const parsed = parse();
    setErrors(parsed.errors);
    setFormError(parsed.formError);
    if (parsed.form) props.submit({answers: {...answers, containerForm: parsed.form}});
    else {
      const first = parsed.errors.findIndex((message) => message !== undefined);
      if (first >= 0) setFocus(first);
    }
  };

  return (
    <Box flexDirection="column">
      <Question label="The container (simplified form, EC2)" hint="↑↓ move between fields, Enter goes to the next; Enter on the last one continues." />
      {fields.map((field, index) => (
        <Box key={field.key} flexDirection="column" marginLeft={2}>
          <FormLine
            label={field.label}
            value={values[index] ?? ''}
            focused={props.active && focus === index}
            onFocusMove={(delta) => setFocus(Math.min(fields.length - 1, Math.max(0, focus + delta)))}
            onChange={(value) => {
              setValues(values.map((old, at) => (at === index ? value : old)));
              setErrors([]);
              setFormError(undefined);
            }}
            onSubmit={next}
            onHelp={props.help}
          />
          <Problem message={errors[index]} />
        </Box>
      ))}
      <Problem message={formError} />
    </Box>
  );
}

function FormLine(props: {label: string; value: string; focused: boolean; onChange: (value: string) => void; onSubmit: () => void; onFocusMove: (delta: number) => void; onHelp: () => void}) {
  useInput(
    (_input, key) => {
      if (key.upArrow || (key.shift && key.tab)) props.onFocusMove(-1);
      else if (key.downArrow || key.tab) props.onFocusMove(1);
    },
    {isActive: props.focused},
  );
  return (
    <Box>
      <Text color={props.focused ? 'cyan' : undefined}>{props.focused ? '❯ ' : '  '}</Text>
      <Text>{props.label}: </Text>
      <TextInput
        value={props.value}
        focus={props.focused}
        showCursor={props.focused}
        onChange={(value) => {
          if (props.value === '' && value === '?') {
            props.onHelp();
            return;
          }
          props.onChange(value);
        }}
        onSubmit={props.onSubmit}
      />
    </Box>
  );
}

const describeContainers = (answers: WizardAnswers, text: string): string => {
  const containers = specContainers({...answers, containerMode: 'json', containerJson: text});
  const mode = taskNetworkMode({...answers, containerMode: 'json', containerJson: text});
  return `${containers.length} container${containers.length === 1 ? '' : 's'} (${containers.map((container) => container.name).join(', ')}), ${mode}`;
};

const looksLikeDescribeOutput = (text: string): boolean => /"taskDefinitionArn"|^\s*\{\s*"taskDefinition"\s*:/.test(text);

function ContainerJsonStep(props: StepViewProps) {
  const {answers} = props.ctx;
  const fargate = answers.launchType === 'FARGATE';
  const templateName = fargate ? 'container-fargate' : 'container-ec2';
  const [imported, setImported] = useState<Record<string, ReturnType<typeof importTaskDefinition>>>({});
  const starts: StartOption[] = [];
  if (answers.containerJson !== undefined) starts.push({value: 'current', label: 'Edit the current JSON', text: () => answers.containerJson!});
  starts.push({value: 'template', label: 'Start from the template', detail: findTemplate(templateName)?.description ?? '', text: async () => startingContainerJson(answers, await props.services.template(templateName))});
  if (!fargate && answers.containerForm !== undefined) starts.push({value: 'form', label: 'Start from the simplified form\'s answers', text: () => startingContainerJson(answers)});
  starts.push({value: 'paste', label: 'Paste `aws ecs describe-task-definition` output', detail: 'an empty file opens: paste, save, quit', text: () => ''});

  const check = (text: string, start: string): EditorChecked => {
    let spec = text;
    const notes: string[] = [];
    const issues: Issue[] = [];
    if (start === 'paste' || looksLikeDescribeOutput(text)) {
      const result = importTaskDefinition(text);
      if (result.ok) {
        spec = result.containerSpecJson;
        setImported((old) => ({...old, [spec]: result}));
        if (result.replacements.length > 0) notes.push(`Replaced: ${result.replacements.map((replacement) => `${replacement.path} → ${replacement.to}`).join('; ')}`);
        if (result.stripped.length > 0) notes.push(`Dropped (read-only or null): ${result.stripped.slice(0, 8).join(', ')}${result.stripped.length > 8 ? '…' : ''}`);
        const ran = formatImage(result.artifact, result.artifact.tag);
        if (ran !== imageLabel(answers)) notes.push(`It ran ${ran}; this profile deploys ${imageLabel(answers)} (step 3).`);
        issues.push(...result.issues.filter((issue) => issue.severity !== 'info'));
      } else if (hasErrorsIn(lintContainerJson(text, answers.launchType))) {
        return {text, issues: result.issues, notes};
      }
    }
    issues.push(...lintContainerJson(spec, answers.launchType, {needsExecutionRole: needsRegistryAuth(answers)}));
    return {text: spec, issues, notes, summary: describeContainers(answers, spec)};
  };

  return (
    <EditorField
      label={fargate ? 'Task definition (Advanced JSON — required for Fargate)' : 'Task definition (Advanced JSON)'}
      hint={`Opens in ${props.services.editor().describe() ?? 'a file you edit'}. Placeholders: \${DOCKER_IMAGE_NAME} (required), \${CONTAINER_NAME}${fargate ? ', ${EXECUTION_ROLE} (required)' : ''}.`}
      what="task definition"
      starts={starts}
      initialStart={answers.containerJson !== undefined ? 'current' : 'template'}
      editor={props.services.editor()}
      check={check}
      active={props.active}
      onHelp={props.help}
      onAccept={(checked, start) => {
        const result = imported[checked.text];
        let next: WizardAnswers = {...answers, containerJson: checked.text};
        if (result?.ok) {
          if (result.executionRoleArn && next.executionRoleArn === undefined) next = {...next, executionRoleArn: result.executionRoleArn};
          if (result.registryAuth && next.registryAuth === undefined && needsRegistryAuth(next)) next = {...next, registryAuth: result.registryAuth};
        }
        const label = start === 'paste' || result?.ok ? 'imported from describe-task-definition' : start === 'template' ? 'from the template' : 'edited';
        props.submit({answers: next, choices: {'container-json': label}, ...(checked.notes.length > 0 ? {notice: checked.notes.join(' ')} : {})});
      }}
    />
  );
}

const hasErrorsIn = (issues: readonly Issue[]): boolean => issues.some((issue) => issue.severity === 'error');

function ServiceJsonStep(props: StepViewProps) {
  const {answers} = props.ctx;
  const [mode, setMode] = useState<'menu' | 'edit' | 'import'>('menu');
  const [imported, setImported] = useState<Record<string, ReturnType<typeof importService>>>({});
  const composed = composeServiceSpec(answers);
  const networkWarning = specHasNetworkConfiguration(composed.text);

  const check = (text: string, start: string): EditorChecked => {
    let spec = text;
    const notes: string[] = [];
    const issues: Issue[] = [];
    if (start === 'import' || /"serviceArn"|^\s*\{\s*"services"\s*:/.test(text)) {
      const result = importService(text);
      if (!result.ok) return {text, issues: result.issues, notes};
      spec = result.serviceSpecJson;
      setImported((old) => ({...old, [spec]: result}));
      if (result.replacements.length > 0) notes.push(`Moved to the environment: ${result.replacements.map((replacement) => `${replacement.path} → ${replacement.to}`).join('; ')}`);
      issues.push(...result.issues.filter((issue) => issue.severity !== 'info'));
    }
    issues.push(...lintSpecText(spec, 'serviceSpec'));
    const read = readStrategy(spec);
    if (read.strategy === 'DAEMON' && answers.launchType === 'FARGATE') {
      issues.push({code: 'daemon-fargate', severity: 'error', source: 'serviceSpec', path: 'schedulingStrategy', message: 'The DAEMON scheduling strategy is not supported on Fargate', fix: 'Write "schedulingStrategy": "REPLICA"'});
    }
    if (specHasNetworkConfiguration(spec)) {
      issues.push({code: 'service-network-config', severity: 'warning', source: 'serviceSpec', path: 'networkConfiguration', message: "networkConfiguration is replaced at deploy time by the environment's network settings", fix: 'Remove it, and set subnets and security groups in the environment'});
    }
    return {text: spec, issues, notes, summary: `${read.strategy ?? 'REPLICA'}${read.desiredCount === undefined ? '' : `, desired count ${read.desiredCount}`}`};
  };

  if (mode !== 'menu') {
    return (
      <EditorField
        label={mode === 'import' ? 'Service specification from `aws ecs describe-services` output' : 'Service specification (JSON)'}
        what="service specification"
        starts={[
          {value: 'edit', label: 'Edit the JSON', text: () => composed.text},
          {value: 'import', label: 'Paste describe-services output', text: () => ''},
        ]}
        autoStart={mode}
        editor={props.services.editor()}
        check={check}
        active={props.active}
        onHelp={props.help}
        onAccept={(checked, start) => {
          let next: WizardAnswers = {...answers, serviceSpecJson: checked.text};
          const read = readStrategy(checked.text);
          if (read.strategy) next.strategy = read.strategy;
          if (read.desiredCount !== undefined) next.desiredCount = read.desiredCount;
          else delete next.desiredCount;
          const choices: Record<string, string> = {'service-json': start === 'import' ? 'imported from describe-services' : 'edited'};
          const discovery = readDiscovery(checked.text);
          if (discovery && (answers.discovery === undefined || answers.discovery === null)) {
            next.discovery = discovery;
            choices.discovery = 'paste';
          }
          const result = imported[checked.text];
          if (result?.ok) {
            const first = next.environments?.[0] ?? {};
            const environment = result.environment;
            next = patchEnvironment(next, 0, {
              ...(first.region === undefined && environment.region ? {region: environment.region} : {}),
              ...(first.cluster === undefined && environment.cluster ? {cluster: environment.cluster} : {}),
              ...(first.subnets === undefined && environment.network ? {subnets: environment.network.subnets, securityGroups: environment.network.securityGroups, assignPublicIp: environment.network.assignPublicIp} : {}),
            });
            if (next.environments?.[0] && Object.keys(next.environments[0]).length === 0) next = {...next, environments: []};
          }
          props.submit({answers: next, choices, ...(checked.notes.length > 0 ? {notice: checked.notes.join(' ')} : {})});
        }}
      />
    );
  }
  return (
    <SelectField
      label="Service specification"
      options={[
        {value: 'use', label: 'Use it', detail: answers.serviceSpecJson === undefined ? `the default for ${answers.strategy ?? 'REPLICA'}` : 'your JSON'},
        {value: 'edit', label: 'Edit the JSON in your editor', detail: 'any create-service parameter'},
        {value: 'import', label: 'Import describe-services output', detail: 'paste `aws ecs describe-services` to reuse a service'},
      ]}
      active={props.active}
      onHelp={props.help}
      onSubmit={(value) => {
        if (value === 'use') props.submit({choices: {'service-json': answers.serviceSpecJson === undefined ? 'the default' : 'your JSON'}});
        else setMode(value as 'edit' | 'import');
      }}
    >
      <JsonBlock text={composed.text} max={10} />
      {networkWarning ? <Note tone="warn" message="It has networkConfiguration: at deploy time the environment's network settings replace it." /> : null}
    </SelectField>
  );
}

function VariablesStep(props: StepViewProps) {
  const {answers} = props.ctx;
  const entries = entriesOf(answers.variables);
  const port = answers.discovery?.containerPort;
  if (answers.discovery?.use === 'container' && typeof port === 'number' && answers.variables?.[CONTAINER_PORT_VARIABLE] === undefined) {
    entries.push({name: CONTAINER_PORT_VARIABLE, value: String(port), offered: true});
  }
  const needed = missingVariables({...answers, variables: recordOf(entries)});
  return (
    <ListField
      label="Config variables (used as ${serviceVariable.NAME})"
      hint={`NAME=VALUE, one per line; Enter on an empty line when done; ↑ then x removes one.${entries.some((entry) => entry.offered) ? ' containerPort is offered for service discovery: the service registry then uses ${serviceVariable.containerPort}, which an environment can override.' : ''}`}
      initial={entries}
      parse={(text) => parseNameValue(text, {variable: true})}
      onDone={(done) => {
        const missing = missingVariables({...answers, variables: recordOf(done)});
        return missing.length === 0 ? undefined : `The specifications use ${missing.map((name) => `\${serviceVariable.${name}}`).join(', ')} with no value (an environment override can give it)`;
      }}
      active={props.active}
      onHelp={props.help}
      onSubmit={(done) => props.submit({answers: {...answers, variables: recordOf(done)}})}
    >
      {needed.length > 0 ? <Note tone="warn" message={`Needed by the specifications: ${needed.join(', ')}`} /> : null}
      {needed.map((name) => {
        const known = TEMPLATES.map((template) => template.variables[name]).find((variable) => variable !== undefined);
        return known ? <Note key={name} message={`${name}: ${known.description}, e.g. ${name}=${known.example}`} /> : null;
      })}
    </ListField>
  );
}

function RoleStep(props: StepViewProps) {
  const {ctx, services} = props;
  const {answers} = ctx;
  const forEnv = props.stepRef.id === 'env-role';
  const previous = ctx.env > 0 ? answers.environments?.[ctx.env - 1]?.executionRoleArn : undefined;
  const current = forEnv ? (envOf(ctx).executionRoleArn ?? answers.executionRoleArn ?? previous) : answers.executionRoleArn;
  const choiceKey = forEnv ? `env-role#${ctx.env}` : 'auth-role';
  const [names, setNames] = useState<string[]>([]);
  return (
    <PickerField
      label={forEnv ? 'Task execution role (replaces ${EXECUTION_ROLE})' : 'Task execution role (reads the credentials secret)'}
      hint="Roles that trust ecs-tasks.amazonaws.com are listed."
      what="roles trusting ecs-tasks.amazonaws.com"
      load={async () => {
        const listing = await services.executionRoles();
        if (!listing.ok) return listing;
        setNames(listing.items.map((role) => role.name));
        return {ok: true, items: listing.items.map((role) => ({value: role.arn, label: role.name, detail: role.arn}))};
      }}
      extra={names.includes(DEFAULT_EXECUTION_ROLE_NAME) ? [] : [{value: 'create', label: `Create ${DEFAULT_EXECUTION_ROLE_NAME}`, detail: 'trust policy + AmazonECSTaskExecutionRolePolicy (asks first)'}]}
      free={{validate: (text) => checkArnAnswer('iamRole', text, 'the role ARN'), hint: 'a role ARN'}}
      initial={ctx.choices[choiceKey] === 'create' && current === undefined ? 'create' : current}
      check={{
        progress: 'Checking the role (iam:GetRole)…',
        run: async ([value]) => {
          if (value === 'create') return {ok: true};
          const found = await services.role(value!);
          if (found.status === 'missing') return {ok: false, message: `No role ${value!.split('/').pop()} in this account: check the ARN, or choose Create ${DEFAULT_EXECUTION_ROLE_NAME}`};
          if (found.status === 'unknown') return {ok: true, note: `Could not check the role: ${found.reason}`};
          if (!found.value.trustsEcsTasks) return {ok: false, message: `${found.value.name} does not trust ecs-tasks.amazonaws.com, so ECS cannot use it as the execution role`};
          return {ok: true};
        },
      }}
      active={props.active}
      onHelp={props.help}
      onSubmit={([value], note) => {
        if (value === 'create') {
          props.submit({choices: {[choiceKey]: 'create'}});
          return;
        }
        const next = forEnv ? patchEnvironment(answers, ctx.env, {executionRoleArn: value!}) : {...answers, executionRoleArn: value!};
        props.submit({answers: next, choices: {[choiceKey]: 'pick'}, ...(note ? {notice: note} : {})});
      }}
    />
  );
}

function CreateRoleStep(props: StepViewProps) {
  const {ctx, services} = props;
  const forEnv = props.stepRef.id === 'env-role-create';
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  return (
    <SelectField
      label={`Create the IAM role ${DEFAULT_EXECUTION_ROLE_NAME} now? (iam:CreateRole, iam:AttachRolePolicy)`}
      options={[
        {value: 'yes', label: 'Yes, create it'},
        {value: 'no', label: 'No, go back'},
      ]}
      active={props.active && !busy}
      onHelp={props.help}
      onSubmit={(value) => {
        if (value === 'no') {
          props.back();
          return;
        }
        setBusy(true);
        setError(undefined);
        services.createExecutionRole(DEFAULT_EXECUTION_ROLE_NAME).then(
          (role) => {
            setBusy(false);
            const next = forEnv ? patchEnvironment(ctx.answers, ctx.env, {executionRoleArn: role.arn}) : {...ctx.answers, executionRoleArn: role.arn};
            props.submit({answers: next, notice: `Created ${role.arn}`});
          },
          (failure: unknown) => {
            setBusy(false);
            setError(`Could not create the role: ${errorMessage(failure)}. Go back (esc) and type the ARN of a role instead.`);
          },
        );
      }}
    >
      <Note message="Trust policy (who may assume it):" />
      <JsonBlock text={compactJson(executionRoleTrustPolicy())} max={14} />
      <Note message={`Managed policy attached: ${ECS_TASK_EXECUTION_ROLE_POLICY_ARN}`} />
      {busy ? <Note message="Creating the role…" /> : null}
      <Problem message={error} />
    </SelectField>
  );
}

function PolicyStep(props: StepViewProps) {
  const {ctx, services} = props;
  const {answers} = ctx;
  const auth = answers.registryAuth;
  const role = answers.executionRoleArn ?? '';
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  if (!auth) return <Problem message="No credentials secret: go back (esc)" />;
  const policy = privateRegistryPolicy(auth);
  const roleName = role.split('/').pop() ?? role;
  const command = `aws iam put-role-policy --role-name ${roleName} --policy-name ${PRIVATE_REGISTRY_POLICY_NAME} --policy-document file://policy.json`;
  return (
    <SelectField
      label={`Put this inline policy (${PRIVATE_REGISTRY_POLICY_NAME}) on ${roleName}? (iam:PutRolePolicy)`}
      options={[
        {value: 'yes', label: 'Yes, put it on the role'},
        {value: 'no', label: 'No, I will add it myself', detail: 'the command is shown'},
      ]}
      active={props.active && !busy}
      onHelp={props.help}
      onSubmit={(value) => {
        if (value === 'no') {
          props.submit({choices: {'auth-policy': 'not applied (add it yourself)'}, notice: `To add it later: ${command}`});
          return;
        }
        setBusy(true);
        setError(undefined);
        services.putRolePolicy(role, PRIVATE_REGISTRY_POLICY_NAME, policy).then(
          () => {
            setBusy(false);
            props.submit({choices: {'auth-policy': `put on ${roleName} (${PRIVATE_REGISTRY_POLICY_NAME})`}});
          },
          (failure: unknown) => {
            setBusy(false);
            setError(`Could not put the policy: ${errorMessage(failure)}. Choose No to add it yourself: ${command}`);
          },
        );
      }}
    >
      <Note message="Least privilege: secretsmanager:GetSecretValue on exactly this secret, and kms:Decrypt only for a custom key." />
      <JsonBlock text={compactJson(policy)} max={18} />
      {busy ? <Note message="Putting the policy on the role…" /> : null}
      <Problem message={error} />
    </SelectField>
  );
}

function ClusterStep(props: StepViewProps) {
  const {ctx, services} = props;
  const env = envOf(ctx);
  const region = env.region ?? services.defaultRegion() ?? 'us-east-1';
  const [known, setKnown] = useState<string[] | undefined>();
  return (
    <PickerField
      label="ECS cluster"
      hint="Type a new name to have it created at the first deploy."
      what={`clusters in ${region}`}
      load={async () => {
        const listing = await services.clusters(region);
        if (!listing.ok) return listing;
        setKnown(listing.items);
        return {ok: true, items: listing.items.map((name) => ({value: name, label: name}))};
      }}
      free={{validate: checkClusterName, hint: 'a cluster name (new names are created at deploy)'}}
      initial={env.cluster}
      active={props.active}
      onHelp={props.help}
      onSubmit={([cluster]) =>
        props.submit({
          answers: patchEnvironment(ctx.answers, ctx.env, {cluster: cluster!}),
          choices: {[`env-cluster#${ctx.env}`]: known === undefined ? 'typed' : known.includes(cluster!) ? 'existing' : 'new'},
        })
      }
    />
  );
}

function SaveStep(props: StepViewProps) {
  const {ctx, services} = props;
  const [taken, setTaken] = useState<string[] | undefined>();
  React.useEffect(() => {
    services.profileNames().then(setTaken, () => setTaken([]));
  }, []);
  if (taken === undefined) return <Note message="Reading saved profiles…" />;
  return (
    <TextField
      label="Save as profile"
      hint="Letters, digits, - and _. Saved on this machine: ARNs and settings, never credentials."
      initial={ctx.answers.profileName}
      suggestion={ctx.answers.profileName === undefined ? suggestProfileName(ctx.answers, taken) : undefined}
      validate={(text) => {
        const checked = checkProfileName(text);
        if (checked.ok && taken.includes(checked.value)) return {ok: false, message: `A profile named ${checked.value} exists: choose another name (or remove it in Manage profiles)`};
        return checked;
      }}
      check={{
        progress: 'Saving…',
        run: async (name) => {
          const assembled = assembleProfile({...ctx.answers, profileName: name}, {name, now: services.now()});
          if (assembled.profile === undefined || blockingCount(assembled) > 0) {
            const first = assembled.problems.find((problem) => problem.severity === 'error');
            return {ok: false, message: `The profile is not complete: ${first?.message ?? 'see the review'} — go back (esc)`};
          }
          try {
            await services.saveProfile(assembled.profile);
          } catch (failure) {
            return {ok: false, message: errorMessage(failure)};
          }
          props.saved(assembled.profile);
          return {ok: true};
        },
      }}
      active={props.active}
      onHelp={props.help}
      onSubmit={() => undefined}
    />
  );
}
