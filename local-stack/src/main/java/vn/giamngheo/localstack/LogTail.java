package vn.giamngheo.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.stream.Stream;

/** The end of a log file, to put into an error message so nobody has to go and look for it. */
final class LogTail {

    private LogTail() {
    }

    static String lastLines(Path file, int count) {
        if (!Files.isRegularFile(file)) {
            return "(no log file yet)";
        }
        Deque<String> tail = new ArrayDeque<>(count);
        // Malformed bytes must not hide the rest of the log, so decode leniently.
        try (Stream<String> lines = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines()) {
            lines.forEach(line -> {
                if (tail.size() == count) {
                    tail.removeFirst();
                }
                tail.addLast(line);
            });
        } catch (IOException e) {
            return "(cannot read the log: " + e.getMessage() + ")";
        }
        return tail.isEmpty() ? "(empty)" : String.join(System.lineSeparator(), tail);
    }
}
