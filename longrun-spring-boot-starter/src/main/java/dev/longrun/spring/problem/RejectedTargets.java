package dev.longrun.spring.problem;

import org.apache.catalina.connector.Request;

/**
 * The path a refused request was sent to, as far as it can be known. When Tomcat refuses the request line itself
 * (an illegal character in the target), it never parses the URI: the target is then only in the refusal's message,
 * "Invalid character found in the request target [/api/jobs/a\b ]", between the brackets.
 */
final class RejectedTargets {

    private RejectedTargets() {
    }

    /** The request's URI as sent (context path included), without the query; null when it cannot be told. */
    static String path(Request request, Throwable refusal) {
        String uri = request.getRequestURI();
        if (uri != null && !uri.isEmpty()) {
            return uri;
        }
        return refusal == null ? null : fromMessage(refusal.getMessage());
    }

    static String fromMessage(String message) {
        if (message == null) {
            return null;
        }
        int open = message.indexOf('[');
        int close = message.lastIndexOf(']');
        if (open < 0 || close <= open) {
            return null;
        }
        String target = message.substring(open + 1, close).strip();
        if (target.startsWith("http://") || target.startsWith("https://")) { // absolute-form: drop scheme and authority
            int slash = target.indexOf('/', target.indexOf("//") + 2);
            target = slash < 0 ? "/" : target.substring(slash);
        }
        int query = target.indexOf('?');
        return target.startsWith("/") ? (query < 0 ? target : target.substring(0, query)) : null;
    }
}
