package io.github.camelmapiq.simulator;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field (static or instance, of type {@link MapiqSimulator} or {@link SimulatorControl})
 * that {@link MapiqSimulatorExtension} fills with the test class's simulator.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface SimulatorInstance {
}
