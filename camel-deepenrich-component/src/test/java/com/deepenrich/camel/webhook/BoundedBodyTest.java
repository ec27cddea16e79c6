package com.deepenrich.camel.webhook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import com.deepenrich.camel.callback.CallbackToken;
import org.apache.camel.CamelContext;
import org.apache.camel.Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The webhook body is read up to maxBodySize + 1 bytes, never more, whatever the size sent; the token parsing. */
class BoundedBodyTest {

    private static final CamelContext CAMEL = new DefaultCamelContext();

    /** 50 MB that exist only as they are read, counting what was read. */
    private static final class Endless extends InputStream {

        long read;

        @Override
        public int read() {
            return read++ < 50L * 1024 * 1024 ? 'x' : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            int n = (int) Math.min(len, 50L * 1024 * 1024 - read);
            if (n <= 0) {
                return len == 0 ? 0 : -1;
            }
            read += n;
            return n;
        }
    }

    @Test
    void aFiftyMegabyteBodyIsKnownTooBigAfterMaxPlusOneBytes() throws Exception {
        Endless body = new Endless();

        assertNull(BoundedBody.read(body, 1024 * 1024));
        assertEquals(1024 * 1024 + 1, body.read);
    }

    @Test
    void aBodyUpToTheLimitIsReadWhole() throws Exception {
        assertArrayEquals(new byte[10], BoundedBody.read(new ByteArrayInputStream(new byte[10]), 10));
        assertArrayEquals(new byte[0], BoundedBody.read(null, 10));
        assertNull(BoundedBody.read(new ByteArrayInputStream(new byte[11]), 10));
    }

    @Test
    void aBodyHeldInMemoryIsTakenAsItIsAndAStreamedOneReadUpToTheLimit() throws Exception {
        byte[] ten = new byte[10];

        assertSame(ten, BoundedBody.of(message(ten), 10));
        assertNull(BoundedBody.of(message(new byte[11]), 10));
        assertArrayEquals("{}".getBytes(), BoundedBody.of(message("{}"), 10));
        assertArrayEquals(new byte[0], BoundedBody.of(message(null), 10));
        Endless streamed = new Endless();
        assertNull(BoundedBody.of(message(streamed), 1024));
        assertEquals(1025, streamed.read);
        assertThrows(IOException.class, () -> BoundedBody.of(message(new Object()), 10));
    }

    private static Message message(Object body) {
        Message message = new DefaultExchange(CAMEL).getMessage();
        message.setBody(body);
        return message;
    }

    @Test
    void theTokenIsTheExactlyNamedQueryParameterDecoded() {
        assertEquals(List.of("t+k&%#"), CallbackToken.fromQuery("a=1&token=t%2Bk%26%25%23&TOKEN=other&tokens=x"));
        assertEquals(List.of(), CallbackToken.fromQuery(null));
        assertEquals(List.of("a", "b"), CallbackToken.fromQuery("token=a&token=b"));
    }
}
