package dev.longrun.history;

/** The timeline triggers on the embedded store (the contract's default database). */
class SqliteJobHistoryTest extends JobHistoryContract {
}
