package vn.giamngheo.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyTest {

    @TempDir
    Path dir;

    @Test
    void aMissingKeyIsGeneratedOnceAndTheSameKeyIsReadOnEveryLaterStart() throws Exception {
        // given no key file yet
        Path file = dir.resolve("data").resolve("identity-signing-key.pem");

        // when the issuer starts twice
        RSAKey first = SigningKey.loadOrCreate(file);
        RSAKey second = SigningKey.loadOrCreate(file);

        // then the key was written once, as PKCS#8 PEM for its owner only, and both starts sign with it
        assertThat(Files.readString(file)).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(second.toRSAPrivateKey()).isEqualTo(first.toRSAPrivateKey());
        assertThat(second.getKeyID()).isEqualTo(first.getKeyID()).isEqualTo(first.computeThumbprint().toString());
        assertThat(second.getModulus().decodeToBigInteger().bitLength()).isEqualTo(2048);
        try (var files = Files.list(file.getParent())) {
            assertThat(files).as("no temporary file left behind").containsExactly(file);
        }
    }

    @Test
    void aJwkWithItsPrivatePartIsAcceptedToo() throws Exception {
        // given an administrator's key as a JWK
        RSAKey generated = new RSAKeyGenerator(2048).generate();
        Path file = dir.resolve("key.jwk");
        Files.writeString(file, generated.toJSONString());

        // when
        RSAKey loaded = SigningKey.loadOrCreate(file);

        // then
        assertThat(loaded.toRSAPrivateKey()).isEqualTo(generated.toRSAPrivateKey());
        assertThat(loaded.getKeyID()).isEqualTo(generated.computeThumbprint().toString());
    }

    @Test
    void aPublicKeyOrAnythingElseStopsTheStartWithAMessage() throws Exception {
        // given files that hold no usable private key
        Path publicOnly = dir.resolve("public.jwk");
        Files.writeString(publicOnly, new RSAKeyGenerator(2048).generate().toPublicJWK().toJSONString());
        Path garbage = dir.resolve("garbage.pem");
        Files.writeString(garbage, "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");

        // then
        assertThatThrownBy(() -> SigningKey.loadOrCreate(publicOnly)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(publicOnly.toString()).hasMessageContaining("private part");
        assertThatThrownBy(() -> SigningKey.loadOrCreate(garbage)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("openssl pkcs8 -topk8 -nocrypt");
    }
}
