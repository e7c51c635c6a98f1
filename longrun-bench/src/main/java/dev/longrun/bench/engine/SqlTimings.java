package dev.longrun.bench.engine;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;

/**
 * Diagnostics for {@code --trace-sql}: wraps the engine's DataSource and adds up, per statement, how
 * often it ran and how long it took (plus time spent waiting for a pooled connection and committing),
 * to show where a drain spends its time. Off in the recorded figures, since it adds a little overhead.
 */
final class SqlTimings {

    private record Tally(LongAdder count, LongAdder nanos) {
        Tally() {
            this(new LongAdder(), new LongAdder());
        }

        void add(long nanos) {
            count.increment();
            this.nanos.add(nanos);
        }
    }

    private final Map<String, Tally> tallies = new ConcurrentHashMap<>();

    DataSource wrap(DataSource ds) {
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    long t0 = System.nanoTime();
                    Object result = invoke(ds, method, args);
                    if (result instanceof Connection c) {
                        record("(wait for a pooled connection)", t0);
                        return wrap(c);
                    }
                    return result;
                });
    }

    private Connection wrap(Connection c) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    long t0 = System.nanoTime();
                    Object result = invoke(c, method, args);
                    switch (method.getName()) {
                        case "commit" -> record("(commit)", t0);
                        case "prepareStatement" -> {
                            return wrap((PreparedStatement) result, label((String) args[0]));
                        }
                        case "createStatement" -> {
                            return wrap((Statement) result, null);
                        }
                        default -> {
                        }
                    }
                    return result;
                });
    }

    private Object wrap(Statement st, String label) {
        Class<?> type = st instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
        InvocationHandler handler = (proxy, method, args) -> {
            long t0 = System.nanoTime();
            Object result = invoke(st, method, args);
            if (method.getName().startsWith("execute")) {
                record(label != null ? label : args != null && args.length > 0 ? label((String) args[0]) : "?", t0);
            }
            return result;
        };
        return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, handler);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private void record(String label, long t0) {
        tallies.computeIfAbsent(label, k -> new Tally()).add(System.nanoTime() - t0);
    }

    /** The statement's first words, enough to tell claim, finish, notify and the rest apart. */
    private static String label(String sql) {
        String flat = sql.replaceAll("\\s+", " ").replaceAll("\"?bench_[a-z0-9_]+\"?\\.", "").trim();
        return flat.length() > 70 ? flat.substring(0, 70) + "…" : flat;
    }

    void print(String title) {
        System.out.println();
        System.out.println("SQL time of " + title + " (sum over all threads):");
        System.out.println("| statement | count | total ms | mean ms |");
        System.out.println("|---|---:|---:|---:|");
        tallies.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, Tally> e) -> e.getValue().nanos().sum()).reversed())
                .limit(15)
                .forEach(e -> {
                    long n = e.getValue().count().sum();
                    double ms = e.getValue().nanos().sum() / 1e6;
                    System.out.printf(Locale.ROOT, "| `%s` | %,d | %,.0f | %.2f |%n", e.getKey().replace("|", "\\|"), n, ms, ms / n);
                });
        tallies.clear();
    }
}
