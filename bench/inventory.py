"""Generated inventories for the assessment benchmark: the same seed gives the same inventory.

An estate as the assessment-service sees it, in the API's own JSON: catalog products named by
slug or by name (SaaS for proprietary ones, self-hosted or managed for open ones), libraries as an
SBOM lists them (a Package URL and an SPDX licence; some are catalog products, most are not),
and the organisation's own applications that no catalog knows. Every item may depend on up to
three earlier ones, so the dependency graph is acyclic and its chains grow with the estate.

Usage as a script: python3 bench/inventory.py ITEMS [CATALOG_JSON] > inventory.json
"""

import json
import random
import sys

SHARE_BY_NAME = 0.20
SHARE_BY_SLUG = 0.10
SHARE_LIBRARY = 0.35  # the rest are the organisation's own applications

LIBRARY_LICENCES = ["Apache-2.0", "MIT", "BSD-3-Clause", "EPL-2.0", "LGPL-2.1-or-later", "GPL-3.0-only",
                    "MPL-2.0", "Apache-2.0 OR MIT", "AGPL-3.0-only", "ISC"]
ECOSYSTEMS = ["maven", "npm", "pypi", "golang"]
EU_COUNTRIES = ["FR", "DE", "NL", "BE", "IT", "ES", "AT", "FI", "SE", "PL"]
LOCAL_DEPENDENCY_WINDOW = 50  # most dependencies are on items listed shortly before
PLATFORM_ITEMS = 20            # ... and some on the first items (identity, network, databases)


def generate(items, catalog, seed=42):
    """An inventory request of `items` items; `catalog` is a list of products as the catalog lists them."""
    rng = random.Random(seed)
    with_purls = [p for p in catalog if p.get("purls")]
    inventory = []
    for i in range(items):
        roll = rng.random()
        if roll < SHARE_BY_NAME:
            item = product_item(rng, rng.choice(catalog), by_name=True)
        elif roll < SHARE_BY_NAME + SHARE_BY_SLUG:
            item = product_item(rng, rng.choice(catalog), by_name=False)
        elif roll < SHARE_BY_NAME + SHARE_BY_SLUG + SHARE_LIBRARY:
            item = library_item(rng, rng.choice(with_purls) if with_purls and rng.random() < 0.3 else None)
        else:
            item = own_application(rng, i)
        item["id"] = "item-%05d" % i
        item["dependsOn"] = dependencies(rng, i)
        inventory.append(item)
    return {
        "name": "Generated estate of %d items (seed %d)" % (items, seed),
        "organisation": {"name": "Benchmark municipality", "country": "FR", "sector": "public administration"},
        "items": inventory,
    }


def product_item(rng, product, by_name):
    item = {"name": rng.choice([product["name"]] + product.get("aliases", [])) if by_name else product["name"]}
    if not by_name:
        item["slug"] = product["slug"]
    item["users"] = rng.choice([25, 150, 1200, 8000])
    item["criticality"] = rng.choice(["LOW", "MEDIUM", "HIGH"])
    item["dataClassification"] = rng.choice(["PUBLIC", "INTERNAL", "CONFIDENTIAL"])
    steward = (product.get("steward") or {}).get("country")
    if not product.get("openSource") and "SAAS" in product.get("deploymentModels", []):
        item["deployment"] = {"model": "SAAS", "providerCountry": steward} if steward else {"model": "SAAS"}
    elif "MANAGED" in product.get("deploymentModels", []) and rng.random() < 0.3:
        item["deployment"] = {"model": "MANAGED", "provider": "Example Cloud", "providerCountry": rng.choice(EU_COUNTRIES),
                              "dataLocations": [rng.choice(EU_COUNTRIES)]}
    return item


def library_item(rng, product):
    if product is not None:
        purl = product["purls"][0] + "@" + version(rng)
        return {"name": product["name"], "purl": purl, "version": purl.rsplit("@", 1)[1], "usage": usage(rng)}
    ecosystem = rng.choice(ECOSYSTEMS)
    name = "lib-%04d" % rng.randrange(3000)  # a few thousand libraries, so an estate repeats some
    namespace = {"maven": "org.example.%s/" % rng.choice(["core", "util", "web"]), "golang": "github.com/example/",
                 "npm": "", "pypi": ""}[ecosystem]
    v = version(rng)
    return {"name": name, "purl": "pkg:%s/%s%s@%s" % (ecosystem, namespace, name, v), "version": v,
            "licence": rng.choice(LIBRARY_LICENCES), "usage": usage(rng)}


def own_application(rng, i):
    item = {"name": "Internal application %d" % i, "criticality": rng.choice(["LOW", "MEDIUM", "HIGH", "CRITICAL"]),
            "usage": rng.choice(["INTERNAL", "NETWORK_SERVICE"])}
    if rng.random() < 0.5:
        item["licence"] = rng.choice(["EUPL-1.2", "LicenseRef-Proprietary"])
    return item


def dependencies(rng, i):
    if i == 0:
        return []
    chosen = set()
    for _ in range(rng.choice([0, 1, 1, 2, 2, 3])):
        if i > PLATFORM_ITEMS and rng.random() < 0.2:
            chosen.add(rng.randrange(PLATFORM_ITEMS))
        else:
            chosen.add(rng.randrange(max(0, i - LOCAL_DEPENDENCY_WINDOW), i))
    return ["item-%05d" % d for d in sorted(chosen)]


def usage(rng):
    return rng.choice(["INTERNAL", "INTERNAL", "DISTRIBUTED", "NETWORK_SERVICE"])


def version(rng):
    return "%d.%d.%d" % (rng.randrange(1, 30), rng.randrange(20), rng.randrange(10))


if __name__ == "__main__":
    size = int(sys.argv[1])
    products = json.load(open(sys.argv[2])) if len(sys.argv) > 2 else [
        {"slug": "microsoft-365", "name": "Microsoft 365", "aliases": ["Office 365"], "deploymentModels": ["SAAS"],
         "steward": {"country": "US"}, "openSource": False, "purls": []},
        {"slug": "keycloak", "name": "Keycloak", "aliases": [], "deploymentModels": ["SELF_HOSTED"], "openSource": True,
         "purls": ["pkg:maven/org.keycloak/keycloak-core"]},
    ]
    json.dump(generate(size, products), sys.stdout)
