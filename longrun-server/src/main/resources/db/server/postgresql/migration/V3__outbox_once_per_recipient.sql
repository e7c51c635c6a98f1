-- One outbox message per job and recipient. A job runs at least once: a node that dies after writing a message but
-- before recording the contact's item as sent runs the job again elsewhere, and the invitation must not go out twice
-- (measured by the chaos run, docs/BENCHMARKS.md). Earlier duplicates are removed first, keeping the first message.
DELETE FROM outbox_messages a USING outbox_messages b
WHERE a.job_id = b.job_id AND lower(a.recipient) = lower(b.recipient) AND a.id > b.id;

CREATE UNIQUE INDEX outbox_messages_job_recipient_key ON outbox_messages (job_id, lower(recipient)) WHERE job_id IS NOT NULL;
