/**
 * AWS Cloud Map (service discovery), as `serviceRegistries` needs it: whether a registry's records are SRV or
 * A only decides which of containerName/containerPort/port are allowed (design/ecs-facts.md).
 * Implemented by adapters/aws/discovery.ts.
 *
 * Errors: AwsError (source/errors.ts); a service that does not exist is undefined, not an error.
 */
export interface DiscoveryNamespace {
  id: string;
  arn: string;
  name: string;
  /** DNS_PUBLIC, DNS_PRIVATE or HTTP. */
  type?: string;
}

export interface DiscoveryService {
  /** `srv-…`. */
  id: string;
  /** `arn:aws:servicediscovery:REGION:ACCOUNT:service/srv-…` — what `serviceRegistries[].registryArn` takes. */
  arn: string;
  name: string;
  namespaceId?: string;
  /** DnsConfig.DnsRecords[].Type in order, e.g. ['SRV'] or ['A'] ([] for an HTTP-only service). */
  recordTypes: string[];
}

export interface DiscoveryPort {
  /** GetService by registry ARN (or `srv-…` id); undefined when there is no such service. */
  getService(registryArnOrId: string): Promise<DiscoveryService | undefined>;
  /** All namespaces (every page). */
  listNamespaces(): Promise<DiscoveryNamespace[]>;
  /** All services (every page), of one namespace when given. */
  listServices(namespaceId?: string): Promise<DiscoveryService[]>;
}
