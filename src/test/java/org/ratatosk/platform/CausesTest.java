package org.ratatosk.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.InvalidKeyException;
import java.util.stream.Stream;
import javax.crypto.IllegalBlockSizeException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CausesTest {

    static Stream<Arguments> reasons() {
        IllegalBlockSizeException integrity = new IllegalBlockSizeException("Integrity check failed");
        return Stream.of(
                Arguments.of(new InvalidKeyException("Unwrapping failed", integrity), "Integrity check failed"),
                Arguments.of(new IllegalStateException(new InvalidKeyException(integrity)), "Integrity check failed"),
                Arguments.of(new IllegalStateException("javax.crypto.AEADBadTagException: Tag mismatch"), "Tag mismatch"),
                Arguments.of(new IllegalStateException("java.lang.RuntimeException: javax.crypto.BadPaddingException: bad"), "bad"),
                Arguments.of(new IllegalStateException("Tag mismatch"), "Tag mismatch"),
                Arguments.of(new IllegalStateException("e.g. the key is 512 bits"), "e.g. the key is 512 bits"),
                Arguments.of(new IllegalStateException("CKR_ENCRYPTED_DATA_INVALID"), "CKR_ENCRYPTED_DATA_INVALID"),
                Arguments.of(new IllegalStateException(new NullPointerException()), "no reason given"),
                Arguments.of(new IllegalStateException("java.lang.NullPointerException"), "no reason given"));
    }

    @ParameterizedTest
    @MethodSource("reasons")
    void aReasonIsTheDeepestMessageWithoutJavaClassNames(Throwable thrown, String reason) {
        assertEquals(reason, Causes.reason(thrown));
    }
}
