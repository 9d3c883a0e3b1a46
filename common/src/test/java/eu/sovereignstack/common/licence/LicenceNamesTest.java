package eu.sovereignstack.common.licence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LicenceNamesTest {

    private static final SpdxLicences SPDX = new SpdxLicences();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Apache License, Version 2.0 | Apache-2.0",
            "The Apache Software License, Version 2.0 | Apache-2.0",
            "apache-2.0 | Apache-2.0",
            "MIT License | MIT",
            "The MIT License (MIT) | MIT",
            "Eclipse Public License - v 2.0 | EPL-2.0",
            "Mozilla Public License, Version 2.0 | MPL-2.0",
            "GPL-2.0 | GPL-2.0-only",
            "GPL-2.0+ | GPL-2.0-or-later",
            "GNU Lesser General Public License v2.1 only | LGPL-2.1-only",
            "Licence Libre du Québec – Réciprocité forte version 1.1 | LiLiQ-Rplus-1.1",
            "GPL-2.0 with the Universal FOSS Exception | GPL-2.0-only WITH Universal-FOSS-exception-1.0",
            "GPLv2 with Classpath exception 2.0 | GPL-2.0-only WITH Classpath-exception-2.0",
            "GPL2 w/ CPE | GPL-2.0-only WITH Classpath-exception-2.0",
            "CDDL + GPLv2 with classpath exception | CDDL-1.1 OR GPL-2.0-only WITH Classpath-exception-2.0"})
    void aKnownNameIsItsSpdxExpression(String name, String expected) throws InvalidLicenceException {
        Optional<String> expression = LicenceNames.standard().spdx(name);

        assertEquals(Optional.of(expected), expression);
        assertTrue(SPDX.analyse(expression.get()).openSource(), expected + " is open source");
    }

    @ParameterizedTest
    @ValueSource(strings = {"BSD License", "LGPL", "Custom v2.1", "Oracle Free Use Terms & Conditions (FUTC)",
            "GPL-2.0 with an exception of our own", "Some licence with the Universal FOSS Exception", " ", "©"})
    void anAmbiguousOrUnknownNameIsNotGuessed(String name) {
        assertEquals(Optional.empty(), LicenceNames.standard().spdx(name));
    }

    @Test
    void everyCommonNameStandsForAValidOpenExpression() throws Exception {
        List<String> lines;
        try (InputStream in = LicenceNames.class.getResourceAsStream("/licences/licence-names.csv")) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#")).skip(1).toList();
        }
        assertTrue(lines.size() > 20, "the common names are read");
        for (String line : lines) {
            String name = line.substring(0, line.lastIndexOf(','));
            String expression = line.substring(line.lastIndexOf(',') + 1);
            assertEquals(Optional.of(expression), LicenceNames.standard().spdx(name), name);
            assertTrue(SPDX.analyse(expression).openSource(), line);
        }
    }
}
