package vn.giamngheo.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdentityPropertiesTest {

    @Test
    void anOfficerWithoutUnitOrAnUnknownRoleIsRefused() {
        // then
        assertThatThrownBy(() -> new IdentityProperties.User("x", "p", null, List.of("OFFICER"), null))
                .hasMessageContaining("OFFICER and needs a unit");
        assertThatThrownBy(() -> new IdentityProperties.User("x", "p", null, List.of("SUPERUSER"), null))
                .hasMessageContaining("roles must be some of");
        assertThatThrownBy(() -> new IdentityProperties.User("x", "p", null, List.of(), null))
                .hasMessageContaining("roles must be some of");
    }

    @Test
    void aClientIsEitherAMachineWithASecretOrABrowserClientWithRedirects() {
        // then
        assertThatThrownBy(() -> new IdentityProperties.Client("c", null, List.of(), List.of(), null))
                .hasMessageContaining("neither a secret");
        assertThatThrownBy(() -> new IdentityProperties.Client("c", "s", List.of(), List.of("http://x/cb"), null))
                .hasMessageContaining("either a machine or a public browser client");
        assertThat(new IdentityProperties.Client("c", "s", List.of("api.read"), null, " ").unit()).isNull();
    }

    @Test
    void duplicateUsersAreRefusedAndNamesDefaultToTheUserName() {
        // given
        IdentityProperties.User user = new IdentityProperties.User("thanhtra", "p", null, List.of("VIEWER"), null);

        // then
        assertThat(user.name()).isEqualTo("thanhtra");
        assertThatThrownBy(() -> new IdentityProperties("http://i", Path.of("k"), Duration.ofMinutes(5),
                List.of(user, user), List.of())).hasMessageContaining("thanhtra appears twice");
    }
}
