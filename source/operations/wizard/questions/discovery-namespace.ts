/** 6. Picking a Cloud Map service: first its namespace (a DNS domain such as local or example.internal). */
import type {Question} from '../question.js';

/** The names of the namespaces listed (by id), for the collapsed line. */
const namespaceNames = new Map<string, string>();

export const discoveryNamespace: Question = {
  id: 'discovery-namespace',
  section: 5,
  label: 'Namespace',
  applies: (ctx) => ctx.choices.discovery === 'pick',
  summary: (ctx) => ctx.choices['discovery-namespace-name'] ?? ctx.choices['discovery-namespace'] ?? '',
  help: ['The Cloud Map namespace (a DNS domain such as local or example.internal) holding the service.'],
  prompt: ({ctx, services}) => ({
    kind: 'picker',
    label: 'Cloud Map namespace',
    hint: "If they cannot be listed, go back (esc) and paste the service's ARN.",
    what: `Cloud Map namespaces in ${services.defaultRegion() ?? 'the default region'}`,
    load: async () => {
      const listing = await services.namespaces();
      if (!listing.ok) return listing;
      for (const namespace of listing.items) namespaceNames.set(namespace.id, namespace.name);
      return {ok: true, items: listing.items.map((namespace) => ({value: namespace.id, label: namespace.name, detail: namespace.type ?? ''}))};
    },
    initial: ctx.choices['discovery-namespace'],
    submit: ([id]) => ({choices: {'discovery-namespace': id!, 'discovery-namespace-name': namespaceNames.get(id!) ?? id!}}),
  }),
};
