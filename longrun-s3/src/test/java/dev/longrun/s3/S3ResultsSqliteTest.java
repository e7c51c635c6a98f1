package dev.longrun.s3;

import dev.longrun.LongrunBuilder;

/** S3 result files with jobs in the embedded SQLite store. */
class S3ResultsSqliteTest extends S3ResultStoreContract {

    @Override
    LongrunBuilder database(LongrunBuilder builder) {
        return builder;
    }
}
