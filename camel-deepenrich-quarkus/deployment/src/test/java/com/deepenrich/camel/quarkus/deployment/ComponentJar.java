package com.deepenrich.camel.quarkus.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import com.deepenrich.camel.DeepEnrichComponent;
import org.jboss.jandex.Index;
import org.jboss.jandex.Indexer;

/** The camel-deepenrich jar (or its classes directory in the reactor) as the build sees it. */
final class ComponentJar {

    private ComponentJar() {
    }

    /** The Jandex index of every class in the component, as Quarkus builds it for the combined index. */
    static Index index() {
        return read(root -> {
            Indexer indexer = new Indexer();
            for (Path file : files(root, "")) {
                if (file.toString().endsWith(".class")) {
                    try (InputStream in = Files.newInputStream(file)) {
                        indexer.index(in);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
            return indexer.complete();
        });
    }

    /** The paths, relative to the jar's root, of the files under a folder of the jar. */
    static List<String> filesUnder(String folder) {
        return read(root -> files(root, folder).stream().map(file -> root.relativize(file).toString()).sorted()
                .toList());
    }

    private static List<Path> files(Path root, String folder) {
        try (Stream<Path> walk = Files.walk(root.resolve(folder))) {
            return walk.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T read(Function<Path, T> reader) {
        try {
            Path location =
                    Path.of(DeepEnrichComponent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(location)) {
                return reader.apply(location);
            }
            try (FileSystem jar = FileSystems.newFileSystem(location)) {
                return reader.apply(jar.getPath("/"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
