package vn.giamngheo.localstack;

import java.nio.file.Path;

/**
 * The CLI's arguments.
 *
 * @param dataDir null for the default ({@code <projectRoot>/.local-stack})
 */
record CliOptions(Path dataDir, boolean demoData, boolean help) {

    static final String USAGE = """
            Usage: ./run-local.sh [--data-dir DIR] [--no-demo-data]

            Starts a MongoDB-wire server, a Kafka broker, the token issuer and the three services on this machine,
            loads the demo data on the first start, and runs until Ctrl-C. Tokens for curl: ./token.sh admin

              --data-dir DIR    where data, logs and the lock live (default: <project>/.local-stack)
              --no-demo-data    do not load the demo data
              --help            show this text""";

    /** Throws IllegalArgumentException with a message fit for the user on anything it does not understand. */
    static CliOptions parse(String... args) {
        Path dataDir = null;
        boolean demoData = true;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data-dir" -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException("--data-dir needs a directory");
                    }
                    dataDir = Path.of(args[++i]);
                }
                case "--no-demo-data" -> demoData = false;
                case "--help", "-h" -> help = true;
                default -> throw new IllegalArgumentException("Unknown argument: " + args[i]);
            }
        }
        return new CliOptions(dataDir, demoData, help);
    }
}
