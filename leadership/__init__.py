"""Domain logic shared by the site's hooks, its check scripts and its tests.

One place for what the project knows: languages and page pairs, subtitle cues,
film metadata, links in the built site, and the output contract of every check.
"""
