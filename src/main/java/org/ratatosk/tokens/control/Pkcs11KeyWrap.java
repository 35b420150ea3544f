package org.ratatosk.tokens.control;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.ProviderException;

/**
 * Wraps and unwraps keys in the token with {@code C_WrapKey} and {@code C_UnwrapKey}, which the JDK
 * 17 PKCS#11 provider offers no cipher for (AES key wrap, RSA PKCS#1 and OAEP wrap of a secret key,
 * AES key wrap of a private key). It
 * reaches the provider's module through {@code sun.security.pkcs11}, which the server opens to the
 * application (--add-opens jdk.crypto.cryptoki/sun.security.pkcs11[.wrapper]=ALL-UNNAMED).
 */
final class Pkcs11KeyWrap {

    static final long CKM_RSA_PKCS = 0x1L;
    static final long CKM_RSA_PKCS_OAEP = 0x9L;
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
    private static final long CKA_SIGN = 0x108L;
    private static final long CKA_MODULUS = 0x120L;
    private static final long CKA_PUBLIC_EXPONENT = 0x122L;
    private static final long CKA_EXTRACTABLE = 0x162L;
    private static final long CKA_EC_PARAMS = 0x180L;
    private static final long CKO_PRIVATE_KEY = 0x3L;
    private static final long CKO_SECRET_KEY = 0x4L;
    private static final long CKK_RSA = 0x0L;
    private static final long CKK_EC = 0x3L;
    private static final long CKK_AES = 0x1FL;
    private static final long CKM_SHA_1 = 0x220L;
    private static final long CKG_MGF1_SHA1 = 0x1L;
    private static final long CKZ_DATA_SPECIFIED = 0x1L;

    private Pkcs11KeyWrap() {
    }

    /** The wrapped bytes of {@code key} under {@code wrappingKey}, both keys of one SunPKCS11 provider. */
    static byte[] wrap(Key wrappingKey, Key key, long mechanism) throws GeneralSecurityException {
        return call(wrappingKey, (p11, session, sessionId, wrappingId) -> {
            long keyId = keyId(key);
            try {
                return (byte[]) method(p11.getClass(), "C_WrapKey", long.class, mechanismClass(), long.class, long.class)
                        .invoke(p11, sessionId, mechanism(mechanism), wrappingId, keyId);
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
        call(unwrappingKey, (p11, session, sessionId, unwrappingId) -> {
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
            Object array = attributes(template);
            return method(p11.getClass(), "C_UnwrapKey", long.class, mechanismClass(), long.class, byte[].class, array.getClass())
                    .invoke(p11, sessionId, mechanism(mechanism), unwrappingId, wrapped, array);
        });
    }

    /** A private key unwrapped into the token, with what its public half is learnt from. */
    record UnwrappedPrivateKey(java.security.PrivateKey key, java.math.BigInteger modulus, java.math.BigInteger publicExponent,
                               byte[] ecParameters) {
    }

    /**
     * Unwraps an RSA or EC private key (PKCS#8) into a sensitive token object that may sign (and, for
     * RSA, decrypt and unwrap); the key store entry is made by the caller, who names it.
     */
    static UnwrappedPrivateKey unwrapPrivate(Key unwrappingKey, byte[] wrapped, long mechanism, String algorithm,
                                             boolean extractable) throws GeneralSecurityException {
        boolean rsa = "RSA".equals(algorithm);
        return call(unwrappingKey, (p11, session, sessionId, unwrappingId) -> {
            Object[] template = rsa ? new Object[] {
                attribute(CKA_CLASS, CKO_PRIVATE_KEY),
                attribute(CKA_KEY_TYPE, CKK_RSA),
                attribute(CKA_TOKEN, true),
                attribute(CKA_PRIVATE, true),
                attribute(CKA_SENSITIVE, true),
                attribute(CKA_EXTRACTABLE, extractable),
                attribute(CKA_SIGN, true),
                attribute(CKA_DECRYPT, true),
                attribute(CKA_UNWRAP, true),
            } : new Object[] {
                attribute(CKA_CLASS, CKO_PRIVATE_KEY),
                attribute(CKA_KEY_TYPE, CKK_EC),
                attribute(CKA_TOKEN, true),
                attribute(CKA_PRIVATE, true),
                attribute(CKA_SENSITIVE, true),
                attribute(CKA_EXTRACTABLE, extractable),
                attribute(CKA_SIGN, true),
            };
            Object array = attributes(template);
            long handle = (long) method(p11.getClass(), "C_UnwrapKey", long.class, mechanismClass(), long.class, byte[].class, array.getClass())
                    .invoke(p11, sessionId, mechanism(mechanism), unwrappingId, wrapped, array);
            try {
                Object[] read = rsa
                        ? new Object[] {attributeClass().getConstructor(long.class).newInstance(CKA_MODULUS),
                            attributeClass().getConstructor(long.class).newInstance(CKA_PUBLIC_EXPONENT)}
                        : new Object[] {attributeClass().getConstructor(long.class).newInstance(CKA_EC_PARAMS)};
                Object readArray = attributes(read);
                method(p11.getClass(), "C_GetAttributeValue", long.class, long.class, readArray.getClass())
                        .invoke(p11, sessionId, handle, readArray);
                // The module's answer comes back as new attribute objects in the array.
                read = new Object[] {java.lang.reflect.Array.get(readArray, 0), rsa ? java.lang.reflect.Array.get(readArray, 1) : null};
                java.math.BigInteger modulus = rsa ? (java.math.BigInteger) method(attributeClass(), "getBigInteger").invoke(read[0]) : null;
                java.math.BigInteger exponent = rsa ? (java.math.BigInteger) method(attributeClass(), "getBigInteger").invoke(read[1]) : null;
                byte[] ecParameters = rsa ? null : (byte[]) method(attributeClass(), "getByteArray").invoke(read[0]);
                int length = rsa ? modulus.bitLength() : org.bouncycastle.asn1.x9.ECNamedCurveTable.getByOID(
                        org.bouncycastle.asn1.ASN1ObjectIdentifier.getInstance(ecParameters)).getCurve().getFieldSize();
                Object empty = java.lang.reflect.Array.newInstance(attributeClass(), 0);
                java.security.PrivateKey key = (java.security.PrivateKey) method(p11KeyClass(), "privateKey", session.getClass(),
                        long.class, String.class, int.class, empty.getClass()).invoke(null, session, handle, algorithm, length, empty);
                return new UnwrappedPrivateKey(key, modulus, exponent, ecParameters);
            } catch (ReflectiveOperationException | RuntimeException e) {
                method(p11.getClass(), "C_DestroyObject", long.class, long.class).invoke(p11, sessionId, handle);
                throw e;
            }
        });
    }

    /** Destroys the token object of a key that was never stored under a label. */
    static void destroy(Key key) throws GeneralSecurityException {
        call(key, (p11, session, sessionId, keyId) ->
                method(p11.getClass(), "C_DestroyObject", long.class, long.class).invoke(p11, sessionId, keyId));
    }

    @FunctionalInterface
    private interface Call<T> {
        T run(Object p11, Object session, long sessionId, long keyId) throws ReflectiveOperationException;
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
                    return call.run(p11, session, sessionId, keyId);
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
        Object result = mechanismClass().getConstructor(long.class).newInstance(mechanism);
        if (mechanism == CKM_RSA_PKCS_OAEP) {
            // The wrapper has no constructor for OAEP parameters, but hands pParameter to the module.
            Class<?> paramsClass = Class.forName("sun.security.pkcs11.wrapper.CK_RSA_PKCS_OAEP_PARAMS", true,
                    ClassLoader.getPlatformClassLoader());
            Object params = paramsClass.getConstructor().newInstance();
            field(paramsClass, "hashAlg").set(params, CKM_SHA_1);
            field(paramsClass, "mgf").set(params, CKG_MGF1_SHA1);
            field(paramsClass, "source").set(params, CKZ_DATA_SPECIFIED);
            field(paramsClass, "pSourceData").set(params, null);
            field(mechanismClass(), "pParameter").set(result, params);
        }
        return result;
    }

    private static Object attributes(Object[] template) throws ReflectiveOperationException {
        Object array = java.lang.reflect.Array.newInstance(attributeClass(), template.length);
        for (int i = 0; i < template.length; i++) {
            java.lang.reflect.Array.set(array, i, template[i]);
        }
        return array;
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
