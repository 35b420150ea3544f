package org.ratatosk.tokens.control;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.security.Provider;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Starts a PKCS#11 module afresh (C_Finalize, then C_Initialize). SunPKCS11 initialises a module
 * once per process and keeps it, but a module that lost its token or its server (SoftHSM whose
 * store vanished, p11-kit-client whose server restarted) recovers only through a new C_Initialize.
 * Needs {@code --add-opens jdk.crypto.cryptoki/sun.security.pkcs11=ALL-UNNAMED} and the same for
 * {@code sun.security.pkcs11.wrapper}; without them a new provider is all a reconnect can do.
 */
final class Pkcs11Module {

    private static final Logger LOG = Logger.getLogger(Pkcs11Module.class.getName());
    private static final long CKF_OS_LOCKING_OK = 0x00000002L;
    private static volatile boolean warned;

    private Pkcs11Module() {
    }

    private static Method declared(Class<?> type, String name) throws NoSuchMethodException {
        return type.getDeclaredMethod(name, Object.class);
    }

    static boolean restart(Provider provider) {
        try {
            Field field = provider.getClass().getDeclaredField("p11");
            field.setAccessible(true);
            return restartModule(field.get(provider));
        } catch (ReflectiveOperationException | RuntimeException e) {
            warnOnce(e);
            return false;
        }
    }

    /**
     * The module SunPKCS11 keeps for {@code library}, when it has one, for a token that never
     * connected: SunPKCS11 keeps a module it initialised even when no provider came of it (no
     * token in the slot yet, say), and every later provider would get that same stale module.
     */
    static boolean restart(String library) {
        try {
            Class<?> wrapper = Class.forName("sun.security.pkcs11.wrapper.PKCS11", true, ClassLoader.getPlatformClassLoader());
            Field field = wrapper.getDeclaredField("moduleMap");
            field.setAccessible(true);
            Object module;
            synchronized (wrapper) {
                module = ((Map<?, ?>) field.get(null)).get(library);
            }
            return module != null && restartModule(module);
        } catch (ReflectiveOperationException | RuntimeException e) {
            warnOnce(e);
            return false;
        }
    }

    private static boolean restartModule(Object module) throws ReflectiveOperationException {
        try {
            Class<?> wrapper = module.getClass();
            while (!"sun.security.pkcs11.wrapper.PKCS11".equals(wrapper.getName()) && wrapper.getSuperclass() != null) {
                wrapper = wrapper.getSuperclass();
            }
            Class<?> argumentsClass = Class.forName("sun.security.pkcs11.wrapper.CK_C_INITIALIZE_ARGS", true,
                    wrapper.getClassLoader());
            Object arguments = argumentsClass.getConstructor().newInstance();
            Field flags = argumentsClass.getField("flags");
            flags.setLong(arguments, CKF_OS_LOCKING_OK);
            Method finalize = declared(wrapper, "C_Finalize");
            Method initialize = declared(wrapper, "C_Initialize");
            finalize.setAccessible(true);
            initialize.setAccessible(true);
            try {
                finalize.invoke(module, (Object) null);
            } catch (InvocationTargetException notInitialised) {
                LOG.fine("C_Finalize: " + notInitialised.getCause());
            }
            initialize.invoke(module, arguments);
            LOG.info("PKCS#11 module initialised afresh");
            return true;
        } catch (InvocationTargetException e) {
            LOG.warning("C_Initialize failed: " + e.getCause());
            return false;
        }
    }

    private static void warnOnce(Exception e) {
        if (!warned) {
            warned = true;
            LOG.warning("Cannot restart the PKCS#11 module (" + e + "); start the JVM with --add-opens "
                    + "jdk.crypto.cryptoki/sun.security.pkcs11=ALL-UNNAMED --add-opens "
                    + "jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=ALL-UNNAMED so that the server "
                    + "recovers from an HSM outage without a restart");
        }
    }
}
