package org.ratatosk.platform;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.lang.reflect.InvocationTargetException;
import java.util.function.Predicate;

/**
 * A string that the domain's own reader accepts, such as a key algorithm's name: the rule stays
 * in the one method that knows the names, and is still answered in the body's field order.
 */
@Documented
@Constraint(validatedBy = Accepted.Check.class)
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
public @interface Accepted {

    /** A public predicate with a public constructor without arguments. */
    Class<? extends Predicate<String>> by();

    String message();

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Absent is not this rule's business: a required member says so with a rule of its own. */
    final class Check implements ConstraintValidator<Accepted, String> {

        private Predicate<String> accepts;

        @Override
        public void initialize(Accepted accepted) {
            try {
                accepts = accepted.by().getConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot make " + accepted.by().getName(),
                        e instanceof InvocationTargetException target ? target.getCause() : e);
            }
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || accepts.test(value);
        }
    }
}
