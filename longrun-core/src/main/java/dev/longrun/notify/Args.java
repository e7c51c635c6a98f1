package dev.longrun.notify;

import java.util.HashMap;

/** Named parameters of one statement; unlike Map.of it takes null values. */
final class Args extends HashMap<String, Object> {

    static Args of(String name, Object value) {
        return new Args().and(name, value);
    }

    Args and(String name, Object value) {
        put(name, value);
        return this;
    }
}
