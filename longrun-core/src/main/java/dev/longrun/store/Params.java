package dev.longrun.store;

import java.util.HashMap;
import java.util.Map;

/** Named parameter values of one statement execution; null values are allowed, missing ones are an error. */
final class Params {

    private final Map<String, Object> values = new HashMap<>();

    static Params of(String name, Object value) {
        return new Params().set(name, value);
    }

    Params set(String name, Object value) {
        values.put(name, value);
        return this;
    }

    Object get(String statement, String name) {
        if (!values.containsKey(name)) {
            throw new IllegalStateException("Statement " + statement + " needs parameter :" + name + ", which was not given");
        }
        return values.get(name);
    }
}
