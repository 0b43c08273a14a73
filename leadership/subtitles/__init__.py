"""Films and their subtitles: films.yml (films), SRT parsing (cues), the subtitle rules and
their check (rules, check), reviewed warnings (accepted_warnings), a film's transcript as
paragraphs (transcript) and what a film page shows and publishes (film_pages)."""
