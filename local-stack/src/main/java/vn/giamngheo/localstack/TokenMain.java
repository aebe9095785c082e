package vn.giamngheo.localstack;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./token.sh [--issuer URL] USER [PASSWORD]} or {@code ./token.sh [--issuer URL] --client CLIENT_ID [SECRET]}:
 * prints an access token and nothing else, for {@code TOKEN=$(./token.sh admin)} and curl. A demo user's or client's
 * demo password/secret is used when none is given. Exit code 1 with the reason on standard error when no token comes.
 */
public final class TokenMain {

    static final String USAGE = """
            Usage: ./token.sh [--issuer URL] USER [PASSWORD]
                   ./token.sh [--issuer URL] --client CLIENT_ID [SECRET]

            Prints an access token from the issuer (default: $GIAMNGHEO_ISSUER_URI, else http://localhost:9000, the
            local stack's). USER logs in through the issuer's login form (authorization code + PKCE); --client uses
            the client credentials grant. Without PASSWORD / SECRET the demo credentials are used.

            Demo users: admin, bdt.canbo, sldtbxh.canbo, sxd.canbo, thanhtra
            Demo machine clients: sldtbxh-system, readonly-system

            Example: TOKEN=$(./token.sh bdt.canbo)
                     curl -H "Authorization: Bearer $TOKEN" http://localhost:8082/api/v1/tasks""";

    private TokenMain() {
    }

    public static void main(String[] args) {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.println(USAGE);
            return;
        }
        try {
            System.out.println(run(args));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
        } catch (LocalStackException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }

    /** The token for the arguments; IllegalArgumentException for arguments that make no sense. */
    static String run(String... args) {
        String env = System.getenv("GIAMNGHEO_ISSUER_URI");
        String issuer = env == null || env.isBlank() ? "http://localhost:9000" : env;
        boolean client = false;
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--issuer" -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException("--issuer needs a URL");
                    }
                    issuer = args[++i];
                }
                case "--client" -> client = true;
                default -> {
                    if (args[i].startsWith("--")) {
                        throw new IllegalArgumentException("Unknown option: " + args[i]);
                    }
                    positional.add(args[i]);
                }
            }
        }
        if (positional.isEmpty() || positional.size() > 2) {
            throw new IllegalArgumentException(positional.isEmpty() ? "Name a user or a client" : "Too many arguments");
        }
        String name = positional.get(0);
        Tokens tokens = new Tokens(issuer);
        if (client) {
            String secret = positional.size() == 2 ? positional.get(1)
                    : DemoIdentities.machineClients().contains(name) ? DemoIdentities.machineSecret()
                    : failNoSecret("client " + name + " is not a demo client: give its secret");
            return tokens.machine(name, secret);
        }
        String password = positional.size() == 2 ? positional.get(1)
                : DemoIdentities.user(name).map(DemoIdentities.Login::password)
                .orElseGet(() -> failNoSecret(name + " is not a demo user: give the password"));
        return tokens.user(name, password);
    }

    private static String failNoSecret(String message) {
        throw new IllegalArgumentException(message);
    }
}
