package com.deepenrich.camel.webhook;

import java.io.IOException;
import java.io.InputStream;

import org.apache.camel.Message;

/**
 * Reads a request body up to a limit, never more: a body over it is known as such without being read whole. A body
 * the HTTP server holds in memory already (Vert.x platform-http's buffer) is taken as bytes at once: read through a
 * stream, it would be copied three times.
 */
final class BoundedBody {

    private BoundedBody() {
    }

    /**
     * The message body's bytes; empty for no body; null when it holds more than {@code max} bytes; fails for a body
     * that Camel cannot turn into bytes.
     */
    static byte[] of(Message message, int max) throws IOException {
        Object body = message.getBody();
        if (body == null || body instanceof InputStream) {
            return read((InputStream) body, max);
        }
        byte[] bytes = message.getBody(byte[].class);
        if (bytes == null) {
            throw new IOException("a body of type " + body.getClass().getName() + " has no bytes to read");
        }
        return bytes.length > max ? null : bytes;
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
