"""kg: news articles in, one ontology-guided RDF knowledge graph out.

    import kg
    result = kg.build(["news/"])          # the graph, its counts and the problems
    rows = kg.query(result.graph, "SELECT ?org WHERE { ?org a kg:Organization }")
    graph = kg.load("outputs/graph.ttl")

`import kg` does no work: spaCy, rdflib and Oxigraph are imported on the first call.
"""

from kg.api import build, load, query

__all__ = ["build", "load", "query"]
__version__ = "0.1.0"
