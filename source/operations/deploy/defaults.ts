/**
 * The defaults of a run that watches (deploy, rollback, watch; the home screen's run). A module of its own because
 * the command table's option declarations read it at start-up: it must not pull the deploy code in.
 */

/** --timeout: give up watching after this long (exit 4; the deployment goes on). */
export const DEFAULT_TIMEOUT_MS = 15 * 60_000;
/** --no-progress-timeout: give up when nothing changes for this long. */
export const DEFAULT_NO_PROGRESS_TIMEOUT_MS = 5 * 60_000;
