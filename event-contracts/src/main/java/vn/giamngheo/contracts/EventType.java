package vn.giamngheo.contracts;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The stable CloudEvents type of an event record, e.g. {@code plan.PlanIssued.v1}. It never changes once published:
 * a breaking change is a new record with a new {@code .vN} type, so consumers never depend on Java class names.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {
    String value();
}
