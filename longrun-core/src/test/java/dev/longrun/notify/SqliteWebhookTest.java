package dev.longrun.notify;

/** Webhooks on the embedded store (the contract's default database: an embedded SQLite file per test). */
class SqliteWebhookTest extends WebhookContract {
}
