package dev.longrun.server.contacts.imports;

import dev.longrun.PermanentFailure;
import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Fails the import at the first NUL character wherever it is in the file (the check of the first 8 KiB for binary
 * data cannot see one further in), so no NUL reaches the contacts table or an export.
 */
final class NulRefusingReader extends FilterReader {

    NulRefusingReader(Reader in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c == 0) {
            throw refusal();
        }
        return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        for (int i = offset; i < offset + n; i++) {
            if (buffer[i] == '\0') {
                throw refusal();
            }
        }
        return n;
    }

    private static PermanentFailure refusal() {
        return new PermanentFailure("not_csv", "This file contains a NUL character (binary data), so it is not a CSV text file. "
                + "Upload a CSV file with the columns name, email, company.");
    }
}
