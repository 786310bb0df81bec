import {MemoryProfileStore} from '../../source/adapters/memory-profile-store.js';
import {systemClock} from '../../source/adapters/system-clock.js';
import {userFiles} from '../../source/adapters/files.js';
import type {CompositionRoot} from '../../source/ports/root.js';
import type {Clock} from '../../source/ports/clock.js';
import type {EcsPort} from '../../source/ports/ecs.js';
import type {ProfileStore} from '../../source/ports/profile-store.js';
import type {CheckPorts} from '../../source/ports/deploy.js';
import {simulatedDeployPorts} from '../../source/composition.js';
import type {NetworkPort} from '../../source/ports/network.js';
import type {CloudFormationPort, TerraformStatePort} from '../../source/ports/provisioners.js';
import type {RepositoriesPort} from '../../source/ports/repositories.js';
import type {EditorPort} from '../../source/ports/editor.js';
import type {DraftStore, WizardDraft} from '../../source/ports/draft-store.js';
import {createTerraformState} from '../../source/adapters/terraform-state.js';
import {readTemplate} from '../../source/adapters/templates.js';

/** The wizard's own ports of a test root (each defaults to one that fails loudly, the draft to memory). */
export interface WizardRootParts {
  network: NetworkPort | ((region?: string) => NetworkPort);
  cloudFormation: CloudFormationPort | ((region?: string) => CloudFormationPort);
  repositories: RepositoriesPort | ((region?: string) => RepositoriesPort);
  terraformState: TerraformStatePort;
  editor: EditorPort;
  draft: DraftStore;
}

/** A draft store in memory. */
export function memoryDraftStore(): DraftStore & {current?: WizardDraft} {
  const store: DraftStore & {current?: WizardDraft} = {
    load: async () => store.current,
    save: async (draft) => {
      store.current = draft;
      return '/memory/wizard-draft.json';
    },
    clear: async () => {
      delete store.current;
    },
  };
  return store;
}

/**
 * A composition root for tests: an in-memory store by default, and no AWS unless a test hands in its
 * own ports (asking for one that was not given fails the test loudly).
 */
export function testRoot(
  parts: {
    store?: ProfileStore;
    ecs?: EcsPort | ((region?: string) => EcsPort | Promise<EcsPort>);
    clock?: Clock;
    version?: string;
    /** What the header shows as region and AWS profile (default: none configured). */
    awsContext?: {region?: string; profile?: string};
    /** The pre-flight check ports of a deploy (iam, secrets, discovery, logs, registry). */
    checks?: CheckPorts;
    /** The setup wizard's ports (network, provisioners, ECR repositories, editor, draft). */
    wizard?: Partial<WizardRootParts>;
  } = {},
): CompositionRoot {
  const store = parts.store ?? new MemoryProfileStore();
  const wizard = parts.wizard ?? {};
  const draft = wizard.draft ?? memoryDraftStore();
  return {
    version: parts.version ?? '9.9.9',
    clock: parts.clock ?? systemClock,
    files: userFiles,
    profileStore: async () => store,
    awsContext: () => parts.awsContext ?? {},
    ecs: async (region) => {
      if (!parts.ecs) throw new Error('this test gave no ECS port');
      return typeof parts.ecs === 'function' ? parts.ecs(region) : parts.ecs;
    },
    iam: async () => checkPorts().iam,
    secrets: async () => checkPorts().secrets,
    discovery: async () => checkPorts().discovery,
    logs: async (region) => checkPorts().logs(region ?? 'us-east-1'),
    registry: async () => checkPorts().registry,
    async deployPorts(region, options = {}) {
      if (options.simulate !== undefined) return simulatedDeployPorts(this.clock, region, options.simulate);
      if (options.checks === false) return {ecs: await this.ecs(region)};
      return {ecs: await this.ecs(region), checks: checkPorts()};
    },
    network: async (region) => pick('network', region),
    loadBalancing: async () => optionalCheckPort('loadBalancing'),
    lambda: async () => optionalCheckPort('lambda'),
    alarms: async () => optionalCheckPort('alarms'),
    cloudFormation: async (region) => pick('cloudFormation', region),
    repositories: async (region) => pick('repositories', region),
    terraformState: () => wizard.terraformState ?? createTerraformState(),
    editor: () => {
      if (!wizard.editor) throw new Error('this test gave no editor');
      return wizard.editor;
    },
    wizardDraft: async () => draft,
    template: (name) => readTemplate(name),
  };
  function pick<K extends 'network' | 'cloudFormation' | 'repositories'>(name: K, region?: string): Exclude<WizardRootParts[K], (...args: never[]) => unknown> {
    const part = wizard[name];
    if (!part) throw new Error(`this test gave no ${name} port`);
    return (typeof part === 'function' ? part(region) : part) as Exclude<WizardRootParts[K], (...args: never[]) => unknown>;
  }
  async function optionalCheckPort<K extends 'loadBalancing' | 'lambda' | 'alarms'>(name: K): Promise<Awaited<ReturnType<NonNullable<CheckPorts[K]>>>> {
    const get = checkPorts()[name];
    if (!get) throw new Error(`this test gave no ${name} port`);
    return (await get()) as Awaited<ReturnType<NonNullable<CheckPorts[K]>>>;
  }
  function checkPorts(): CheckPorts {
    if (!parts.checks) throw new Error('this test gave no pre-flight check ports');
    return parts.checks;
  }
}
