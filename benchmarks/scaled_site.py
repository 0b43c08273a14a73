"""A scaled copy of the site for the benchmarks: the real project plus generated pages,
films and activity guides in English and Welsh, all in both languages' navigation.

The generated content is built from the real content so that it reads, weighs and
searches like it: page paragraphs come from the real pages of the same language, and
subtitle cues are the real films' cue pairs (English with its Welsh translation) re-timed.
Everything must pass the project's own checks, because the build refuses films with
subtitle errors and activity guides with front matter errors; ``generate`` runs the
subtitle and activity checkers on the result and raises when they find an error.

    python benchmarks/scaled_site.py TARGET [--pages 500] [--films 50] [--activities 40]
"""

from __future__ import annotations

import argparse
import math
import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))  # tests/harness/

from harness.testing import copy_project  # noqa: E402

from leadership.activities import schema as activity_schema  # noqa: E402
from leadership.languages import DEFAULT_LANGUAGE, LANGUAGES  # noqa: E402
from leadership.markdown_source import split_source  # noqa: E402
from leadership.pages.translation_status import REVIEWED, source_hash  # noqa: E402
from leadership.subtitles.check import check_paths  # noqa: E402
from leadership.subtitles.cues import anchors, format_timestamp, plain_text, read_srt  # noqa: E402
from leadership.subtitles.films import FILMS_FILE, load_films, subtitle_path  # noqa: E402

SEED = 20250501
SOURCE_URL = (
    "https://socialcare.wales/resources-guidance/social-care-managers-and-employers/"
    "compassionate-leadership-for-managers"
)
FILM_PREFIX = "scaled-film"
ACTIVITY_PREFIX = "scaled-activity"
TOPIC_PREFIX = "topic"

# Subtitle timing for generated films: comfortably inside leadership/subtitles/rules.py
# (15 characters a second is below the 17 warning level; the gap is 200 ms, the films' own).
CUE_CPS = 15.0
CUE_MIN_MS = 1200
CUE_MAX_MS = 7000
CUE_GAP_MS = 200
FIRST_CUE_MS = 700

MARKDOWN_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
ATTRIBUTE_LIST = re.compile(r"\s*\{[^}]*\}\s*$")
EMPHASIS = re.compile(r"\*+|_{2,}")
LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+\.)\s+(?P<text>.+)$")
NOT_PROSE = re.compile(r"^\s*(?:#|\||>|!!!|\?\?\?|<|:|\*\[|\[\^|```|~~~|-{3,}|\d+\.\s|[-*+]\s)")

TOPICS = {
    "en": (
        "Supervision", "Team meetings", "Wellbeing at work", "Recruitment and induction",
        "Handling complaints", "Working with families", "Safeguarding conversations",
        "Change and uncertainty", "Feedback and appraisal", "Working with partners",
        "Rotas and workload", "Learning from incidents",
    ),
    "cy": (
        "Goruchwylio", "Cyfarfodydd tîm", "Llesiant yn y gwaith", "Recriwtio a chynefino",
        "Ymdrin â chwynion", "Gweithio gyda theuluoedd", "Sgyrsiau diogelu",
        "Newid ac ansicrwydd", "Adborth ac arfarnu", "Gweithio gyda phartneriaid",
        "Rotâu a llwyth gwaith", "Dysgu o ddigwyddiadau",
    ),
}
WORDS = {
    "unit": {"en": "Unit", "cy": "Uned"},
    "note": {"en": "practice note", "cy": "nodyn ymarfer"},
    "overview": {"en": "overview", "cy": "trosolwg"},
    "film": {"en": "Film", "cy": "Ffilm"},
    "activity": {"en": "Activity", "cy": "Gweithgaredd"},
    "films": {"en": "Films", "cy": "Ffilmiau"},
    "activities": {"en": "Activities", "cy": "Gweithgareddau"},
    "watch": {"en": "Watch from", "cy": "Gwyliwch o"},
    "see": {"en": "See also", "cy": "Gweler hefyd"},
    "next": {"en": "the next note", "cy": "y nodyn nesaf"},
    "principle": {"en": "the principle page on attending", "cy": "tudalen yr egwyddor rhoi sylw"},
    "and": {"en": "and", "cy": "a"},
}
# Section headings of generated pages: (id, English, Welsh). Ids are the same in both.
HEADINGS = (
    ("what-it-means", "What it means", "Beth mae'n ei olygu"),
    ("in-practice", "In practice", "Yn ymarferol"),
    ("why-it-matters", "Why it matters", "Pam mae'n bwysig"),
    # Not "reflection-questions": that section must be a numbered list (a notes box each).
    ("questions-to-discuss", "Questions to discuss", "Cwestiynau i’w trafod"),
    ("in-the-films", "In the films", "Yn y ffilmiau"),
    ("further-reading", "Further reading", "Darllen pellach"),
)
ACTIVITY_TEXT = {
    "en": {
        "audience": "Managers and team leaders in any social care setting",
        "materials": ["A way to show the film moments (or the printed transcript)", "A timer"],
        "outcomes": [
            "Describe the behaviour in Professor Michael West's terms.",
            "Try it out with a colleague and notice what helps.",
        ],
        "step": "Step",
        "intro": "This activity gives a team time to practise one behaviour of compassionate "
        "leadership and to talk about what makes it hard in a busy service.",
        "steps": "How to run it",
        "notes": "Facilitator notes",
        "debrief": "Debrief questions",
        "note": "Keep time firmly and let everyone speak once before anyone speaks twice.",
        "question": "What will you do differently in your next supervision?",
        "moment": "The moment this activity starts from.",
        "do": "Explain the task, then give the group the time shown.",
    },
    "cy": {
        "audience": "Rheolwyr ac arweinwyr tîm mewn unrhyw leoliad gofal cymdeithasol",
        "materials": ["Ffordd o ddangos y darnau o'r ffilm (neu'r trawsgrifiad)", "Amserydd"],
        "outcomes": [
            "Disgrifio'r ymddygiad yn nhermau'r Athro Michael West.",
            "Rhoi cynnig arno gyda chydweithiwr a sylwi ar beth sy'n helpu.",
        ],
        "step": "Cam",
        "intro": "Mae'r gweithgaredd hwn yn rhoi amser i dîm ymarfer un o ymddygiadau "
        "arweinyddiaeth dosturiol a siarad am beth sy'n ei wneud yn anodd mewn gwasanaeth prysur.",
        "steps": "Sut i'w gynnal",
        "notes": "Nodiadau i'r hwylusydd",
        "debrief": "Cwestiynau i gloi",
        "note": "Cadwch at yr amser a rhowch gyfle i bawb siarad unwaith cyn i neb siarad "
        "ddwywaith.",
        "question": "Beth fyddwch chi'n ei wneud yn wahanol yn eich sesiwn oruchwylio nesaf?",
        "moment": "Y darn o'r ffilm y mae'r gweithgaredd yn dechrau ohono.",
        "do": "Esboniwch y dasg, yna rhowch yr amser a nodir i'r grŵp.",
    },
}



def as_text(markdown: str) -> str:
    """Prose without its markup (``<span lang="en">``): films.yml and front matter are text.
    Apostrophes typographic, so YAML writes them as they are (the Welsh check reads a
    single-quoted scalar's doubled '' as it is written)."""
    return re.sub(r"<[^>]+>", "", markdown).replace("'", "’")

@dataclass(frozen=True)
class Scale:
    pages: int = 500  # generated pages per language, in topic sections
    sections: int = 10
    films: int = 50
    cues: int = 150
    activities: int = 40


@dataclass
class ScaledSite:
    root: Path
    scale: Scale
    pages: dict[str, int] = field(default_factory=dict)  # Markdown pages per language
    examples: dict[str, str] = field(default_factory=dict)  # kind -> docs path (no language)


# --- mkdocs.yml with its tags kept --------------------------------------------------------


@dataclass(frozen=True)
class Tagged:
    """A YAML value with a tag PyYAML's safe loader does not know (!ENV, !!python/name:...)."""

    tag: str
    value: object


class ConfigLoader(yaml.SafeLoader):
    pass


class ConfigDumper(yaml.SafeDumper):
    pass


def _construct_tagged(loader: ConfigLoader, suffix: str, node: yaml.Node) -> Tagged:
    if isinstance(node, yaml.ScalarNode):
        value = loader.construct_scalar(node)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)
    return Tagged(node.tag, value)


def _represent_tagged(dumper: ConfigDumper, data: Tagged) -> yaml.Node:
    if isinstance(data.value, list):
        return dumper.represent_sequence(data.tag, data.value)
    if isinstance(data.value, dict):
        return dumper.represent_mapping(data.tag, data.value)
    return dumper.represent_scalar(data.tag, data.value)


ConfigLoader.add_multi_constructor("!", _construct_tagged)
ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", _construct_tagged)
ConfigDumper.add_representer(Tagged, _represent_tagged)


def read_config(path: Path) -> dict:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=ConfigLoader)


def write_config(config: dict, path: Path) -> None:
    path.write_text(
        yaml.dump(config, Dumper=ConfigDumper, allow_unicode=True, sort_keys=False, width=100),
        encoding="utf-8",
    )


def language_navs(config: dict) -> dict[str, list]:
    """Each language's nav list: the top-level nav for English, the i18n plugin's for others.

    A language without a nav of its own uses the top-level one (and is not listed).
    """
    navs = {DEFAULT_LANGUAGE: config.setdefault("nav", [])}
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and "i18n" in plugin:
            for language in plugin["i18n"].get("languages", []):
                if language.get("locale") != DEFAULT_LANGUAGE and "nav" in language:
                    navs[language["locale"]] = language["nav"]
    return navs


def _section_holding(nav: list, page: str) -> list | None:
    """The children list of the nav section that lists ``page``, searched depth first."""
    for item in nav:
        if isinstance(item, dict):
            for children in item.values():
                if isinstance(children, list):
                    if page in children or any(
                        isinstance(child, dict) and page in child.values() for child in children
                    ):
                        return children
                    found = _section_holding(children, page)
                    if found is not None:
                        return found
    return None


def _after_last_section(nav: list) -> int:
    positions = [
        index for index, item in enumerate(nav)
        if isinstance(item, dict) and any(isinstance(value, list) for value in item.values())
    ]
    return positions[-1] + 1 if positions else len(nav)


def _add_to_section(nav: list, index_page: str, title: str, entries: list, docs: Path) -> None:
    children = _section_holding(nav, index_page)
    if children is None:
        children = [index_page] if (docs / index_page).is_file() else []
        nav.insert(_after_last_section(nav), {title: children})
    children.extend(entries)


# --- content from the real site -------------------------------------------------------------


def _plain(markdown: str) -> str:
    text = MARKDOWN_LINK.sub(r"\1", markdown)
    return " ".join(EMPHASIS.sub("", text).split())


def prose(docs_dir: Path, language: str) -> tuple[list[str], list[str]]:
    """Paragraphs and list items of the real pages in one language, as plain sentences."""
    paragraphs, items = [], []
    for page in sorted((docs_dir / language).rglob("*.md")):
        body = split_source(page.read_text(encoding="utf-8")).body
        for block in re.split(r"\n\s*\n", body):
            lines = block.strip().split("\n")
            if not lines[0] or any(line.lstrip().startswith(":") for line in lines):
                continue  # empty, or a definition list (the glossary)
            if all(LIST_ITEM.match(line) for line in lines):
                items += [_plain(LIST_ITEM.match(line)["text"]) for line in lines]
            elif not NOT_PROSE.match(lines[0]):
                text = _plain(" ".join(lines))
                if len(text.split()) >= 20:
                    paragraphs.append(text)
    return paragraphs, [item for item in items if len(item.split()) >= 4]


def cue_pairs(transcripts_dir: Path) -> list[tuple[str, str]]:
    """(English text, Welsh text) of every cue of the real films, in film order."""
    pairs = []
    for film in load_films(transcripts_dir):
        texts = {
            language: [cue.text for cue in read_srt(subtitle_path(transcripts_dir, film.slug,
                                                                  language))]
            for language in ("en", "cy")
        }
        pairs += list(zip(texts["en"], texts["cy"], strict=True))
    return pairs


# --- films ------------------------------------------------------------------------------------


def _cue_length(text: str) -> int:
    shown = plain_text(text)
    return len(shown) - shown.count("\n")


def _same(text: str, other: str) -> bool:
    return " ".join(plain_text(text).split()) == " ".join(plain_text(other).split())


def film_cues(pairs: list[tuple[str, str]], count: int, rng: random.Random):
    """``count`` cues as (start ms, end ms, English, Welsh): real cue pairs, re-timed."""
    step = rng.randrange(1, len(pairs))
    while math.gcd(step, len(pairs)) != 1:
        step += 1
    position = rng.randrange(len(pairs))
    cues, start = [], FIRST_CUE_MS
    previous = ("", "")
    for _ in range(count):
        # Two source cues can share a text in one language; the rules forbid a repeat.
        while any(_same(a, b) for a, b in zip(pairs[position], previous, strict=True)):
            position = (position + step) % len(pairs)
        english, welsh = previous = pairs[position]
        position = (position + step) % len(pairs)
        characters = max(_cue_length(english), _cue_length(welsh))
        duration = min(CUE_MAX_MS, max(CUE_MIN_MS, math.ceil(characters * 1000 / CUE_CPS)))
        cues.append((start, start + duration, english, welsh))
        start += duration + CUE_GAP_MS
    return cues


def srt_text(cues, language: str) -> str:
    column = 2 if language == "en" else 3
    blocks = [
        f"{number}\n{format_timestamp(cue[0])} --> {format_timestamp(cue[1])}\n{cue[column]}\n"
        for number, cue in enumerate(cues, start=1)
    ]
    return "\n".join(blocks)


# --- writing ----------------------------------------------------------------------------------


def _front_matter(data: dict) -> str:
    return "---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000) + "---\n"


class _Writer:
    def __init__(self, root: Path, scale: Scale, seed: int):
        self.root = root
        self.docs = root / "docs"
        self.transcripts = root / "transcripts"
        self.scale = scale
        self.seed = seed
        self.rng = random.Random(seed)
        self.prose = {language: prose(self.docs, language) for language in LANGUAGES}
        self.film_anchors: dict[str, list[str]] = {}
        self.nav: dict[str, dict[str, list]] = {language: {} for language in LANGUAGES}
        self.topics: list[list[list[str]]] = []  # section -> unit -> page paths

    def write(self, language: str, path: str, text: str) -> None:
        """Write a page; a translation records the English page it translates, as editors do
        with scripts/translations.py --stamp (English pages are written first)."""
        target = self.docs / language / path
        if language != DEFAULT_LANGUAGE:
            english = self.docs / DEFAULT_LANGUAGE / path
            record = {"translation": {"source": source_hash(english), "status": REVIEWED}}
            closing = text.index("\n---\n", 3) + 1
            text = text[:closing] + yaml.safe_dump(record, sort_keys=False) + text[closing:]
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")

    def paragraph(self, language: str) -> str:  # Markdown, which may mark its language
        return self.rng.choice(self.prose[language][0])

    def items(self, language: str, count: int) -> list[str]:
        return self.rng.sample(self.prose[language][1], count)

    # films
    def films(self) -> list[dict]:
        pairs = cue_pairs(self.transcripts)
        entries = []
        for number in range(1, self.scale.films + 1):
            slug = f"{FILM_PREFIX}-{number:02d}"
            cues = film_cues(pairs, self.scale.cues, self.rng)
            for language in LANGUAGES:
                (self.transcripts / f"{slug}.{language}.srt").write_text(
                    srt_text(cues, language), encoding="utf-8"
                )
            self.film_anchors[slug] = anchors(read_srt(self.transcripts / f"{slug}.en.srt"))
            seconds = math.ceil(cues[-1][1] / 1000)
            topic = {language: TOPICS[language][number % len(TOPICS[language])]
                     for language in LANGUAGES}
            title = {language: f"{WORDS['film'][language]} {number}: {topic[language]}"
                     for language in LANGUAGES}
            entries.append({
                "slug": slug,
                "title": title,
                "speaker": "Professor Michael West",
                "role": {"en": "Professor of Organisational Psychology",
                         "cy": "Athro Seicoleg Sefydliadol"},
                "duration": f"{seconds // 60:02d}:{seconds % 60:02d}",
                "source": {"title": "Compassionate leadership for managers (Social Care Wales)",
                           "url": SOURCE_URL},
                "description": {
                    language: as_text(self.paragraph(language)) for language in LANGUAGES
                },
                "video": None,
                "corrections": [],
            })
            for language in LANGUAGES:
                page = _front_matter({
                    "title": title[language],
                    "description": as_text(self.items(language, 1)[0]),
                    "kind": "film",
                    "film": slug,
                }) + f"\n# {title[language]}\n\n{self.paragraph(language)}\n\n" \
                    f"{self.paragraph(language)}\n"
                self.write(language, f"films/{slug}.md", page)
                self.nav[language].setdefault("films", []).append(
                    {title[language]: f"films/{slug}.md"}
                )
        films_file = self.transcripts / FILMS_FILE
        data = yaml.safe_load(films_file.read_text(encoding="utf-8"))
        if any("translation" in film for film in data["films"]):
            # The real films record which English subtitles their Welsh ones translate.
            for entry in entries:
                english = self.transcripts / f"{entry['slug']}.{DEFAULT_LANGUAGE}.srt"
                entry["translation"] = {"source": source_hash(english), "status": REVIEWED}
        data["films"].extend(entries)
        films_file.write_text(
            yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100), encoding="utf-8"
        )
        return entries

    def moment(self, slug: str | None = None) -> tuple[str, str]:
        slug = slug or f"{FILM_PREFIX}-{self.rng.randrange(1, self.scale.films + 1):02d}"
        return slug, self.rng.choice(self.film_anchors[slug][1:])

    # pages in topic sections
    def topic_pages(self) -> None:
        per_section = self.scale.pages // self.scale.sections
        extra = self.scale.pages % self.scale.sections
        for section in range(self.scale.sections):
            count = per_section + (1 if section < extra else 0) - 1  # the index page is one
            units = max(1, round(math.sqrt(count)))
            sizes = [count // units + (1 if unit < count % units else 0) for unit in range(units)]
            folder = f"{TOPIC_PREFIX}-{section + 1:02d}"
            self.topics.append(
                [[f"{folder}/unit-{unit + 1}/note-{page + 1:02d}.md" for page in range(size)]
                 for unit, size in enumerate(sizes)]
            )
        for section, units in enumerate(self.topics):
            folder = f"{TOPIC_PREFIX}-{section + 1:02d}"
            for language in LANGUAGES:
                name = TOPICS[language][section % len(TOPICS[language])]
                title = f"{name} ({section + 1})"
                self.write(language, f"{folder}/index.md", self.page(
                    language, f"{title}: {WORDS['overview'][language]}", "section", depth=1,
                    links=[units[0][0].removeprefix(f"{folder}/")], path=f"{folder}/index.md",
                ))
                children: list = [f"{folder}/index.md"]
                for unit, pages in enumerate(units, start=1):
                    unit_title = f"{WORDS['unit'][language]} {section + 1}.{unit}"
                    entries = []
                    for number, path in enumerate(pages, start=1):
                        page_title = f"{name}: {WORDS['note'][language]} {section + 1}.{unit}." \
                                     f"{number}"
                        following = pages[number % len(pages)].rsplit("/", 1)[-1]
                        self.write(language, path, self.page(
                            language, page_title, "reading", depth=2, links=[following], path=path
                        ))
                        entries.append({page_title: path})
                    children.append({unit_title: entries})
                self.nav[language].setdefault("topics", []).append({title: children})

    def page(
        self, language: str, title: str, kind: str, depth: int, links: list[str], path: str
    ) -> str:
        up = "../" * depth
        slug, anchor = self.moment()
        minutes, seconds = anchor[2:4], anchor[5:7]
        # The same sections, with the same ids, in both languages (heading-id-parity).
        headings = random.Random(f"{self.seed}:{path}").sample(HEADINGS, 4)
        text = _front_matter({
            "title": title, "description": as_text(self.items(language, 1)[0]), "kind": kind,
        }) + f"\n# {title}\n\n{self.paragraph(language)}\n"
        for position, (heading_id, english, welsh) in enumerate(headings):
            heading = english if language == "en" else welsh
            text += f"\n## {heading} {{ #{heading_id} }}\n\n{self.paragraph(language)}\n\n"
            if position == 1:
                text += "".join(f"- {item}\n" for item in self.items(language, 4)) + "\n"
            if position == 2:
                text += "".join(
                    f"{number}. {item}\n" for number, item in enumerate(self.items(language, 3), 1)
                ) + "\n"
            text += f"{self.paragraph(language)}\n"
        text += (
            f"\n{WORDS['see'][language]}: [{WORDS['next'][language]}]({links[0]}), "
            f"[{WORDS['principle'][language]}]({up}principles/attending.md) "
            f"{WORDS['and'][language]} "
            f"[{WORDS['watch'][language]} {int(minutes)}:{seconds}]({up}films/{slug}.md#{anchor})."
            "\n"
        )
        return text

    # activity guides
    def activities(self) -> None:
        principles = activity_schema.PRINCIPLES
        for number in range(1, self.scale.activities + 1):
            slug = f"{ACTIVITY_PREFIX}-{number:02d}"
            minutes = [self.rng.choice((3, 5, 5, 10, 15)) for _ in range(self.rng.randint(3, 5))]
            chosen = self.rng.sample(principles, self.rng.randint(1, 2))
            moments = [self.moment() for _ in range(2)]
            group = {"min": self.rng.randint(2, 4), "max": self.rng.choice((12, 16, 24))}
            for language in LANGUAGES:
                words = ACTIVITY_TEXT[language]
                topic = TOPICS[language][number % len(TOPICS[language])]
                title = f"{WORDS['activity'][language]} {number}: {topic}"
                steps = [{"minutes": m, "title": f"{words['step']} {i}"}
                         for i, m in enumerate(minutes, 1)]
                front = {
                    "title": title,
                    "description": as_text(self.items(language, 1)[0]),
                    "kind": activity_schema.ACTIVITY_KIND,
                    "duration": sum(minutes),
                    "group_size": group,
                    "audience": words["audience"],
                    "materials": words["materials"],
                    "principles": list(chosen),
                    "film_moments": [{"film": film, "cue": cue, "note": words["moment"]}
                                     for film, cue in moments],
                    "outcomes": words["outcomes"],
                    "steps": steps,
                }
                front = {key: front[key] for key in activity_schema.SCHEMA if key in front}
                body = (
                    f"\n# {title}\n\n{words['intro']} {self.paragraph(language)}\n\n"
                    f"## {words['steps']} {{ #how-to-run-it }}\n\n"
                    + "".join(
                        f"{i}. **{step['title']} ({step['minutes']} min).** {words['do']}\n"
                        for i, step in enumerate(steps, 1)
                    )
                    + f"\n## {words['notes']} {{ #facilitator-notes }}\n\n- {words['note']}\n"
                    f"- {self.items(language, 1)[0]}\n\n"
                    f"## {words['debrief']} {{ #debrief-questions }}\n\n1. {words['question']}\n"
                )
                self.write(language, f"activities/{slug}.md", _front_matter(front) + body)
                self.nav[language].setdefault("activities", []).append(
                    {title: f"activities/{slug}.md"}
                )

    def navigation(self) -> None:
        config_path = self.root / "mkdocs.yml"
        config = read_config(config_path)
        for language, nav in language_navs(config).items():
            added = self.nav[language]
            _add_to_section(nav, "films/index.md", WORDS["films"][language], added["films"],
                            self.docs / language)
            _add_to_section(nav, "activities/index.md", WORDS["activities"][language],
                            added["activities"], self.docs / language)
            position = _after_last_section(nav)
            nav[position:position] = added["topics"]
        write_config(config, config_path)


def generate(target: Path, scale: Scale = Scale(), seed: int = SEED) -> ScaledSite:
    """Copy the project into ``target`` and add the scaled content; check it; return a summary."""
    target.mkdir(parents=True, exist_ok=True)
    copy_project(target)
    writer = _Writer(target, scale, seed)
    writer.films()
    writer.topic_pages()
    writer.activities()
    writer.navigation()
    problems = _check(target)
    if problems:
        shown = "\n".join(str(problem) for problem in problems[:20])
        raise RuntimeError(f"the generated site has {len(problems)} errors:\n{shown}")
    site = ScaledSite(target, scale)
    for language in LANGUAGES:
        site.pages[language] = sum(1 for _ in (target / "docs" / language).rglob("*.md"))
    site.examples = {
        "film": f"films/{FILM_PREFIX}-01.md",
        "topic page": writer.topics[0][0][0],
        "activity": f"activities/{ACTIVITY_PREFIX}-01.md",
    }
    return site


def _check(root: Path) -> list:
    """Errors the subtitle and activity checkers find in the generated site."""
    problems = list(check_paths([root / "transcripts"]).problems)
    result = activity_schema.check_activities(root / "docs", root / "transcripts", root)
    problems += result.problems
    return [problem for problem in problems if problem.severity == "error"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("target", type=Path, help="an empty or missing folder")
    parser.add_argument("--pages", type=int, default=Scale.pages, help="per language")
    parser.add_argument("--sections", type=int, default=Scale.sections)
    parser.add_argument("--films", type=int, default=Scale.films)
    parser.add_argument("--cues", type=int, default=Scale.cues)
    parser.add_argument("--activities", type=int, default=Scale.activities)
    args = parser.parse_args()
    if args.target.exists() and any(args.target.iterdir()):
        parser.error(f"{args.target} is not empty")
    scale = Scale(args.pages, args.sections, args.films, args.cues, args.activities)
    site = generate(args.target, scale)
    print(f"{site.root}: {site.pages} Markdown pages; build with "
          f"`mkdocs build -f {site.root / 'mkdocs.yml'}`")


if __name__ == "__main__":
    main()
