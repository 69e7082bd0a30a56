package io.maildrill.report.matrix;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes {@code matrix.html}, {@code matrix.md} and {@code matrix.json} into one directory. */
public final class MatrixFiles {

    private MatrixFiles() {
    }

    public static List<Path> write(ConformanceMatrix matrix, Path directory) {
        try {
            Files.createDirectories(directory);
            Path html = Files.writeString(directory.resolve("matrix.html"), MatrixHtmlWriter.write(matrix), StandardCharsets.UTF_8);
            Path md = Files.writeString(directory.resolve("matrix.md"), MatrixMarkdownWriter.write(matrix), StandardCharsets.UTF_8);
            Path json = Files.writeString(directory.resolve("matrix.json"), MatrixJsonWriter.write(matrix), StandardCharsets.UTF_8);
            return List.of(html, md, json);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the matrix to " + directory + ": " + e.getMessage(), e);
        }
    }
}
