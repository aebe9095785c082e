package vn.giamngheo.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.text.ParseException;
import java.util.Base64;

/**
 * The issuer's RSA signing key, kept in a file so that tokens stay valid when the issuer restarts (Spring Authorization
 * Server would otherwise make a new key on every start). The file holds either an unencrypted PKCS#8 PEM private key
 * ({@code -----BEGIN PRIVATE KEY-----}, e.g. from {@code openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048})
 * or an RSA JWK with its private part. When the file does not exist, a 2048-bit key is generated and written there as
 * PKCS#8 PEM, readable by its owner only. The key id ({@code kid}) is the key's RFC 7638 thumbprint, so it is the same
 * on every start without being stored.
 */
public final class SigningKey {

    private static final String PEM_BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String PEM_END = "-----END PRIVATE KEY-----";
    private static final int KEY_BITS = 2048;

    private SigningKey() {
    }

    /** The key in {@code file}, generating and writing it first when the file does not exist. */
    public static RSAKey loadOrCreate(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        if (!Files.exists(absolute)) {
            create(absolute);
        }
        return load(absolute);
    }

    static RSAKey load(Path file) {
        String content;
        try {
            content = Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the signing key " + file + ": " + e.getMessage(), e);
        }
        try {
            RSAKey key = content.startsWith("{") ? fromJwk(content) : fromPem(content);
            return new RSAKey.Builder(key)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyIDFromThumbprint()
                    .build();
        } catch (IllegalArgumentException | ParseException | GeneralSecurityException | JOSEException e) {
            throw new IllegalStateException("The signing key " + file + " is neither an unencrypted PKCS#8 PEM RSA"
                    + " private key (-----BEGIN PRIVATE KEY-----; convert a PKCS#1 key with"
                    + " `openssl pkcs8 -topk8 -nocrypt`) nor an RSA JWK with its private part: " + e.getMessage(), e);
        }
    }

    private static RSAKey fromJwk(String json) throws ParseException {
        JWK jwk = JWK.parse(json);
        if (!(jwk instanceof RSAKey rsa) || !rsa.isPrivate()) {
            throw new IllegalArgumentException("the JWK is not an RSA key with its private part");
        }
        return rsa;
    }

    private static RSAKey fromPem(String pem) throws GeneralSecurityException {
        if (!pem.startsWith(PEM_BEGIN) || !pem.endsWith(PEM_END)) {
            throw new IllegalArgumentException("no " + PEM_BEGIN + " … " + PEM_END + " block");
        }
        String base64 = pem.substring(PEM_BEGIN.length(), pem.length() - PEM_END.length()).replaceAll("\\s", "");
        KeyFactory factory = KeyFactory.getInstance("RSA");
        if (!(factory.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)))
                instanceof RSAPrivateCrtKey privateKey)) {
            throw new IllegalArgumentException("the private key lacks its CRT parameters, so its public key is unknown");
        }
        RSAPublicKey publicKey = (RSAPublicKey) factory.generatePublic(
                new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
        return new RSAKey.Builder(publicKey).privateKey(privateKey).build();
    }

    /**
     * Writes a new key through a temporary file and an atomic move, so a crash never leaves half a key behind; if
     * another process wrote the file meanwhile, its key wins.
     */
    private static void create(Path file) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(KEY_BITS);
            KeyPair pair = generator.generateKeyPair();
            String pem = PEM_BEGIN + "\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(pair.getPrivate().getEncoded())
                    + "\n" + PEM_END + "\n";
            Path dir = file.getParent();
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            try {
                restrictToOwner(temp);
                Files.writeString(temp, pem, StandardCharsets.US_ASCII);
                if (!Files.exists(file)) {
                    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (FileAlreadyExistsException someoneElseWasFaster) {
            // The other process's key is as good as ours.
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the signing key " + file + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate an RSA key: " + e.getMessage(), e);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the file inherits the directory's access rules.
        }
    }
}
