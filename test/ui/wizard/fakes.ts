/** Fake WizardServices for the wizard's screen tests: everything offline unless a test lists something. */
import {readTemplate} from '../../../source/adapters/templates.js';
import type {JsonObject} from '../../../source/domain/json.js';
import type {Profile} from '../../../source/domain/model.js';
import type {WizardServices} from '../../../source/operations/wizard/services.js';
import type {EditorPort} from '../../../source/ports/editor.js';
import {memoryDraftStore} from '../../helpers/fake-root.js';

export const NOW = '2026-01-02T03:04:05.000Z';
export const OFFLINE = {ok: false as const, reason: 'cannot reach AWS at http://127.0.0.1:9 (ECONNREFUSED)'};

export interface Fakes {
  services: WizardServices;
  /** Texts the fake editor "saves", one per opening (when empty: the text is saved unchanged). */
  edits: string[];
  /** What the editor was opened with, in order. */
  opened: string[];
  saved: Profile[];
  createdRoles: string[];
  policies: Array<{role: string; name: string; document: JsonObject}>;
  draft: ReturnType<typeof memoryDraftStore>;
}

export function fakeServices(overrides: Partial<WizardServices> = {}, options: {editor?: 'none'} = {}): Fakes {
  const fakes: Fakes = {
    edits: [],
    opened: [],
    saved: [],
    createdRoles: [],
    policies: [],
    draft: memoryDraftStore(),
    services: undefined as unknown as WizardServices,
  };
  const files = new Map<string, string>();
  const editor: EditorPort = {
    describe: () => (options.editor === 'none' ? undefined : 'fake-editor'),
    edit(text) {
      fakes.opened.push(text);
      const next = fakes.edits.shift();
      return {kind: 'edited', text: next ?? text, editor: 'fake-editor'};
    },
    async prepareFile(text) {
      const path = `/tmp/fake-${files.size}.json`;
      files.set(path, text);
      fakes.opened.push(text);
      return path;
    },
    async readFile(path) {
      const next = fakes.edits.shift();
      if (next !== undefined) return next;
      const text = files.get(path);
      if (text === undefined) throw new Error(`no file at ${path}`);
      return text;
    },
  };
  fakes.services = {
    applications: async () => ({ok: true, items: ['shop']}),
    profileNames: async () => fakes.saved.map((profile) => profile.name),
    saveProfile: async (profile) => {
      fakes.saved.push(profile);
    },
    ecrRepositories: async () => OFFLINE,
    tags: async () => OFFLINE,
    tagDetails: async () => ({status: 'unknown', reason: OFFLINE.reason}),
    registryAccess: async () => ({status: 'unknown', kind: 'unreachable', reason: OFFLINE.reason}),
    clusters: async () => OFFLINE,
    namespaces: async () => OFFLINE,
    discoveryServices: async () => OFFLINE,
    discoveryService: async () => ({status: 'unknown', reason: OFFLINE.reason}),
    secrets: async () => OFFLINE,
    secret: async () => ({status: 'unknown', reason: OFFLINE.reason}),
    executionRoles: async () => OFFLINE,
    role: async () => ({status: 'unknown', reason: OFFLINE.reason}),
    createExecutionRole: async (name) => {
      fakes.createdRoles.push(name);
      return {arn: `arn:aws:iam::123456789012:role/${name}`, name, trustsEcsTasks: true, trustPolicy: {}};
    },
    putRolePolicy: async (role, name, document) => {
      fakes.policies.push({role, name, document});
    },
    vpcs: async () => OFFLINE,
    subnets: async () => OFFLINE,
    securityGroups: async () => OFFLINE,
    stacks: async () => OFFLINE,
    loadBalancers: async () => OFFLINE,
    loadBalancer: async () => ({status: 'unknown', reason: OFFLINE.reason}),
    listeners: async () => OFFLINE,
    listenerRules: async () => OFFLINE,
    listenerRule: async () => ({status: 'unknown', reason: OFFLINE.reason}),
    targetGroups: async () => OFFLINE,
    targetGroup: async () => ({status: 'unknown', reason: OFFLINE.reason}),
    trafficRoles: async () => OFFLINE,
    listFunctions: async () => OFFLINE,
    listAlarms: async () => OFFLINE,
    createTrafficRole: async (name) => {
      fakes.createdRoles.push(name);
      return {arn: `arn:aws:iam::123456789012:role/${name}`, name, trustsEcsTasks: false, trustPolicy: {}};
    },
    stackOutputs: async () => ({status: 'unknown', reason: OFFLINE.reason}),
    terraformOutputs: async () => ({status: 'unknown', reason: 'no file'}),
    terraformPath: (path) => (path.startsWith('/') ? path : `/work/${path}`),
    liveDiff: async () => OFFLINE,
    editor: () => editor,
    draft: async () => fakes.draft,
    template: (name) => readTemplate(name),
    defaultRegion: () => 'us-east-1',
    registryPassword: () => undefined,
    now: () => NOW,
    ...overrides,
  };
  return fakes;
}
