package eu.sovereignstack.e2e;

import static eu.sovereignstack.e2e.Resources.ASSESSMENTS;
import static eu.sovereignstack.e2e.Resources.submitMunicipality;
import static eu.sovereignstack.e2e.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import eu.sovereignstack.e2e.support.Api;
import eu.sovereignstack.e2e.support.Json;
import eu.sovereignstack.e2e.support.Reply;
import eu.sovereignstack.e2e.support.SovereignStack;
import eu.sovereignstack.e2e.support.SovereignStackTest;
import eu.sovereignstack.e2e.support.User;

/**
 * An assessment belongs to the organisation of its creator, within the creator's realm: another
 * organisation of the same realm cannot see it, and neither can the same organisation name in
 * the partner realm (sovereign-partner's users are also "demo-municipality").
 */
@SovereignStackTest
class TenancyIT {

    private final Api gateway;

    TenancyIT(SovereignStack stack) {
        this.gateway = stack.gateway();
    }

    @Test
    void anotherOrganisationOfTheSameRealmNeitherSeesNorListsIt() {
        String id = createAs(User.ASSESSOR);

        assertProblem(gateway.as(User.AGENCY_ASSESSOR).get(ASSESSMENTS + "/" + id), 404, "not-found");
        assertFalse(listedIds(User.AGENCY_ASSESSOR).contains(id), "listed for demo-agency");
        assertEquals(200, gateway.as(User.ASSESSOR).get(ASSESSMENTS + "/" + id).status(), "still there for its owner");
    }

    @Test
    void theSameOrganisationNameInThePartnerRealmNeitherSeesNorListsIt() {
        String id = createAs(User.ASSESSOR);

        assertProblem(gateway.as(User.PARTNER_ASSESSOR).get(ASSESSMENTS + "/" + id), 404, "not-found");
        assertFalse(listedIds(User.PARTNER_ASSESSOR).contains(id), "listed for the partner realm's demo-municipality");
    }

    @Test
    void thePartnersOwnAssessmentIsVisibleToThePartnerOnly() {
        String id = createAs(User.PARTNER_ASSESSOR);

        Reply own = gateway.as(User.PARTNER_ASSESSOR).get(ASSESSMENTS + "/" + id);
        assertEquals(200, own.status(), own::toString);
        assertEquals("partner-assessor", own.json().path("createdBy").asText());
        assertTrue(listedIds(User.PARTNER_ASSESSOR).contains(id), "listed for its owner");

        assertProblem(gateway.as(User.ASSESSOR).get(ASSESSMENTS + "/" + id), 404, "not-found");
        assertFalse(listedIds(User.ASSESSOR).contains(id), "listed for the sovereign realm's demo-municipality");
    }

    @Test
    void onlyAnOrgAdminOfTheOwningOrganisationDeletes() {
        String id = createAs(User.ASSESSOR);

        assertProblem(gateway.as(User.ASSESSOR).delete(ASSESSMENTS + "/" + id), 403, "forbidden");
        assertProblem(gateway.as(User.AGENCY_ADMIN).delete(ASSESSMENTS + "/" + id), 404, "not-found");
        assertEquals(200, gateway.as(User.ASSESSOR).get(ASSESSMENTS + "/" + id).status(), "neither attempt deleted it");

        Reply deleted = gateway.as(User.ORG_ADMIN).delete(ASSESSMENTS + "/" + id);
        assertEquals(204, deleted.status(), deleted::toString);
        assertProblem(gateway.as(User.ASSESSOR).get(ASSESSMENTS + "/" + id), 404, "not-found");
        assertFalse(listedIds(User.ASSESSOR).contains(id), "still listed after deletion");
    }

    @Test
    void anOrgAdminOfThePartnerRealmCannotDeleteIt() {
        String id = createAs(User.ASSESSOR);

        assertProblem(gateway.as(User.PARTNER_ADMIN).delete(ASSESSMENTS + "/" + id), 404, "not-found");
        assertEquals(200, gateway.as(User.ASSESSOR).get(ASSESSMENTS + "/" + id).status(), "not deleted");
    }

    private String createAs(User user) {
        Reply created = submitMunicipality(gateway.as(user));
        assertEquals(201, created.status(), created::toString);
        return created.json().path("id").asText();
    }

    private List<String> listedIds(User user) {
        Reply list = gateway.as(user).get(ASSESSMENTS + "?size=100");
        assertEquals(200, list.status(), list::toString);
        return Json.texts(list.json().path("items"), "id");
    }
}
