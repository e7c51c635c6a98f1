package dev.longrun.store;

import java.util.List;

/**
 * One named statement of {@code db/<dialect>/*.sql}, ready for JDBC: {@code :name} parameters replaced by
 * {@code ?}, and the parameter names in the order of the question marks (a name may repeat).
 */
record NamedStatement(String name, String jdbcSql, List<String> parameters) {
}
