package dev.longrun.notify;

/** The trigger on the embedded store (the contract's default database: an embedded SQLite file per test). */
class SqliteOutboxTriggerTest extends OutboxTriggerContract {
}
