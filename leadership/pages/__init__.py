"""Pages: the one front matter reader (front_matter_source) and schema (frontmatter), the
checks of each page's source (content_safety, source_links, placeholders, checks), the
Welsh translations' records (translation_status), draft notices and new page pairs."""
