package com.deepenrich.camel.client;

/**
 * Told by the client, for one submission, when it goes on the wire and when it is off it again without having been
 * accepted. Both run on the client's threads ({@link #writing} on the sender that then writes the request), so they
 * may block briefly (a ledger write); a failure of {@link #writing} keeps the request from being written.
 */
public interface OnTheWire {

    /** Nothing to tell. */
    OnTheWire NONE = new OnTheWire() {

        @Override
        public void writing() {
        }

        @Override
        public void offTheWire() {
        }
    };

    /** The request is about to be written (each attempt). */
    void writing();

    /**
     * The attempt cannot have been accepted (an error answer, a connection never made) and the request waits for its
     * retry, off the wire.
     */
    void offTheWire();
}
