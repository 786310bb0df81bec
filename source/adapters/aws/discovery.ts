/**
 * DiscoveryPort on the AWS SDK v3 (Cloud Map). Errors become AwsError; a service that does not exist is undefined.
 */
import type {ServiceDiscoveryClient} from '@aws-sdk/client-servicediscovery';
import {AwsError} from '../../errors.js';
import type {DiscoveryNamespace, DiscoveryPort, DiscoveryService} from '../../ports/discovery.js';
import type {AwsClientFactory} from './client-factory.js';
import {describeAwsError} from './errors.js';

interface SdkService {
  Id?: string;
  Arn?: string;
  Name?: string;
  NamespaceId?: string;
  DnsConfig?: {NamespaceId?: string; DnsRecords?: Array<{Type?: string}>};
}

/** `arn:aws:servicediscovery:REGION:ACCOUNT:service/srv-…` → `srv-…`; an id stays as it is. */
export function serviceIdOf(arnOrId: string): string {
  if (!arnOrId.startsWith('arn:')) return arnOrId;
  return arnOrId.slice(arnOrId.lastIndexOf('/') + 1);
}

function serviceOf(service: SdkService, namespaceId?: string): DiscoveryService {
  return {
    id: service.Id ?? '',
    arn: service.Arn ?? '',
    name: service.Name ?? '',
    namespaceId: service.NamespaceId ?? service.DnsConfig?.NamespaceId ?? namespaceId,
    recordTypes: (service.DnsConfig?.DnsRecords ?? []).flatMap((record) => (record.Type === undefined ? [] : [record.Type])),
  };
}

export async function createDiscoveryPort(factory: AwsClientFactory): Promise<DiscoveryPort> {
  const client: ServiceDiscoveryClient = await factory.client('servicediscovery');
  const sdk = await import('@aws-sdk/client-servicediscovery');
  const target = await factory.target('servicediscovery');

  async function call<T>(operation: string, send: () => Promise<T>): Promise<T> {
    try {
      return await send();
    } catch (error) {
      throw describeAwsError(error, {service: 'servicediscovery', operation, ...target});
    }
  }

  return {
    async getService(registryArnOrId) {
      try {
        const result = await call('GetService', () => client.send(new sdk.GetServiceCommand({Id: serviceIdOf(registryArnOrId)})));
        return result.Service === undefined ? undefined : serviceOf(result.Service);
      } catch (error) {
        // ServiceNotFound; an id that is not even well-formed names no service either.
        if (error instanceof AwsError && (error.kind === 'not-found' || (error.kind === 'invalid' && /Id/i.test(error.message)))) return undefined;
        throw error;
      }
    },

    async listNamespaces() {
      const namespaces: DiscoveryNamespace[] = [];
      let nextToken: string | undefined;
      do {
        const page = await call('ListNamespaces', () => client.send(new sdk.ListNamespacesCommand({NextToken: nextToken})));
        for (const namespace of page.Namespaces ?? []) {
          namespaces.push({id: namespace.Id ?? '', arn: namespace.Arn ?? '', name: namespace.Name ?? '', type: namespace.Type});
        }
        nextToken = page.NextToken === '' ? undefined : page.NextToken;
      } while (nextToken !== undefined);
      return namespaces;
    },

    async listServices(namespaceId) {
      const services: DiscoveryService[] = [];
      const Filters = namespaceId === undefined ? undefined : [{Name: 'NAMESPACE_ID' as const, Values: [namespaceId], Condition: 'EQ' as const}];
      let nextToken: string | undefined;
      do {
        const page = await call('ListServices', () => client.send(new sdk.ListServicesCommand({NextToken: nextToken, Filters})));
        services.push(...(page.Services ?? []).map((service) => serviceOf(service, namespaceId)));
        nextToken = page.NextToken === '' ? undefined : page.NextToken;
      } while (nextToken !== undefined);
      return services;
    },
  };
}
