package eu.sovereignstack.assessment.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import eu.sovereignstack.assessment.domain.Criticality;
import eu.sovereignstack.assessment.domain.Deployment;
import eu.sovereignstack.assessment.domain.Inventory;
import eu.sovereignstack.assessment.domain.InventoryItem;
import eu.sovereignstack.assessment.domain.Organisation;
import eu.sovereignstack.assessment.domain.Usage;
import eu.sovereignstack.assessment.engine.licence.LicenceCheck;
import eu.sovereignstack.assessment.engine.licence.OsadlMatrix;
import eu.sovereignstack.assessment.engine.model.AssessmentResult;
import eu.sovereignstack.assessment.engine.model.Policy;
import eu.sovereignstack.catalog.contract.ResolveResult;
import eu.sovereignstack.common.licence.SpdxLicences;

/** The CSV exports reach spreadsheets: no text cell may start what a spreadsheet evaluates as a formula. */
class ReportsTest {

    private static final SpdxLicences SPDX = new SpdxLicences();
    private static final AssessmentEngine ENGINE = new AssessmentEngine(SPDX, new LicenceCheck(SPDX, new OsadlMatrix()));

    @Test
    void cellsThatWouldBeFormulasAreNeutralisedAndOthersKept() {
        List<String> names = List.of("=HYPERLINK(\"https://attacker.example\",\"open\")", "+1+1", "-2+3", "@SUM(1,2)", "\tTabbed",
                "\rReturned", "Plain name", "Name with = inside");
        List<InventoryItem> items = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            items.add(new InventoryItem("item-" + i, names.get(i), null, null, null, "EUPL-1.2", Deployment.selfHosted(), null, null,
                    Criticality.HIGH, Usage.NETWORK_SERVICE, List.of(), false, null));
        }
        AssessmentResult result = ENGINE.assess(new Inventory(new Organisation("Example", null, "FR"), items), SovereigntyScorerTest.CSF,
                Policy.none(), 70, new ResolveResult(List.of(), Map.of()), LocalDate.of(2026, 12, 3), null);

        Map<String, Map<String, String>> rows = read(Reports.itemsCsv(result));
        for (int i = 0; i < 6; i++) {
            assertEquals("'" + names.get(i), rows.get("item-" + i).get("name"));
        }
        assertEquals("Plain name", rows.get("item-6").get("name"));
        assertEquals("Name with = inside", rows.get("item-7").get("name"));
        assertEquals(String.valueOf(result.items().get(0).assessment().score()), rows.get("item-0").get("score"), "numbers stay numbers");
    }

    private static Map<String, Map<String, String>> read(String csv) {
        Map<String, Map<String, String>> byId = new HashMap<>();
        try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
            rows.forEachRemaining(row -> byId.put(row.get("id"), row));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return byId;
    }
}
