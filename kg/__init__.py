"""kg: news articles in, one ontology-guided RDF knowledge graph out."""

__version__ = "0.1.0"
