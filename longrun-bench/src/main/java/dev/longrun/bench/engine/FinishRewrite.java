package dev.longrun.bench.engine;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import javax.sql.DataSource;

/**
 * What-if diagnostics only: hands the engine a DataSource whose batched-update statements (the
 * finish and progress writes joined to {@code unnest(...)}) guard the status as
 * {@code (j.status = 'running') IS TRUE}. Same rows, same result; the only effect is that the
 * planner can no longer drive the join from the partial lease index (whose statistics say almost no
 * job is running) and rescan the unnest for every running job, so it joins through the primary key.
 * Shows what that change to the store's SQL would give; the shipped SQL is measured without it.
 */
final class FinishRewrite {

    static final String GUARD = "AND j.status = 'running'";
    static final String REWRITTEN = "AND (j.status = 'running') IS TRUE";

    private FinishRewrite() {
    }

    static DataSource wrap(DataSource ds) {
        return (DataSource) Proxy.newProxyInstance(FinishRewrite.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(ds, method, args);
                    return result instanceof Connection c ? wrap(c) : result;
                });
    }

    private static Connection wrap(Connection c) {
        return (Connection) Proxy.newProxyInstance(FinishRewrite.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("prepareStatement") && args[0] instanceof String sql && sql.contains("unnest(")) {
                        args = args.clone();
                        args[0] = sql.replace(GUARD, REWRITTEN);
                    }
                    return invoke(c, method, args);
                });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
