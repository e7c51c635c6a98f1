package dev.longrun;

public enum LogLevel {
    DEBUG, INFO, WARN, ERROR
}
