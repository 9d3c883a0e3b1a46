package eu.sovereignstack.catalog.domain;

/** Who wrote a change: the token's issuer (the federation member), subject, user name and organisation. */
public record Actor(String issuer, String subject, String username, String org) {
}
