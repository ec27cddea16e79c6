package com.deepenrich.camel.ledger;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Replaces a file's content so that a crash leaves either the old or the new content, never a torn one. */
final class AtomicFile {

    private AtomicFile() {
    }

    /** Writes a synced temporary file beside {@code file} and moves it over; {@code what} names the file in errors. */
    static void write(Path file, byte[] content, String what) {
        try {
            Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            try {
                // a java.io stream, not a FileChannel: an interrupted thread (a stopping consumer) must still write
                try (FileOutputStream out = new FileOutputStream(tmp.toFile())) {
                    out.write(content);
                    out.getFD().sync();
                }
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + what + " " + file, e);
        }
    }
}
