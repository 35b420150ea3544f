package org.ratatosk.tokens.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.logging.Logger;

/**
 * The software token's PKCS#12 file, opened or created when the token starts and written whole
 * after each change. Keeping the file apart keeps the token about keys, and this about not
 * losing them: the file is only ever replaced by a complete one that only its owner can read.
 */
final class KeyStoreFile {

    private static final Logger LOG = Logger.getLogger(KeyStoreFile.class.getName());

    private final Path file;
    private final char[] password;
    private final KeyStore store;

    KeyStoreFile(Path file, char[] password) {
        this.file = file;
        this.password = password;
        try {
            store = KeyStore.getInstance("PKCS12");
            if (Files.exists(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    store.load(in, password);
                }
            } else {
                store.load(null, null);
                Files.createDirectories(file.toAbsolutePath().getParent());
                save();
                LOG.info("Created software key store " + file + "; configure an HSM for production keys");
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot open the software key store " + file, e);
        }
    }

    KeyStore store() {
        return store;
    }

    boolean readable() {
        return Files.isReadable(file);
    }

    @Override
    public String toString() {
        return file.toString();
    }

    /** Writes the whole store to a temporary file first, so a crash never leaves half a key store. */
    void save() throws IOException, GeneralSecurityException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(temporary)) {
            store.store(out, password);
        }
        try {
            Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            LOG.fine("Cannot restrict permissions of " + temporary);
        }
        try {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
