package eu.sovereignstack.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import eu.sovereignstack.e2e.support.Api;
import eu.sovereignstack.e2e.support.Json;
import eu.sovereignstack.e2e.support.Reply;
import eu.sovereignstack.e2e.support.SovereignStack;
import eu.sovereignstack.e2e.support.SovereignStackTest;
import eu.sovereignstack.e2e.support.Tokens;
import eu.sovereignstack.e2e.support.User;

/**
 * Swagger UI at the gateway logs in as a browser would: authorization code with PKCE through
 * the public client {@code sovereign-cli}, redirected back to Swagger UI's page on the gateway's
 * local address (the client's registered redirect, http://127.0.0.1:8080/*). The test plays the
 * browser with plain HTTP: it reads Keycloak's login form, signs in, takes the code from the
 * redirect and exchanges it with the verifier, as Swagger UI's page does.
 */
@SovereignStackTest
class SwaggerUiLoginIT {

    private static final String CLIENT = "sovereign-cli";
    private static final String LOCAL_REDIRECT = "http://127.0.0.1:8080/q/swagger-ui/oauth2-redirect.html";
    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

    private final Api gateway;
    private final Tokens tokens;

    SwaggerUiLoginIT(SovereignStack stack) {
        this.gateway = stack.gateway();
        this.tokens = stack.tokens();
    }

    @Test
    void swaggerUiIsServedWithTheLoginConfigured() {
        Reply page = gateway.anonymous().get("/q/swagger-ui/");
        assertEquals(200, page.status(), page::toString);
        assertTrue(page.body().contains(CLIENT), "Swagger UI logs in with " + CLIENT);
        assertEquals(200, gateway.anonymous().get("/q/swagger-ui/oauth2-redirect.html").status());
        Reply document = gateway.anonymous().get("/q/openapi?format=json");
        assertEquals(tokens.issuer(User.Realm.SOVEREIGN) + "/.well-known/openid-configuration",
                document.json().at("/components/securitySchemes/oidc/openIdConnectUrl").asText());
    }

    @Test
    void aCodeWithoutItsVerifierIsRefused() throws Exception {
        HttpClient browser = browser();
        String issuer = tokens.issuer(User.Realm.SOVEREIGN);
        String code = signIn(browser, issuer, challenge(randomUrlSafe(48)));
        HttpResponse<String> withoutVerifier = tokenRequest(browser, issuer, Map.of("grant_type", "authorization_code",
                "client_id", CLIENT, "code", code, "redirect_uri", LOCAL_REDIRECT));
        assertEquals(400, withoutVerifier.statusCode(), "PKCE is enforced: " + withoutVerifier.body());
    }

    @Test
    void theCodeExchangedWithItsVerifierGivesATokenTheGatewayAccepts() throws Exception {
        HttpClient browser = browser();
        String issuer = tokens.issuer(User.Realm.SOVEREIGN);
        String verifier = randomUrlSafe(48);
        String code = signIn(browser, issuer, challenge(verifier));

        HttpResponse<String> token = tokenRequest(browser, issuer, withVerifier(Map.of("grant_type", "authorization_code",
                "client_id", CLIENT, "code", code, "redirect_uri", LOCAL_REDIRECT), verifier));
        assertEquals(200, token.statusCode(), token::body);
        // Swagger UI's page calls the token endpoint from the gateway's origin: Keycloak allows it.
        assertEquals("http://127.0.0.1:8080", token.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        String accessToken = Json.MAPPER.readTree(token.body()).path("access_token").asText();
        Reply products = gateway.withToken(accessToken).get("/api/v1/catalog/products?size=1");
        assertEquals(200, products.status(), products::toString);
    }

    private String signIn(HttpClient browser, String issuer, String challenge) throws Exception {
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/auth?"
                + form(Map.of("client_id", CLIENT, "response_type", "code", "scope", "openid", "state", "swagger-state",
                        "redirect_uri", LOCAL_REDIRECT, "code_challenge", challenge, "code_challenge_method", "S256")))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, login.statusCode(), login::body);
        Matcher action = FORM_ACTION.matcher(login.body());
        assertTrue(action.find(), "Keycloak's login form");
        // The session cookies Keycloak set with the form go back with it. (A browser keeps them
        // although they are marked Secure, 127.0.0.1 being a secure context; java.net's
        // CookieManager would drop them over http, so they are carried by hand.)
        String cookies = login.headers().allValues("Set-Cookie").stream()
                .map(cookie -> cookie.split(";", 2)[0])
                .collect(Collectors.joining("; "));
        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .header("Cookie", cookies)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", "viewer", "password", "viewer-demo"))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, signedIn.statusCode(), signedIn::body);
        String redirect = signedIn.headers().firstValue("Location").orElseThrow();
        assertTrue(redirect.startsWith(LOCAL_REDIRECT + "?") && redirect.contains("state=swagger-state"), redirect);
        return query(redirect).get("code");
    }

    /** Redirects are read, not followed: the redirect target is Swagger UI's page. */
    private static HttpClient browser() {
        return HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static String challenge(String verifier) throws Exception {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    }

    private static HttpResponse<String> tokenRequest(HttpClient browser, String issuer, Map<String, String> fields) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", "http://127.0.0.1:8080")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, String> withVerifier(Map<String, String> fields, String verifier) {
        Map<String, String> with = new LinkedHashMap<>(fields);
        with.put("code_verifier", verifier);
        return with;
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static Map<String, String> query(String url) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            String[] field = pair.split("=", 2);
            parameters.put(field[0], field.length > 1 ? java.net.URLDecoder.decode(field[1], StandardCharsets.UTF_8) : "");
        }
        return parameters;
    }

    private static String randomUrlSafe(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
