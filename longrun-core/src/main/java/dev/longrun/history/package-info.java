/**
 * What happened to each job, for its timeline: {@link dev.longrun.history.JobHistory} reads the events that
 * triggers on the jobs table write (queued, each attempt's start and outcome, retries' backoff, decisions, steps,
 * the end), so the engine's statements need not know about them.
 */
package dev.longrun.history;
