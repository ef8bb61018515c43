/**
 * A policy that cannot be used. Thrown when the policies are compiled (at build
 * time and when the isolate loads), never while serving a visitor.
 */
export interface PolicyIssue {
  /** Path inside the file, e.g. `cookies.3.category`. Empty for the file as a whole. */
  path: string;
  message: string;
}

export class PolicyError extends Error {
  override readonly name = "PolicyError";

  readonly file: string;
  readonly issues: readonly PolicyIssue[];

  constructor(file: string, issues: readonly PolicyIssue[]) {
    super(formatIssues(file, issues));
    this.file = file;
    this.issues = issues;
  }
}

/** `["cookies", 3, "category"]` → `cookies.3.category` */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.map(String).join(".");
}

/**
 * One short line per problem, `file: path: reason`, the form compilers use, so
 * editors and CI logs link each line to its file.
 */
export function formatIssues(file: string, issues: readonly PolicyIssue[]): string {
  return issues.map((issue) => `${file}: ${issue.path === "" ? "(file)" : issue.path}: ${issue.message}`).join("\n");
}
