package dev.longrun.server.contacts.imports;

/**
 * One data row of an uploaded contacts file, with the values of the known columns (null when the row
 * is shorter than the header) and how many values the row really had.
 *
 * @param row the line number where the record starts (the header is row 1)
 */
record CsvContactRow(long row, String name, String email, String company, int valueCount, int headerCount) {
}
