package dev.longrun.runtime;

import dev.longrun.LongrunBuilder;

/** startAll and grouped starts on the embedded store (a SQLite file in the test's data dir). */
class SqliteStartAllTest extends StartAllContract {

    @Override
    LongrunBuilder store(LongrunBuilder builder) {
        return builder;
    }
}
