package dev.longrun.notify;

import java.net.UnknownHostException;

/**
 * A webhook host that resolves to an address webhooks may not call. An {@link UnknownHostException} so that it can
 * leave the HTTP client's name resolution, where the guard runs, and stop the connection before it is made.
 */
public final class RefusedAddressException extends UnknownHostException {

    public RefusedAddressException(String message) {
        super(message);
    }
}
