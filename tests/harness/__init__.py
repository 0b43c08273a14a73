"""What the tests and benchmarks share: building and serving a site and driving Chromium
(testing), the axe accessibility run (accessibility), the search evaluation
(search_evaluation). Not part of the product package."""
