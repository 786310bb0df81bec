/** 3. The artifact source: Docker Hub, a private Docker Registry HTTP API v2 server, or Amazon ECR. */
import {inferRegistryKind} from '../../../domain/image.js';
import type {WizardAnswers} from '../../../domain/wizard-answers.js';
import type {Question} from '../question.js';
import {checkRegistryHost} from './registry-url.js';

export const registry: Question = {
  id: 'registry',
  section: 2,
  label: 'Artifact source',
  summary: (ctx) => ({dockerhub: 'Docker Hub', registry: 'private Docker registry', ecr: 'Amazon ECR'})[ctx.answers.registry ?? 'dockerhub'],
  help: [
    'The artifact source says where the Docker image comes from: Docker Hub (public images such as library/nginx), a private registry that speaks the Docker Registry HTTP API v2, or Amazon ECR in your account.',
    'For a private registry, ECS private registry authentication for tasks uses AWS Secrets Manager: you store the credentials securely and reference them in the container definition (step 8).',
  ],
  prompt: ({ctx: {answers}}) => ({
    kind: 'select',
    label: 'Where does the Docker image come from?',
    initial: answers.registry,
    options: [
      {value: 'dockerhub', label: 'Docker Hub', detail: 'public images such as library/nginx'},
      {value: 'registry', label: 'Private registry', detail: 'a Docker Registry HTTP API v2 server (address, optional user)'},
      {value: 'ecr', label: 'Amazon ECR', detail: 'repositories of your AWS account'},
    ],
    submit: (value) => {
      const registry = value as WizardAnswers['registry'];
      const next: WizardAnswers = {...answers, registry};
      if (registry !== answers.registry) {
        delete next.registryHost;
        delete next.artifactServer;
        if (registry !== 'registry') {
          delete next.registryAuth;
          delete next.registryUsername;
          delete next.registryAnonymous;
        }
      }
      return {answers: next};
    },
  }),
  flags: [
    {
      name: 'registry',
      type: 'string',
      value: 'dockerhub|ecr|URL',
      description: 'where the image comes from: Docker Hub, Amazon ECR, or a private v2 registry address',
    },
  ],
  fields: {registry: '--registry'},
  fromFlags(draft) {
    const flag = draft.value('registry');
    if (flag === undefined) {
      // (An --artifact-server already gave the registry.)
      if (!draft.interactive && draft.answers.registry === undefined) draft.answers = {...draft.answers, registry: 'dockerhub'};
      return;
    }
    const lower = flag.trim().toLowerCase();
    // Docker Hub by any of its addresses (the setup guide writes registry.hub.docker.com), not a private registry.
    const address = lower.replace(/^https?:\/\//, '').replace(/\/+$/, '');
    if (lower === 'dockerhub' || lower === 'docker-hub' || (address !== '' && inferRegistryKind(address) === 'dockerhub'))
      draft.answers = {...draft.answers, registry: 'dockerhub'};
    else if (lower === 'ecr') draft.answers = {...draft.answers, registry: 'ecr'};
    else {
      const host = draft.take('registry', flag, checkRegistryHost);
      if (host !== undefined) {
        draft.answers = {...draft.answers, registry: 'registry', registryHost: host};
        draft.given['registry-url'] = '--registry';
      }
    }
    if (draft.answers.registry !== undefined) draft.given.registry = '--registry';
  },
};
