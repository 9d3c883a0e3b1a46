"""A generated CycloneDX 1.5 JSON SBOM of a large product: the same seed gives the same document.

What a build tool writes for a product with many dependencies: every component a library with a
bom-ref (its Package URL), group, name, version, an SPDX licence and a SHA-256 hash, across Maven,
npm, PyPI and Go. A few percent are packages the catalog knows (their Package URLs come from the
running catalog), the rest are not. Every component depends on up to three listed before it, so the
dependency graph is acyclic; the product (the metadata component) depends on the first ones.

Usage as a script: python3 bench/sbom.py COMPONENTS [CATALOG_JSON] > sbom.cdx.json
"""

import hashlib
import json
import random
import sys

LICENCES = ["Apache-2.0", "MIT", "BSD-3-Clause", "BSD-2-Clause", "EPL-2.0", "LGPL-2.1-or-later", "MPL-2.0", "ISC",
            "GPL-2.0-only WITH Classpath-exception-2.0", "Apache-2.0 OR MIT"]
ECOSYSTEMS = ["maven", "npm", "pypi", "golang"]
SHARE_KNOWN = 0.03        # components whose Package URL the catalog lists
WITHOUT_LICENCE = 0.05    # components whose licence the SBOM does not state
LOCAL_WINDOW = 200        # dependencies are on components listed shortly before
ROOTS = 50                # what the product itself depends on


def generate(components, catalog, seed=42):
    """A CycloneDX JSON SBOM (as a dict) of `components` components; `catalog` lists products as the catalog does."""
    rng = random.Random(seed)
    known = [purl for product in catalog for purl in product.get("purls", [])]
    listed, refs, seen = [], [], set()
    for i in range(components):
        if known and rng.random() < SHARE_KNOWN:
            base = rng.choice(known)
            group, name = split(base)
            purl = "%s@%s" % (base, version(rng))
            while purl in seen:  # a package is listed once per version: bom-refs are unique
                purl = "%s@%s" % (base, version(rng))
        else:
            ecosystem = rng.choice(ECOSYSTEMS)
            group = {"maven": "org.example.%s" % rng.choice(["core", "util", "web", "data", "io"]),
                     "golang": "github.com/example", "npm": None, "pypi": None}[ecosystem]
            name = "component-%06d" % i
            purl = "pkg:%s/%s%s@%s" % (ecosystem, group + "/" if group else "", name, version(rng))
        component = {"type": "library", "bom-ref": purl, "name": name, "version": purl.rsplit("@", 1)[1], "purl": purl,
                     "hashes": [{"alg": "SHA-256", "content": hashlib.sha256(purl.encode()).hexdigest()}]}
        if group:
            component["group"] = group
        if rng.random() >= WITHOUT_LICENCE:
            licence = rng.choice(LICENCES)
            component["licenses"] = [{"expression": licence}] if " " in licence else [{"license": {"id": licence}}]
        listed.append(component)
        refs.append(purl)
        seen.add(purl)
    dependencies = [{"ref": "product", "dependsOn": refs[:ROOTS]}]
    for i, ref in enumerate(refs):
        targets = sorted({rng.randrange(max(0, i - LOCAL_WINDOW), i) for _ in range(rng.choice([0, 1, 2, 3]))}) if i else []
        dependencies.append({"ref": ref, "dependsOn": [refs[t] for t in targets]})
    return {
        "bomFormat": "CycloneDX", "specVersion": "1.5", "version": 1,
        "serialNumber": "urn:uuid:%s" % uuid_from(rng),
        "metadata": {"component": {"type": "application", "bom-ref": "product", "name": "Large product", "version": "1.0.0"},
                     "supplier": {"name": "Benchmark vendor"}},
        "components": listed,
        "dependencies": dependencies,
    }


def split(purl):
    """The group (namespace) and name of a Package URL without version."""
    path = purl.split("/", 1)[1]
    return (path.rsplit("/", 1)[0], path.rsplit("/", 1)[1]) if "/" in path else (None, path)


def version(rng):
    return "%d.%d.%d" % (rng.randrange(1, 30), rng.randrange(20), rng.randrange(10))


def uuid_from(rng):
    digits = "%032x" % rng.getrandbits(128)
    return "%s-%s-%s-%s-%s" % (digits[:8], digits[8:12], digits[12:16], digits[16:20], digits[20:])


if __name__ == "__main__":
    size = int(sys.argv[1])
    products = json.load(open(sys.argv[2])) if len(sys.argv) > 2 else [
        {"slug": "postgresql-jdbc", "purls": ["pkg:maven/org.postgresql/postgresql"]}]
    json.dump(generate(size, products), sys.stdout, separators=(",", ":"))
