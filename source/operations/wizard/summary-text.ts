/** How answers are written in the collapsed `Label: value` lines of the flow. */

/** Values separated by commas (`none` when there are none). */
export const listLine = (values: readonly string[] | undefined): string => (values === undefined || values.length === 0 ? 'none' : values.join(', '));

/** NAME=VALUE pairs on one line (`none` when there are none). */
export const pairsLine = (values: Readonly<Record<string, string>> | undefined): string => {
  const entries = Object.entries(values ?? {});
  return entries.length === 0 ? 'none' : entries.map(([name, value]) => `${name}=${value}`).join(', ');
};

/** A long ARN shortened to its end. */
export const shortArn = (arn: string | undefined): string => (arn === undefined ? '' : arn.length > 90 ? `…${arn.slice(-80)}` : arn);
