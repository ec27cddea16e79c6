package com.deepenrich.camel.webhook;

import java.io.IOException;
import java.io.InputStream;

/** Reads a request body up to a limit, never more: a body over it is known as such without being read whole. */
final class BoundedBody {

    private BoundedBody() {
    }

    /** The body's bytes; empty for no body; null when it holds more than {@code max} bytes (at most max + 1 read). */
    static byte[] read(InputStream body, int max) throws IOException {
        if (body == null) {
            return new byte[0];
        }
        try (body) {
            byte[] bytes = body.readNBytes(max == Integer.MAX_VALUE ? max : max + 1);
            return bytes.length > max ? null : bytes;
        }
    }
}
