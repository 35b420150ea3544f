package org.ratatosk.tokens.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The operator's SunPKCS11 configuration file (library, slotListIndex, ...), completed with the
 * generation templates that keep private keys as sensitive token objects inside the HSM.
 */
public final class Pkcs11Configuration {

    private static final Pattern NAME = Pattern.compile("(?m)^\\s*name\\s*=.*$");
    private static final Pattern LIBRARY = Pattern.compile("(?m)^\\s*library\\s*=\\s*(.+?)\\s*$");

    private final String text;
    private final String name;

    public Pkcs11Configuration(String text, String name) {
        this.text = NAME.matcher(text).replaceAll("");
        this.name = name;
    }

    public static Pkcs11Configuration read(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Matcher found = NAME.matcher(text);
            String name = found.find() ? found.group().replaceFirst("^\\s*name\\s*=\\s*", "").trim() : "Hermod";
            return new Pkcs11Configuration(text, name.isEmpty() ? "Hermod" : name);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the PKCS#11 configuration " + file, e);
        }
    }

    public String library() {
        Matcher found = LIBRARY.matcher(text);
        return found.find() ? found.group(1) : "(no library configured)";
    }

    /** For keys that never leave the HSM: CKA_SENSITIVE true, CKA_EXTRACTABLE false. */
    public String strict() {
        return complete(name, false);
    }

    /** For keys created extractable: still sensitive, so they can leave only wrapped. */
    public String extractable() {
        return complete(name + "-extractable", true);
    }

    private String complete(String providerName, boolean extractable) {
        return "name = " + providerName + "\n" + text.strip() + "\n"
                + "attributes(generate, CKO_PRIVATE_KEY, *) = {\n"
                + "  CKA_TOKEN = true\n"
                + "  CKA_PRIVATE = true\n"
                + "  CKA_SENSITIVE = true\n"
                + "  CKA_EXTRACTABLE = " + extractable + "\n"
                + "}\n"
                + "attributes(generate, CKO_SECRET_KEY, *) = {\n"
                + "  CKA_SENSITIVE = true\n"
                + "  CKA_EXTRACTABLE = " + extractable + "\n"
                + "}\n";
    }
}
