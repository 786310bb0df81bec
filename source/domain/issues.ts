/**
 * A located validation issue: every rule of the domain core reports in this one shape, so the
 * wizard, `init`, `verify` and the review step can show the same thing (path, line/column, fix).
 */
export type Severity = 'error' | 'warning' | 'info';

/** Which document an issue is about. */
export type IssueSource = 'containerSpec' | 'serviceSpec' | 'profile' | 'environment' | 'variables' | 'import';

export interface Issue {
  /** A stable rule identifier, e.g. `fargate-cpu-memory`, `json-syntax`, `unknown-placeholder`. */
  code: string;
  severity: Severity;
  source: IssueSource;
  /** JSON path in the document, e.g. `containerDefinitions[0].portMappings[1].hostPort`; `` for the whole document. */
  path: string;
  message: string;
  /** What to do about it, when there is one concrete fix. */
  fix?: string;
  /** 1-based position in the source text, when the issue comes from text (JSON syntax errors, placeholders). */
  line?: number;
  column?: number;
}

export const hasErrors = (issues: readonly Issue[]): boolean => issues.some((issue) => issue.severity === 'error');

/** `containerSpec containerDefinitions[0].image (line 4, column 12): message` */
export function formatIssueLocation(issue: Issue): string {
  const where = issue.path === '' ? issue.source : `${issue.source} ${issue.path}`;
  return issue.line === undefined ? where : `${where} (line ${issue.line}, column ${issue.column ?? 1})`;
}
