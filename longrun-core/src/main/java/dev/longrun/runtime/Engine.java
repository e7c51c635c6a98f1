package dev.longrun.runtime;

import dev.longrun.Longrun;

/** The engine behind {@link Longrun}: wires store, workers, maintenance and events. */
public final class Engine {
    private Engine() {
    }

    public static Longrun start(EngineSettings settings) {
        throw new IllegalStateException("Engine is being written in this commit series");
    }
}
