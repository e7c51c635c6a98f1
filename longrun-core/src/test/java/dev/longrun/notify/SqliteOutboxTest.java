package dev.longrun.notify;

/** On the embedded store (the contract's default database: an embedded SQLite file per test). */
class SqliteOutboxTest extends OutboxContract {
}
