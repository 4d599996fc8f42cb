package io.skyx.api;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.core.env.StandardEnvironment;

/** Safe by default: without exactly one of local / prod the app refuses to start, naming both. */
class ProfileGuardTest {

    private static StandardEnvironment env(String... profiles) {
        StandardEnvironment e = new StandardEnvironment();
        e.setActiveProfiles(profiles);
        return e;
    }

    @Test
    void noProfileIsRefusedWithAMessageNamingLocalAndProd() {
        assertThatThrownBy(() -> SkyxApplication.checkProfile(env()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'local'").hasMessageContaining("'prod'");
        assertThatThrownBy(() -> SkyxApplication.checkProfile(env("staging")))
                .hasMessageContaining("'local'");
        assertThatThrownBy(() -> SkyxApplication.checkProfile(env("local", "prod")))
                .hasMessageContaining("exactly one");
    }

    @Test
    void localOrProdStarts() {
        assertThatCode(() -> SkyxApplication.checkProfile(env("local"))).doesNotThrowAnyException();
        assertThatCode(() -> SkyxApplication.checkProfile(env("prod", "extra"))).doesNotThrowAnyException();
    }
}
