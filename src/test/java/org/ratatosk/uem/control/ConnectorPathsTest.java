package org.ratatosk.uem.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConnectorPathsTest {

    @ParameterizedTest
    @CsvSource({
            "/hermod/rest/uem, /rest/uem",
            "/hermod/rest/uem/, /rest/uem",
            "/hermod/pki-connector, /pki-connector",
            "/hermod, ''",
            "/hermod/, ''",
            "custom, /custom",
            "/hermodx/foo, /hermodx/foo"
    })
    void prefixIsTakenRelativeToTheContextRoot(String configured, String expected) {
        assertEquals(expected, ConnectorPaths.withinWar(configured, "/hermod"));
    }

    @ParameterizedTest
    @CsvSource({
            "/custom/pki, /hermod/custom, /rest/uem/pki",
            "/pki, /hermod, /rest/uem/pki",
            "/rest/other/pki, /hermod/rest/other, /rest/uem/pki",
            "/custom/pki/x, /hermod/custom, ",
            "/custom/pkix, /hermod/custom, ",
            "/other/pki, /hermod/custom, ",
            "/rest/uem/pki, /hermod/rest/uem, ",
            "/rest/uem/pki, /hermod/custom, "
    })
    void onlyTheConfiguredConnectorPathIsForwarded(String path, String prefix, String target) {
        assertEquals(Optional.ofNullable(target), ConnectorPaths.forwardTarget(path, prefix, "/hermod"));
    }
}
