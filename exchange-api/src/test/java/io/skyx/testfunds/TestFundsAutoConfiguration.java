package io.skyx.testfunds;

import io.skyx.api.sequencer.Sequencer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Profile;

/**
 * TEST CLASSPATH ONLY: registers {@link TestFundsController} in every app started with the test classpath (the
 * in-process integration tests and the child JVMs they start with it), in the local profile, through
 * {@code src/test/resources/META-INF/spring/…AutoConfiguration.imports}. The package lies outside the app's
 * component scan, so nothing but this file brings it in.
 */
@AutoConfiguration
@Profile("local")
@ConditionalOnWebApplication
@ConditionalOnBean(Sequencer.class)
@Import(TestFundsController.class)
public class TestFundsAutoConfiguration {
}
