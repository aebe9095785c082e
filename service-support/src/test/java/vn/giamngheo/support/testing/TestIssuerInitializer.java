package vn.giamngheo.support.testing;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points a test context at the JVM's {@link TestIssuer}. */
public class TestIssuerInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestIssuer.get().applyTo(context);
    }
}
