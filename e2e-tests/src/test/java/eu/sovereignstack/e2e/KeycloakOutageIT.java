package eu.sovereignstack.e2e;

import static eu.sovereignstack.e2e.Resources.submitMunicipality;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import eu.sovereignstack.e2e.support.Api;
import eu.sovereignstack.e2e.support.Jwt;
import eu.sovereignstack.e2e.support.Reply;
import eu.sovereignstack.e2e.support.SovereignStack;
import eu.sovereignstack.e2e.support.SovereignStackTest;
import eu.sovereignstack.e2e.support.Tokens;
import eu.sovereignstack.e2e.support.User;

/**
 * Keycloak goes away and comes back with new signing keys (its store is in memory): tokens
 * already issued keep working meanwhile, readiness does not depend on it, and afterwards tokens
 * signed by the new key work at once, without restarting any service. Runs last.
 */
@SovereignStackTest
@Order(Integer.MAX_VALUE)
class KeycloakOutageIT {

    private static final String PRODUCTS = "/api/v1/catalog/products?size=1";

    private final SovereignStack stack;
    private final Api gateway;
    private final Tokens tokens;

    KeycloakOutageIT(SovereignStack stack) {
        this.stack = stack;
        this.gateway = stack.gateway();
        this.tokens = stack.tokens();
    }

    @Test
    void issuedTokensOutliveAnOutageAndNewKeysAreTakenUpWithoutRestarts() {
        String viewer = tokens.accessToken(User.VIEWER);
        String assessor = tokens.accessToken(User.ASSESSOR);
        assertEquals(200, gateway.withToken(viewer).get(PRODUCTS).status());

        stack.keycloakOutage(() -> {
            Reply read = gateway.withToken(viewer).get(PRODUCTS);
            assertEquals(200, read.status(), () -> "a token issued before the outage: " + read);
            Reply assessed = submitMunicipality(gateway.withToken(assessor));
            assertEquals(201, assessed.status(), () -> "gateway, assessment-service and catalog check it without Keycloak: " + assessed);
            Reply ready = gateway.anonymous().get("/q/health/ready");
            assertEquals(200, ready.status(), () -> "readiness does not depend on Keycloak: " + ready);
        });

        String renewed = tokens.accessToken(User.VIEWER);
        assertNotEquals(Jwt.parse(viewer).header().path("kid").asText(), Jwt.parse(renewed).header().path("kid").asText(),
                "precondition: Keycloak came back with a new signing key");
        Reply read = gateway.withToken(renewed).get(PRODUCTS);
        assertEquals(200, read.status(), () -> "a token of the new key: " + read);
        Reply assessed = submitMunicipality(gateway.as(User.ASSESSOR));
        assertEquals(201, assessed.status(), () -> "a token of the new key, checked by every service: " + assessed);
    }
}
