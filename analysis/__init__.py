"""NLP over article bodies: entities, dates, events and the decisions of event linking.

Pure functions over text and plain data; never imports store/ or textual. spaCy is loaded
lazily (analysis.nlp) so nothing pays for it until an article is analysed.
"""
