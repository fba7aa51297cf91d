"""IRIs shared by every stage: the ontology namespace and the data namespace."""

from rdflib import Namespace

KG = Namespace("https://kg.example.org/ontology#")
ID = Namespace("https://kg.example.org/id/")
SCHEMA = Namespace("https://schema.org/")

PREFIXES = {
    "kg": KG,
    "id": ID,
    "schema": SCHEMA,
    "rdf": Namespace("http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
    "rdfs": Namespace("http://www.w3.org/2000/01/rdf-schema#"),
    "owl": Namespace("http://www.w3.org/2002/07/owl#"),
    "xsd": Namespace("http://www.w3.org/2001/XMLSchema#"),
    "skos": Namespace("http://www.w3.org/2004/02/skos/core#"),
    "prov": Namespace("http://www.w3.org/ns/prov#"),
    "dcterms": Namespace("http://purl.org/dc/terms/"),
}
