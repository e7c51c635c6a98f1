package dev.longrun.notify;

/** The dispatcher on the embedded store (the contract's default database: an embedded SQLite file per test). */
class SqliteDispatchTest extends DispatchContract {
}
