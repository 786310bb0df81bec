/** NetworkPort on the AWS SDK v3 (EC2 DescribeVpcs / DescribeSubnets / DescribeSecurityGroups, every page). */
import type {EC2Client, Tag} from '@aws-sdk/client-ec2';
import type {NetworkPort, SecurityGroup, Subnet, Vpc} from '../../ports/network.js';
import type {AwsClientFactory} from './client-factory.js';
import {describeAwsError} from './errors.js';

const nameTag = (tags: Tag[] | undefined): string | undefined => tags?.find((tag) => tag.Key === 'Name')?.Value || undefined;
const token = (value: string | undefined): string | undefined => (value === '' ? undefined : value);

export async function createNetworkPort(factory: AwsClientFactory): Promise<NetworkPort> {
  const client: EC2Client = await factory.client('ec2');
  const sdk = await import('@aws-sdk/client-ec2');
  const target = await factory.target('ec2');

  async function call<T>(operation: string, send: () => Promise<T>): Promise<T> {
    try {
      return await send();
    } catch (error) {
      throw describeAwsError(error, {service: 'ec2', operation, ...target});
    }
  }
  const vpcFilter = (vpcId: string | undefined) => (vpcId === undefined ? undefined : [{Name: 'vpc-id', Values: [vpcId]}]);

  return {
    region: target.region,
    async listVpcs() {
      const vpcs: Vpc[] = [];
      let NextToken: string | undefined;
      do {
        const page = await call('DescribeVpcs', () => client.send(new sdk.DescribeVpcsCommand({NextToken})));
        for (const vpc of page.Vpcs ?? []) {
          vpcs.push({id: vpc.VpcId ?? '', cidr: vpc.CidrBlock, name: nameTag(vpc.Tags), isDefault: vpc.IsDefault === true});
        }
        NextToken = token(page.NextToken);
      } while (NextToken !== undefined);
      return vpcs;
    },
    async listSubnets(vpcId) {
      const subnets: Subnet[] = [];
      let NextToken: string | undefined;
      do {
        const page = await call('DescribeSubnets', () => client.send(new sdk.DescribeSubnetsCommand({Filters: vpcFilter(vpcId), NextToken})));
        for (const subnet of page.Subnets ?? []) {
          subnets.push({
            id: subnet.SubnetId ?? '',
            vpcId: subnet.VpcId ?? '',
            availabilityZone: subnet.AvailabilityZone,
            cidr: subnet.CidrBlock,
            name: nameTag(subnet.Tags),
            mapPublicIpOnLaunch: subnet.MapPublicIpOnLaunch === true,
          });
        }
        NextToken = token(page.NextToken);
      } while (NextToken !== undefined);
      return subnets.sort(
        (a, b) => a.vpcId.localeCompare(b.vpcId) || (a.availabilityZone ?? '').localeCompare(b.availabilityZone ?? '') || a.id.localeCompare(b.id),
      );
    },
    async listSecurityGroups(vpcId) {
      const groups: SecurityGroup[] = [];
      let NextToken: string | undefined;
      do {
        const page = await call('DescribeSecurityGroups', () => client.send(new sdk.DescribeSecurityGroupsCommand({Filters: vpcFilter(vpcId), NextToken})));
        for (const group of page.SecurityGroups ?? []) {
          groups.push({id: group.GroupId ?? '', vpcId: group.VpcId, name: group.GroupName ?? '', description: group.Description});
        }
        NextToken = token(page.NextToken);
      } while (NextToken !== undefined);
      return groups.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
    },
  };
}
