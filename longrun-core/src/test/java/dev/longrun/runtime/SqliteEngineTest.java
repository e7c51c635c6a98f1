package dev.longrun.runtime;

import dev.longrun.LongrunBuilder;

/** The engine on the embedded store (a SQLite file in the test's data dir). */
class SqliteEngineTest extends EngineContract {

    @Override
    LongrunBuilder store(LongrunBuilder builder) {
        return builder;
    }
}
