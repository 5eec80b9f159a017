/** Names and limits of the Job controller (batch/v1 and job_controller.go, v1.32). */
export const JOB_CONTROLLER = 'job-controller';
export const JOB_TRACKING_FINALIZER = 'batch.kubernetes.io/job-tracking';
export const JOB_COMPLETION_INDEX = 'batch.kubernetes.io/job-completion-index';
export const JOB_INDEX_FAILURE_COUNT = 'batch.kubernetes.io/job-index-failure-count';
export const JOB_INDEX_IGNORED_FAILURE_COUNT = 'batch.kubernetes.io/job-index-ignored-failure-count';
export const COMPLETION_INDEX_ENV = 'JOB_COMPLETION_INDEX';

/** DefaultJobPodFailureBackOff / MaxJobPodFailureBackOff (the code's cap is 10 min, not the docs' 6). */
export const POD_FAILURE_BACKOFF_MS = 10_000;
export const MAX_POD_FAILURE_BACKOFF_MS = 600_000;
/** syncJobBatchPeriod: pod events and status-only job updates sync the job one second later. */
export const SYNC_BATCH_PERIOD_MS = 1_000;
export const MAX_UNCOUNTED_PODS = 500;
export const MAX_POD_CREATE_DELETE_PER_SYNC = 500;

export const MSG_BACKOFF_LIMIT = 'Job has reached the specified backoff limit';
export const MSG_DEADLINE = 'Job was active longer than specified deadline';
export const MSG_MAX_FAILED_INDEXES = 'Job has exceeded the specified maximal number of failed indexes';
export const MSG_FAILED_INDEXES = 'Job has failed indexes';
export const MSG_COMPLETIONS_REACHED = 'Reached expected number of succeeded pods';
