package org.ratatosk.keys.control;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.ProviderException;

/**
 * Wraps and unwraps keys in the token with {@code C_WrapKey} and {@code C_UnwrapKey}, which the JDK
 * 17 PKCS#11 provider offers no cipher for (AES key wrap, RSA PKCS#1 wrap of a secret key). It
 * reaches the provider's module through {@code sun.security.pkcs11}, which the server opens to the
 * application (--add-opens jdk.crypto.cryptoki/sun.security.pkcs11[.wrapper]=ALL-UNNAMED).
 */
final class Pkcs11KeyWrap {

    static final long CKM_RSA_PKCS = 0x1L;
    static final long CKM_AES_KEY_WRAP = 0x2109L;
    static final long CKM_AES_KEY_WRAP_PAD = 0x210AL;

    private static final long CKA_CLASS = 0x0L;
    private static final long CKA_TOKEN = 0x1L;
    private static final long CKA_PRIVATE = 0x2L;
    private static final long CKA_LABEL = 0x3L;
    private static final long CKA_KEY_TYPE = 0x100L;
    private static final long CKA_SENSITIVE = 0x103L;
    private static final long CKA_ENCRYPT = 0x104L;
    private static final long CKA_DECRYPT = 0x105L;
    private static final long CKA_WRAP = 0x106L;
    private static final long CKA_UNWRAP = 0x107L;
    private static final long CKA_EXTRACTABLE = 0x162L;
    private static final long CKO_SECRET_KEY = 0x4L;
    private static final long CKK_AES = 0x1FL;

    private Pkcs11KeyWrap() {
    }

    /** The wrapped bytes of {@code key} under {@code wrappingKey}, both keys of one SunPKCS11 provider. */
    static byte[] wrap(Key wrappingKey, Key key, long mechanism) throws GeneralSecurityException {
        return call(wrappingKey, (p11, session, wrappingId) -> {
            long keyId = keyId(key);
            try {
                return (byte[]) method(p11.getClass(), "C_WrapKey", long.class, mechanismClass(), long.class, long.class)
                        .invoke(p11, session, mechanism(mechanism), wrappingId, keyId);
            } finally {
                releaseKeyId(key);
            }
        });
    }

    /**
     * Unwraps an AES key into a token object labelled {@code label} (its length is the unwrapped
     * value's); throws {@link Pkcs11Refusal} when the token refuses the wrapped bytes.
     */
    static void unwrapSecret(Key unwrappingKey, byte[] wrapped, long mechanism, String label, boolean extractable) throws GeneralSecurityException {
        call(unwrappingKey, (p11, session, unwrappingId) -> {
            Object[] template = {
                attribute(CKA_CLASS, CKO_SECRET_KEY),
                attribute(CKA_KEY_TYPE, CKK_AES),
                attribute(CKA_TOKEN, true),
                attribute(CKA_PRIVATE, true),
                attribute(CKA_LABEL, label.toCharArray()),
                attribute(CKA_SENSITIVE, true),
                attribute(CKA_EXTRACTABLE, extractable),
                attribute(CKA_ENCRYPT, true),
                attribute(CKA_DECRYPT, true),
                attribute(CKA_WRAP, true),
                attribute(CKA_UNWRAP, true),
            };
            Object array = java.lang.reflect.Array.newInstance(attributeClass(), template.length);
            for (int i = 0; i < template.length; i++) {
                java.lang.reflect.Array.set(array, i, template[i]);
            }
            return method(p11.getClass(), "C_UnwrapKey", long.class, mechanismClass(), long.class, byte[].class, array.getClass())
                    .invoke(p11, session, mechanism(mechanism), unwrappingId, wrapped, array);
        });
    }

    @FunctionalInterface
    private interface Call<T> {
        T run(Object p11, long session, long keyId) throws ReflectiveOperationException;
    }

    private static <T> T call(Key key, Call<T> call) throws GeneralSecurityException {
        try {
            Field tokenField = field(p11KeyClass(), "token");
            Object token = tokenField.get(key);
            Object p11 = field(token.getClass(), "p11").get(token);
            Object session = method(token.getClass(), "getOpSession").invoke(token);
            try {
                long sessionId = (long) method(session.getClass(), "id").invoke(session);
                long keyId = keyId(key);
                try {
                    return call.run(p11, sessionId, keyId);
                } finally {
                    releaseKeyId(key);
                }
            } finally {
                method(token.getClass(), "releaseSession", session.getClass()).invoke(token, session);
            }
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause != null && cause.getClass().getName().endsWith("PKCS11Exception")) {
                throw new Pkcs11Refusal(cause.getMessage());
            }
            throw new ProviderException("The PKCS#11 module failed: " + cause, cause);
        } catch (ReflectiveOperationException | RuntimeException e) {
            if (e instanceof Pkcs11Refusal refusal) {
                throw refusal;
            }
            throw new ProviderException("PKCS#11 key wrapping needs --add-opens=jdk.crypto.cryptoki/sun.security.pkcs11=ALL-UNNAMED"
                    + " and --add-opens=jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=ALL-UNNAMED: " + e, e);
        }
    }

    /** The module refused the operation (CKR_...): the request, not the token, is at fault. */
    static final class Pkcs11Refusal extends GeneralSecurityException {
        Pkcs11Refusal(String message) {
            super(message);
        }
    }

    private static long keyId(Key key) throws ReflectiveOperationException {
        if (!p11KeyClass().isInstance(key)) {
            throw new IllegalArgumentException("Not a PKCS#11 key: " + key.getClass().getName());
        }
        return (long) method(p11KeyClass(), "getKeyID").invoke(key);
    }

    private static void releaseKeyId(Key key) {
        try {
            method(p11KeyClass(), "releaseKeyID").invoke(key);
        } catch (ReflectiveOperationException e) {
            throw new ProviderException(e);
        }
    }

    private static Object mechanism(long mechanism) throws ReflectiveOperationException {
        return mechanismClass().getConstructor(long.class).newInstance(mechanism);
    }

    private static Object attribute(long type, Object value) throws ReflectiveOperationException {
        Class<?> attribute = attributeClass();
        if (value instanceof Boolean b) {
            return attribute.getConstructor(long.class, boolean.class).newInstance(type, b);
        }
        if (value instanceof Long l) {
            return attribute.getConstructor(long.class, long.class).newInstance(type, l);
        }
        Constructor<?> constructor = attribute.getConstructor(long.class, Object.class);
        return constructor.newInstance(type, value);
    }

    private static Class<?> p11KeyClass() throws ClassNotFoundException {
        return Class.forName("sun.security.pkcs11.P11Key", true, ClassLoader.getPlatformClassLoader());
    }

    private static Class<?> mechanismClass() throws ClassNotFoundException {
        return Class.forName("sun.security.pkcs11.wrapper.CK_MECHANISM", true, ClassLoader.getPlatformClassLoader());
    }

    private static Class<?> attributeClass() throws ClassNotFoundException {
        return Class.forName("sun.security.pkcs11.wrapper.CK_ATTRIBUTE", true, ClassLoader.getPlatformClassLoader());
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                Field field = c.getDeclaredField(name);
                field.setAccessible(true);
                return field;
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        throw new NoSuchFieldException(type.getName() + "." + name);
    }

    private static Method method(Class<?> type, String name, Class<?>... parameters) throws NoSuchMethodException {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                Method method = c.getDeclaredMethod(name, parameters);
                method.setAccessible(true);
                return method;
            } catch (NoSuchMethodException e) {
                // look in the superclass
            }
        }
        throw new NoSuchMethodException(type.getName() + "." + name);
    }
}
