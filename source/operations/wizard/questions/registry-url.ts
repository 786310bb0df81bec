/** 3. A private registry's address (given with --registry URL). */
import {inferRegistryKind, isValidRegistryHost} from '../../../domain/image.js';
import {bad, ok, type Checked} from '../answer-checks.js';
import {textPrompt, type Question} from '../question.js';

/** A registry given as `host[:port]` or a URL (`https://host:5000/v2/`) → its host. */
export function checkRegistryHost(text: string): Checked<string> {
  let host = text.trim().replace(/^[a-z]+:\/\//i, '');
  host = host.replace(/\/(v2\/?)?$/, '');
  if (host === '') return bad('Give the registry address, e.g. registry.example.com or localhost:5000');
  if (host.includes('/')) return bad(`"${text.trim()}" has a path: give only the registry address (host or host:port), e.g. registry.example.com:5000`);
  if (!isValidRegistryHost(host)) return bad(`"${host}" is not a registry address: write host or host:port, e.g. registry.example.com:5000`);
  return ok(host);
}

export const registryUrl: Question = {
  id: 'registry-url',
  section: 2,
  label: 'Registry',
  applies: (ctx) => ctx.answers.registry === 'registry',
  summary: (ctx) => ctx.answers.registryHost ?? '',
  help: ['The address of the private registry: host or host:port, e.g. registry.example.com or localhost:5000 (https:// and /v2/ may be left in).'],
  prompt: ({ctx}) =>
    textPrompt({
      label: 'Registry address',
      hint: 'host or host:port of the Docker Registry HTTP API v2 server',
      initial: ctx.answers.registryHost,
      validate: checkRegistryHost,
      submit: (value) => {
        if (inferRegistryKind(value) === 'dockerhub') {
          // Docker Hub by one of its addresses (the setup guide's own example writes registry.hub.docker.com): no
          // private registry, no credentials secret for a public image.
          const answers = {...ctx.answers, registry: 'dockerhub' as const};
          delete answers.registryHost;
          delete answers.registryAuth;
          delete answers.registryUsername;
          delete answers.registryAnonymous;
          return {answers, notice: `${value} is Docker Hub: the image comes from Docker Hub (a public image needs no credentials)`};
        }
        const answers = {...ctx.answers, registryHost: value};
        // Whether another registry lets anyone pull is asked (and checked) again.
        if (value !== ctx.answers.registryHost && answers.registryAnonymous === true) {
          delete answers.registryAnonymous;
          if (answers.registryAuth === null) delete answers.registryAuth;
        }
        return {answers};
      },
    }),
  fields: {registryHost: '--registry URL'},
};
