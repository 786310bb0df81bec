/**
 * EC2 networking as the setup wizard needs it for awsvpc environments: which VPCs, subnets and security
 * groups exist, so that the person picks them instead of typing ids. Implemented by adapters/aws/ec2.ts.
 *
 * Errors: AwsError (source/errors.ts), e.g. `access-denied` when ec2:DescribeSubnets is not allowed — the
 * wizard then falls back to typed ids.
 */
export interface Vpc {
  id: string;
  cidr?: string;
  /** The `Name` tag. */
  name?: string;
  isDefault: boolean;
}

export interface Subnet {
  id: string;
  vpcId: string;
  availabilityZone?: string;
  cidr?: string;
  name?: string;
  /** True when instances launched in it get a public IP by default (usually: a public subnet). */
  mapPublicIpOnLaunch: boolean;
}

export interface SecurityGroup {
  id: string;
  vpcId?: string;
  /** The group name (GroupName). */
  name: string;
  description?: string;
}

export interface NetworkPort {
  /** The region the calls go to. */
  readonly region: string;
  /** All VPCs (every page). */
  listVpcs(): Promise<Vpc[]>;
  /** All subnets (every page), of one VPC when given. */
  listSubnets(vpcId?: string): Promise<Subnet[]>;
  /** All security groups (every page), of one VPC when given. */
  listSecurityGroups(vpcId?: string): Promise<SecurityGroup[]>;
}
