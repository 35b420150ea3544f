package org.ratatosk.platform;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.groups.Default;
import java.lang.annotation.Annotation;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Request bodies as records. The text is read by {@link StrictJson} first, whose limits are the
 * defence against hostile input; each member is then held to its component's JSON type with the
 * contract's answers, since JSON-B would quietly read {@code 12} into a string; JSON-B binds what
 * passed, and Bean Validation checks the rules the record declares. Faults are answered in
 * component order, so the first wrong member is named whatever kind of fault it has, as the
 * hand-written readers did. A JSON null is an absent member, as it always was on this wire. A body
 * record is public, since JSON-B constructs it from outside its package. A rule that is code rather
 * than a declaration is a {@link Checked} record's, answered in the same order.
 */
public final class Bodies {

    /** A record's components, read once per type: the reflective call copies them afresh each time. */
    private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
            return type.getRecordComponents();
        }
    };

    private Bodies() {
    }

    /**
     * An already parsed body as a record of {@code type}, its constraints checked in the default
     * group and in {@code groups}; the members that no component names are ignored.
     */
    public static <T extends Record> T bind(JsonObject body, Class<T> type, Class<?>... groups) {
        RecordComponent[] components = COMPONENTS.get(type);
        JsonObjectBuilder typed = Jsons.createObjectBuilder();
        InvalidInput wrongType = null;
        int checked = 0;
        for (RecordComponent component : components) {
            try {
                Optional<JsonValue> value = member(body, component);
                value.ifPresent(v -> typed.add(component.getName(), v));
            } catch (InvalidInput e) {
                wrongType = e;
                break;
            }
            checked++;
        }
        // JSON-B reads only text: this is the checked tree's own, never the client's bytes a second time.
        T value = Binding.JSONB.fromJson(typed.build().toString(), type);
        int before = wrongType == null ? Integer.MAX_VALUE : checked;
        Optional<ConstraintViolation<T>> first = Binding.VALIDATOR.validate(value, withDefault(groups)).stream()
                .filter(v -> componentIndex(components, v) < before)
                .min(Comparator.<ConstraintViolation<T>>comparingInt(v -> componentIndex(components, v))
                        .thenComparingInt(v -> declarationIndex(type, v))
                        .thenComparing(ConstraintViolation::getMessage));
        int checkedUpTo = Math.min(before, first.map(v -> componentIndex(components, v)).orElse(components.length));
        if (value instanceof Checked rules) {
            for (int i = 0; i < checkedUpTo; i++) {
                rules.check(components[i].getName());
            }
        }
        if (first.isPresent()) {
            throw InvalidInput.field(first.get().getMessage());
        }
        if (wrongType != null) {
            throw wrongType;
        }
        return value;
    }

    /**
     * A request body's text as a record: parsed with the limits of {@link JsonBodies#parseObject},
     * then bound as {@link #bind} binds it.
     */
    public static <T extends Record> T read(String text, Class<T> type, Class<?>... groups) {
        return bind(JsonBodies.parseObject(text), type, groups);
    }

    /**
     * A record whose rules are partly code: the check of a component runs after the component's
     * declared constraints held, and before the next component is looked at, so faults are still
     * answered in component order. Every component before it is bound when it runs.
     */
    public interface Checked {

        /** Throws the contract's answer when the named component breaks a rule written as code. */
        void check(String component);
    }

    /** The member as its component reads it, with the contract's answer for a value of the wrong type. */
    private static Optional<JsonValue> member(JsonObject body, RecordComponent component) {
        String name = component.getName();
        Class<?> type = component.getType();
        if (type == String.class) {
            return JsonBodies.optionalString(body, name).map(Jsons::createValue);
        }
        if (type == Long.class) {
            return JsonBodies.optionalLong(body, name).map(Jsons.PROVIDER::createValue);
        }
        if (type == Boolean.class) {
            return JsonBodies.optionalBoolean(body, name).map(b -> b ? JsonValue.TRUE : JsonValue.FALSE);
        }
        if (type == JsonArray.class) {
            return JsonBodies.optionalArray(body, name).map(JsonValue.class::cast);
        }
        if (type == JsonObject.class) {
            return JsonBodies.optionalObject(body, name).map(JsonValue.class::cast);
        }
        if (type == JsonValue.class) {
            return Optional.ofNullable(body.get(name)).filter(v -> v != JsonValue.NULL);
        }
        throw new IllegalArgumentException("No JSON rule for " + type.getSimpleName() + " " + name + " of " + component.getDeclaringRecord().getSimpleName());
    }

    private static Class<?>[] withDefault(Class<?>... groups) {
        return Stream.concat(Stream.of(Default.class), Arrays.stream(groups)).distinct().toArray(Class<?>[]::new);
    }

    /** The component a violation is about; a rule on the whole record comes after every component. */
    private static int componentIndex(RecordComponent[] components, ConstraintViolation<?> violation) {
        String name = propertyName(violation);
        for (int i = 0; i < components.length; i++) {
            if (components[i].getName().equals(name)) {
                return i;
            }
        }
        return components.length;
    }

    /** Where the violated constraint stands among its component's annotations, so that the first written wins. */
    private static int declarationIndex(Class<?> type, ConstraintViolation<?> violation) {
        String name = propertyName(violation);
        if (name == null) {
            return 0;
        }
        Class<? extends Annotation> constraint = violation.getConstraintDescriptor().getAnnotation().annotationType();
        try {
            List<Class<? extends Annotation>> declared = Arrays.stream(type.getDeclaredField(name).getAnnotations())
                    .<Class<? extends Annotation>>map(Annotation::annotationType).toList();
            int index = declared.indexOf(constraint);
            return index < 0 ? declared.size() : index;
        } catch (NoSuchFieldException notAComponent) {
            return 0;
        }
    }

    private static String propertyName(ConstraintViolation<?> violation) {
        var path = violation.getPropertyPath().iterator();
        return path.hasNext() ? path.next().getName() : null;
    }

    /** Built on first use, from the deployment's providers. */
    private static final class Binding {
        static final Jsonb JSONB = JsonbBuilder.create();
        static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
                .messageInterpolator(new LiteralMessages())
                .buildValidatorFactory().getValidator();
    }
}
