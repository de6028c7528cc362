#!/usr/bin/env python3
"""Generate the realcopy development set: wire-copy style article pairs with gold by construction.

Each pair starts from a sentence-aligned news document (WMT22 ru-en, or NTREX-128 documents
000-061 en-ru / en-be), grouped into paragraphs, and goes through seeded edits of the kind news
agencies make when they publish an English version of a Russian or Belarusian story: a quote
paragraph moved, background added, an attribution sentence dropped, two sentences merged, one
side truncated, and wire furniture (headline, dateline, photo credits, editor's notes, end
markers, time stamps, a republisher's lead line, truncation marks) added. Every sentence carries
the key of the bead it belongs to, so the gold alignment follows from the edits.

    python3 eval/realcopy/make.py [--shared DIR] [--out DIR] [--seed N]

Python 3 standard library only. Same seed and sources give byte-identical files.
"""

import argparse
import json
import random
import re
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_SEED = 2025
NTREX_DOCS = range(0, 62)  # documents 000-061 only: 062-122 are held out by the project

# ---------------------------------------------------------------------------------------------
# Gold sentence splitting (used only to normalise the source documents)
# ---------------------------------------------------------------------------------------------

ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "st", "sen", "sens", "rev", "capt", "det", "gen", "gov", "rep",
    "lt", "col", "sgt", "prof", "jr", "sr", "vs", "no", "inc", "corp", "co", "ltd", "mt", "ft",
    "св", "г", "гг", "т", "тыс", "млн", "млрд", "руб", "долл", "им", "ул", "проф", "англ", "см",
    "стр", "ст", "др", "пр", "вул", "дэт",
}
OPENERS = set('The This That These Those It Its He She They We As In On At But And However '
              'Meanwhile There According A An'.split())
BOUNDARY = re.compile(r'[.!?…]+["»”’)]*(\s+)(?=["«“(]?[A-ZА-ЯЁІЎ0-9])')


def is_abbreviation(text, dot):
    """True when the full stop at index `dot` ends an abbreviation or an initial.

    A dotted abbreviation (U.S., a.m.) ends the sentence only when a common sentence opener
    follows ('... the U.S. As Rosa approaches ...').
    """
    word = re.search(r'(\S*)$', text[:dot]).group(1).lstrip('"«“(')
    following = text[dot + 1:].split(maxsplit=1)
    if '.' in word:
        return not (following and following[0] in OPENERS)
    if not word or (len(word) == 1 and word.isalpha()):
        return True  # an initial, or a one-letter abbreviation such as в. (востраў, век)
    return word.lower() in ABBREVIATIONS


def split_sentences(line):
    """Split one line of a sentence-aligned corpus into sentences (conservatively)."""
    out, start = [], 0
    for m in BOUNDARY.finditer(line):
        if line[m.start()] == '.' and is_abbreviation(line, m.start()):
            continue
        out.append(line[start:m.start(1)].strip())
        start = m.end(1)
    out.append(line[start:].strip())
    return [s for s in out if s]


# ---------------------------------------------------------------------------------------------
# Source documents: lists of units (en sentences, original sentences), a unit being one bead
# ---------------------------------------------------------------------------------------------

def read_lines(path):
    """The lines of a UTF-8 file, without line ends."""
    return path.read_text(encoding='utf-8').rstrip('\n').split('\n')


def parse_vecalign(path):
    """Gold beads of a vecalign file as (en ids, other ids)."""
    beads = []
    for line in read_lines(path):
        left, right = re.match(r'\[([^\]]*)\]:\[([^\]]*)\]', line).groups()
        ids = lambda s: [int(x) for x in s.split(',') if x.strip()]
        beads.append((ids(left), ids(right)))
    return beads


def plausible_pairs(en, xx):
    """True when sentences en[i], xx[i] have compatible lengths (to pair them 1-1)."""
    ratio = sum(map(len, xx)) / max(1, sum(map(len, en)))
    return all(0.45 < len(b) / max(1, len(a)) / ratio < 2.2 for a, b in zip(en, xx))


def unmerge(line, sibling):
    """The lines of `sibling` that `line` joins (two or three consecutive ones), or None.

    NTREX en-ru and en-be share one English text, perturbed differently: an English line merged
    in one is usually whole in the other.
    """
    for n in (2, 3):
        for i in range(len(sibling) - n + 1):
            if ' '.join(sibling[i:i + n]) == line:
                return sibling[i:i + n]
    return None


def normalise_unit(en_lines, xx_lines, sibling):
    """Turn one source bead into units whose sides are true sentences.

    English lines merged by a perturbation are cut where the sibling text has its line breaks;
    then every line is split into sentences. When both sides have the same number of sentences
    with plausible lengths the bead becomes that many 1-1 units, otherwise it stays one n-m unit.
    """
    en = [s for line in en_lines for part in (unmerge(line, sibling) or [line]) for s in split_sentences(part)]
    xx = [s for line in xx_lines for s in split_sentences(line)]
    if len(en) == len(xx) and plausible_pairs(en, xx):
        return [([a], [b]) for a, b in zip(en, xx)]
    return [(en, xx)]


def looks_like_headline(unit):
    """A 1-1 unit whose English is short enough for a headline."""
    en, xx = unit
    return len(en) == 1 and len(xx) == 1 and len(en[0]) < 200


def join_lowercase_starts(units):
    """Join a unit whose sentence starts in lower case (a slip of the source: `… за кратамі».`
    then `каралеўская турма …`) to the unit before it, as one sentence on that side."""
    out = []
    for en, xx in units:
        if out and (en[0][:1].islower() or xx[0][:1].islower()):
            prev_en, prev_xx = out.pop()
            join = lambda a, b: a[:-1] + [a[-1] + ' ' + b[0]] + b[1:] if b[0][:1].islower() else a + b
            out.append((join(prev_en, en), join(prev_xx, xx)))
        else:
            out.append((en, xx))
    return out


def units_from_beads(en_lines, xx_lines, beads, sibling=()):
    """(units, has_headline) of a document from its lines and gold beads, or None when the
    headline is glued to the first sentence in a way that cannot be undone.

    One-sided beads (the orphans of deleted-sentence perturbations) are left out.
    """
    units = []
    for left, right in beads:
        if left and right:
            units += normalise_unit([en_lines[i] for i in left], [xx_lines[j] for j in right], sibling)
    units = join_lowercase_starts(units)
    if not units:
        return None
    first_en, first_xx = beads[0]
    if 0 not in first_en or 0 not in first_xx:
        return units, False  # the headline lost one side: a text without headline
    if len(units[0][0]) != len(units[0][1]):
        return None
    return units, looks_like_headline(units[0])


def load_wmt(directory):
    """A WMT22 ru-en document: gold.tsv pairs 1-based segment numbers (ru_seg, en_seg)."""
    en = read_lines(directory / 'en.segs.txt')
    ru = read_lines(directory / 'ru.segs.txt')
    beads = []
    for row in read_lines(directory / 'gold.tsv')[1:]:
        ru_seg, en_seg = row.split('\t')[:2]
        beads.append(([int(x) - 1 for x in en_seg.split(',')], [int(x) - 1 for x in ru_seg.split(',')]))
    return units_from_beads(en, ru, beads)


def load_ntrex(eval_dir, lang, number):
    """An NTREX document NNN (000-061 only) with its perturbations undone, or None."""
    assert number in NTREX_DOCS, 'NTREX documents 062-122 are held out'
    stem = eval_dir / f'ntrex-en-{lang}' / f'{number:03d}'
    sibling_lang = 'be' if lang == 'ru' else 'ru'
    sibling = read_lines(eval_dir / f'ntrex-en-{sibling_lang}' / f'{number:03d}.en')
    en = read_lines(stem.with_suffix('.en'))
    xx = read_lines(stem.with_suffix('.' + lang))
    return units_from_beads(en, xx, parse_vecalign(stem.with_suffix('.gold')), sibling)


class Source:
    """One source document: id, language of the original, units, provenance and licence."""

    def __init__(self, ident, lang, loaded, source):
        self.ident, self.lang, self.source = ident, lang, source
        self.units, self.has_headline = loaded
        self.english_id = ident.replace('-be', '').replace('-ru', '')  # one English text

    @property
    def size(self):
        """Number of units (beads) of the document."""
        return len(self.units)


def load_sources(shared):
    """All usable source documents, keyed by id."""
    sources = {}
    wmt = shared / 'corpus' / 'wmt22-ru-en'
    for d in sorted(p for p in wmt.iterdir() if p.is_dir()):
        ident = 'wmt-' + d.name.replace('.by', '').replace('-russian', '').replace('-ameriki-ru', '')
        sources[ident] = Source(ident, 'ru', load_wmt(d), f'WMT22 general test ru-en, document {d.name} '
                                '(Russian original, professional English translation; research use)')
    for lang in ('ru', 'be'):
        for n in NTREX_DOCS:
            ident = f'ntrex{n:03d}-{lang}'
            loaded = load_ntrex(shared / 'eval', lang, n)
            if loaded is None:
                continue
            sources[ident] = Source(ident, lang, loaded,
                                    f'NTREX-128 document {n:03d} en-{lang} (English original, professional '
                                    f'{"Russian" if lang == "ru" else "Belarusian"} translation; CC BY-SA 4.0)')
    return {k: s for k, s in sources.items() if s.size >= 6}


# ---------------------------------------------------------------------------------------------
# The pair being edited
# ---------------------------------------------------------------------------------------------

class Sent:
    """One sentence of one side, with the key of the gold bead it belongs to."""

    def __init__(self, text, key):
        self.text, self.key = text, key


class Pair:
    """Both sides as paragraphs of keyed sentences, plus labels and kinds of the keys."""

    def __init__(self, source):
        self.source = source
        self.lang = source.lang
        self.sides = {'en': [], 'xx': []}
        self.labels = {}   # key -> list of labels
        self.kind = {}     # key -> text | headline | furniture | background | attribution
        self.edits = []
        self.wrap = {}     # side -> line width
        self.next_key = 0

    def new_key(self, kind, *labels):
        """A fresh bead key."""
        key = self.next_key
        self.next_key += 1
        self.kind[key] = kind
        self.labels[key] = list(labels)
        return key

    def label(self, key, name):
        """Add a label to a key once."""
        if name not in self.labels[key]:
            self.labels[key].append(name)

    def keys_of(self, side):
        """Keys in document order on one side (with repeats)."""
        return [s.key for para in self.sides[side] for s in para]

    def body(self, side):
        """Indices of the paragraphs of running text (holding a sentence of kind text) on one side."""
        return [i for i, para in enumerate(self.sides[side])
                if any(self.kind[s.key] == 'text' for s in para)]

    def count(self, key, side):
        """How many sentences of `side` carry `key`."""
        return self.keys_of(side).count(key)


PARA_SIZES = [(1, 3), (2, 4), (3, 2), (4, 1)]  # (sentences, weight)


def draw_sizes(rng, n, sizes=PARA_SIZES):
    """Paragraph sizes summing to n."""
    out = []
    values, weights = zip(*sizes)
    while sum(out) < n:
        out.append(min(rng.choices(values, weights)[0], n - sum(out)))
    return out


def group(items, sizes):
    """Cut a list into consecutive groups of the given sizes."""
    out, at = [], 0
    for size in sizes:
        out.append(items[at:at + size])
        at += size
    return out


def is_terminal(text):
    """True when a sentence ends with sentence-final punctuation (else it must end its paragraph:
    a subtitle or a line without a full stop runs into the next sentence otherwise)."""
    return re.search(r'[.!?…]["»”’)\]]*$', text) is not None


def break_unterminated(para):
    """A paragraph cut after every sentence that lacks sentence-final punctuation."""
    out, current = [], []
    for s in para:
        current.append(s)
        if not is_terminal(s.text):
            out.append(current)
            current = []
    return out + [current] if current else out


def paragraphs(sents, sizes):
    """Group sentences into paragraphs of the given sizes, breaking after any sentence that
    does not end with sentence-final punctuation."""
    return [p for para in group(sents, sizes) for p in break_unterminated(para)]


def build_pair(source, rng):
    """The unedited pair: the headline (when the source has one) and paragraphs of 1-4 units."""
    pair = Pair(source)
    units = list(source.units)
    if source.has_headline:
        first_en, first_xx = units[0]
        key = pair.new_key('headline', 'headline')
        pair.sides['en'].append([Sent(first_en[0], key)])
        pair.sides['xx'].append([Sent(first_xx[0], key)])
        units = units[1:]
    keys = [pair.new_key('text') for _ in units]
    for sizes_group in group(list(zip(keys, units)), draw_sizes(rng, len(units))):
        pair.sides['en'] += break_unterminated([Sent(t, k) for k, (en, _) in sizes_group for t in en])
        pair.sides['xx'] += break_unterminated([Sent(t, k) for k, (_, xx) in sizes_group for t in xx])
    return pair


# ---------------------------------------------------------------------------------------------
# Wire furniture, written for this set (dates, agencies and forms vary)
# ---------------------------------------------------------------------------------------------

MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
             'September', 'October', 'November', 'December']
MONTHS_RU = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа',
             'сентября', 'октября', 'ноября', 'декабря']
MONTHS_RU_SHORT = ['янв', 'фев', 'мар', 'апр', 'мая', 'июн', 'июл', 'авг', 'сен', 'окт', 'ноя', 'дек']
MONTHS_BE = ['студзеня', 'лютага', 'сакавіка', 'красавіка', 'мая', 'чэрвеня', 'ліпеня', 'жніўня',
             'верасня', 'кастрычніка', 'лістапада', 'снежня']
MONTHS_BE_SHORT = ['сту', 'лют', 'сак', 'кра', 'мая', 'чэр', 'ліп', 'жні', 'вер', 'кас', 'ліс', 'сне']

CITIES = [  # en, ru, be
    ('MINSK', 'МИНСК', 'МІНСК'), ('MINSK', 'МИНСК', 'МІНСК'), ('MINSK', 'МИНСК', 'МІНСК'),
    ('MOSCOW', 'МОСКВА', 'МАСКВА'), ('GOMEL', 'ГОМЕЛЬ', 'ГОМЕЛЬ'), ('BREST', 'БРЕСТ', 'БРЭСТ'),
    ('VITEBSK', 'ВИТЕБСК', 'ВІЦЕБСК'), ('GRODNO', 'ГРОДНО', 'ГРОДНА'), ('MOGILEV', 'МОГИЛЕВ', 'МАГІЛЁЎ'),
    ('ST. PETERSBURG', 'САНКТ-ПЕТЕРБУРГ', 'САНКТ-ПЕЦЯРБУРГ'), ('BEIJING', 'ПЕКИН', 'ПЕКІН'),
]
AGENCIES = {  # name in en, ru, be; its site
    'belta': ('BelTA', 'БЕЛТА', 'БЕЛТА', 'belta.by'),
    'tass': ('TASS', 'ТАСС', 'ТАСС', 'tass.ru'),
    'sputnik': ('Sputnik', 'Sputnik', 'Sputnik', 'sputnik.by'),
}
DASHES = ['–', '—', '-']


class Wire:
    """The invented circumstances of one pair: agency, date, time, city, dash style."""

    def __init__(self, rng):
        self.agency = rng.choices(['belta', 'tass', 'sputnik'], [6, 2, 2])[0]
        self.year = rng.randint(2019, 2025)
        self.month = rng.randint(1, 12)
        self.day = rng.randint(1, 28)
        self.hour, self.minute = rng.randint(7, 22), rng.randint(0, 59)
        city = ('MOSCOW', 'МОСКВА', 'МАСКВА') if self.agency == 'tass' and rng.random() < 0.7 else rng.choice(CITIES)
        self.city = dict(zip(('en', 'ru', 'be'), city))
        self.dash = rng.choice(DASHES)
        self.with_year = rng.random() < 0.25
        self.rng = rng

    def name(self, lang):
        """The agency's name in a language."""
        return AGENCIES[self.agency][{'en': 0, 'ru': 1, 'be': 2}[lang]]

    @property
    def site(self):
        """The agency's site, or the president's."""
        return 'president.gov.by' if self.rng.random() < 0.3 else AGENCIES[self.agency][3]

    def dateline(self, lang):
        """A dateline prefix (with its trailing space) as the agency prints it."""
        d, m, y, city, dash = self.day, self.month - 1, self.year, self.city[lang], self.dash
        year = f' {y}' if self.with_year else ''
        if lang == 'en':
            return {
                'belta': f'{city}, {d} {MONTHS_EN[m]}{year} (BelTA) {dash} ',
                'tass': f'{city}, {MONTHS_EN[m]} {d}. /TASS/. ',
                'sputnik': f'{city}, {MONTHS_EN[m][:3]} {d} (Sputnik) {dash} ',
            }[self.agency]
        months, short = (MONTHS_RU, MONTHS_RU_SHORT) if lang == 'ru' else (MONTHS_BE, MONTHS_BE_SHORT)
        corr = 'Корр.' if lang == 'ru' else 'Кар.'
        belta = self.rng.choice([f'{city}, {d} {months[m]}. /{corr} БЕЛТА/. ',
                                 f'{city}, {d} {months[m]} /{corr} БЕЛТА/ {dash} ',
                                 f'{city}, {d} {months[m]} — БЕЛТА. '])
        return {
            'belta': belta,
            'tass': f'{city}, {d} {months[m]}. /ТАСС/. ',
            'sputnik': f'{city}, {d} {short[m]} {dash} Sputnik. ',
        }[self.agency]

    def stamp(self, lang):
        """A publication time line as a site prints it above the headline."""
        d, m, y, hh, mm = self.day, self.month, self.year, self.hour, self.minute
        num = f'{d:02d}.{m:02d}.{y} {hh:02d}:{mm:02d}'
        forms = {
            'en': [num, f'Posted: {num}:00', f'{d} {MONTHS_EN[m - 1]} {y}, {hh:02d}:{mm:02d}',
                   f'{MONTHS_EN[m - 1][:3]} {d}, {y} {hh:02d}:{mm:02d}',
                   f'Published: {d} {MONTHS_EN[m - 1]} {y} | {hh:02d}:{mm:02d}'],
            'ru': [num, f'{d} {MONTHS_RU[m - 1]} {y}, {hh:02d}:{mm:02d}', f'Опубликовано: {num}',
                   f'{d} {MONTHS_RU[m - 1]} {y} г., {hh:02d}:{mm:02d}'],
            'be': [num, f'{d} {MONTHS_BE[m - 1]} {y}, {hh:02d}:{mm:02d}', f'Апублікавана: {num}'],
        }
        return self.rng.choice(forms[lang])

    def credit(self):
        """One photo or video credit, as a dict lang -> text (translations of each other)."""
        p = self.rng.choice(PHOTOGRAPHERS)
        a = {lang: self.name(lang) for lang in ('en', 'ru', 'be')}
        site = self.site
        forms = [
            (f'Photo: {a["en"]}', f'Фото: {a["ru"]}', f'Фота: {a["be"]}'),
            (f'Photo: {site}', f'Фото: {site}', f'Фота: {site}'),
            (f'Photo by {p[0]}', f'Фото {p[2]}', f'Фота {p[4]}'),
            (f'Photo: {p[0]}, {a["en"]}', f'Фото: {p[1]}, {a["ru"]}', f'Фота: {p[3]}, {a["be"]}'),
            (f'Video: {a["en"]}', f'Видео: {a["ru"]}', f'Відэа: {a["be"]}'),
            ('Photo from the archive', 'Фото из архива', 'Фота з архіва'),
            ('Photo courtesy of the press service', 'Фото пресс-службы', 'Фота прэс-службы'),
            (f'Photo: {a["en"]} archive', f'Фото: архив {a["ru"]}', f'Фота: архіў {a["be"]}'),
        ]
        return dict(zip(('en', 'ru', 'be'), self.rng.choice(forms)))

    def lead_line(self, lang):
        """A republisher's line saying where the article first appeared."""
        name, site = self.name(lang), self.site
        forms = {
            'en': [f'This article was first published by {name}.',
                   f'This article was originally published by {name} and is republished here with permission.',
                   f'Originally published by {name}.',
                   f'This story first appeared on {site}.',
                   f'First published by {name} on {self.day} {MONTHS_EN[self.month - 1]} {self.year}.'],
            'ru': [f'Материал впервые опубликован на сайте {site}.',
                   f'Публикуется с разрешения {name}.'],
            'be': [f'Матэрыял упершыню апублікаваны на сайце {site}.',
                   f'Публікуецца з дазволу {name}.'],
        }
        return self.rng.choice(forms[lang])


PHOTOGRAPHERS = [  # invented names: en; ru nominative, genitive; be nominative, genitive
    ('Ivan Zhdanovich', 'Иван Жданович', 'Ивана Ждановича', 'Іван Ждановіч', 'Івана Ждановіча'),
    ('Olga Prokopenko', 'Ольга Прокопенко', 'Ольги Прокопенко', 'Вольга Пракапенка', 'Вольгі Пракапенка'),
    ('Dmitry Lisovsky', 'Дмитрий Лисовский', 'Дмитрия Лисовского', 'Дзмітрый Лісоўскі', 'Дзмітрыя Лісоўскага'),
    ('Anna Korzun', 'Анна Корзун', 'Анны Корзун', 'Ганна Корзун', 'Ганны Корзун'),
]

NOTE_BODIES = [  # en, ru, be
    ('This story has been updated with comments from the ministry.',
     'Материал дополнен комментариями министерства.',
     'Матэрыял дапоўнены каментарыямі міністэрства.'),
    ('The figures are preliminary and may be revised.',
     'Данные носят предварительный характер и могут быть уточнены.',
     'Даныя маюць папярэдні характар і могуць быць удакладнены.'),
    ('An earlier version of this article gave the wrong date for the meeting.',
     'В первоначальной версии материала была неверно указана дата встречи.',
     'У першапачатковай версіі матэрыялу была няправільна пазначана дата сустрэчы.'),
    ('The interview was recorded before the official results were announced.',
     'Интервью записано до объявления официальных итогов.',
     "Інтэрв'ю запісана да абвяшчэння афіцыйных вынікаў."),
]
def lower_first(text):
    """The text with its first letter lowercased (Russian and Belarusian after a colon)."""
    return text[0].lower() + text[1:]


NOTE_FORMS = {  # how a note is printed: a list of sentences, body given
    'bracket': {'en': lambda b: [f"[Editor's note: {b}]"], 'ru': lambda b: [f'[Прим. ред.: {lower_first(b)}]'],
                'be': lambda b: [f'[Заўвага рэд.: {lower_first(b)}]']},
    'header': {'en': lambda b: ["Editor's note", b], 'ru': lambda b: ['Справка', b],
               'be': lambda b: ['Заўвага БЕЛТА', b]},
    'colon': {'en': lambda b: [f"Editor's note: {b}"], 'ru': lambda b: [f'От редакции: {lower_first(b)}'],
              'be': lambda b: [f'Заўвага БЕЛТА: {lower_first(b)}']},
}

ATTRIBUTIONS = {
    'ru': ['Об этом сообщили в пресс-службе ведомства.',
           'Об этом корреспонденту {a} рассказали в министерстве.',
           'Об этом сообщает {a} со ссылкой на пресс-службу.',
           'Такие данные приводит пресс-служба министерства.',
           'Об этом говорится в сообщении, опубликованном на официальном сайте ведомства.',
           'Информацию подтвердили в пресс-службе.',
           'Об этом он заявил журналистам.'],
    'be': ['Пра гэта паведамілі ў прэс-службе ведамства.',
           'Пра гэта карэспандэнту {a} расказалі ў міністэрстве.',
           'Пра гэта паведамляе {a} са спасылкай на прэс-службу.',
           'Такія даныя прыводзіць прэс-служба міністэрства.',
           'Пра гэта гаворыцца ў паведамленні на афіцыйным сайце ведамства.',
           'Інфармацыю пацвердзілі ў прэс-службе.'],
}
END_MARKERS = ['-0-', '***', '* * *', '-0-']
MARKS = {'en': ['[... TRUNCATED ...]', '[...]', '[…]', '(…)', '[TRUNCATED]', '[... {n} paragraphs truncated ...]'],
         'xx': ['[...]', '[…]', '(...)', '[... TRUNCATED ...]']}

# Words that start a sentence and are lowercased when the sentence is joined to the one before.
LOWER = {
    'en': set('The This That These Those It Its He She They We His Her Their In On At For According '
              'As Such There A An However Also Some Many Most All Earlier Later Now Then'.split()),
    'ru': set('Он Она Они Оно Это Этот Эта Эти Его Ее Её Их Мы В Во На По При Также Как Такой Такая '
              'Такие Там Для С Со Из К О Об У За Но А И Кроме Однако Ранее Сейчас Тогда'.split()),
    'be': set('Ён Яна Яны Яно Гэта Гэты Гэтая Гэтыя Яго Яе Іх Мы У Ў На Па Пры Таксама Як Такі Такая '
              'Такія Там Для З Са Да Аб За Але А І Акрамя Аднак Раней Цяпер'.split()),
}
CONNECTIVES = set('However But And Also Yet Однако Но А И Также Зато Аднак Але І Таксама'.split())
JOINERS = {'en': ['; ', ', and ', ' – ', ' — '], 'ru': ['; ', ', а ', ', и ', ' — '], 'be': ['; ', ', а ', ', і ', ' — ']}


def common_words(sources):
    """lang -> the words the source texts write in lower case (so not proper names)."""
    words = {'en': set(), 'ru': set(), 'be': set()}
    for source in sources.values():
        for en, xx in source.units:
            for lang, texts in (('en', en), (source.lang, xx)):
                words[lang].update(w for t in texts for w in re.findall(r'\w+', t) if w.islower())
    return words


def join_sentences(first, second, lang, rng, common):
    """Write two sentences as one: drop the first's full stop, add a joiner, and lowercase the
    second's first word unless it is a name (a word the sources never write in lower case)."""
    word = re.match(r'\w*', second).group(0)
    if word in LOWER[lang] or (word[1:].islower() and word.lower() in common[lang]):
        second = second[0].lower() + second[1:]
    joiner = '; ' if second[0] in '"«“' or word in CONNECTIVES else rng.choice(JOINERS[lang])
    return first[:-1] + joiner + second


def joinable(a, b):
    """Two sentences that can be merged into one: plain full stop, moderate length."""
    return (re.search(r'[\w)%]\.$', a.text) is not None and not is_abbreviation(a.text, len(a.text) - 1)
            and len(a.text) + len(b.text) < 330 and not b.text[0].isdigit())


# ---------------------------------------------------------------------------------------------
# Edits. Each takes (pair, rng, ctx) and returns False when it does not apply to the pair.
# ---------------------------------------------------------------------------------------------

def one_to_one(pair, key):
    """True when a key has exactly one sentence on each side."""
    return pair.count(key, 'en') == 1 and pair.count(key, 'xx') == 1


def merge_within(pair, rng, ctx, side, label):
    """Join two neighbouring 1-1 sentences of one side into one; the other side keeps both."""
    lang = 'en' if side == 'en' else pair.lang
    other = 'xx' if side == 'en' else 'en'
    cands = []
    for p in pair.body(side):
        para = pair.sides[side][p]
        for i in range(len(para) - 1):
            a, b = para[i], para[i + 1]
            if one_to_one(pair, a.key) and one_to_one(pair, b.key) and joinable(a, b) \
                    and 'merged' not in pair.labels[a.key] + pair.labels[b.key] \
                    and 'split' not in pair.labels[a.key] + pair.labels[b.key]:
                cands.append((p, i))
    if not cands:
        return False
    chosen = rng.sample(cands, min(len(cands), rng.choice([1, 1, 2])))
    for p, i in sorted(chosen, reverse=True):  # from the end, so that indices stay valid
        para = pair.sides[side][p]
        if i + 1 >= len(para) or not (one_to_one(pair, para[i].key) and one_to_one(pair, para[i + 1].key)):
            continue  # an earlier merge took one of these
        a, b = para[i], para[i + 1]
        para[i:i + 2] = [Sent(join_sentences(a.text, b.text, lang, rng, ctx['common']), a.key)]
        for s in (s for q in pair.sides[other] for s in q):
            if s.key == b.key:
                s.key = a.key
        pair.label(a.key, label)
    return True


def edit_merged(pair, rng, ctx):
    """The English writes two sentences of the original as one (2 original -> 1 English)."""
    return merge_within(pair, rng, ctx, 'en', 'merged')


def edit_split(pair, rng, ctx):
    """The English splits one sentence of the original in two (1 original -> 2 English)."""
    return merge_within(pair, rng, ctx, 'xx', 'split')


def edit_attribution_dropped(pair, rng, ctx):
    """The original has attribution sentences ('the press service reported') the English drops."""
    body = pair.body('xx')
    if len(body) < 2:
        return False
    wire = ctx['wire']
    chosen = rng.sample(body[:4], min(len(body[:4]), rng.choice([1, 1, 2])))
    for p in sorted(chosen, reverse=True):  # from the end, so that indices stay valid
        text = rng.choice(ATTRIBUTIONS[pair.lang]).format(a=wire.name(pair.lang))
        key = pair.new_key('attribution', 'attribution-dropped')
        para = pair.sides['xx'][p]
        at = rng.choice(sorted({1, len(para)}))
        if is_terminal(para[at - 1].text):
            para.insert(at, Sent(text, key))
        else:  # after a line without a full stop: a paragraph of its own
            pair.sides['xx'].insert(p + 1, [Sent(text, key)])
    return True


def edit_moved(pair, rng, ctx):
    """The English moves a paragraph (preferably a quote) or one sentence to another place."""
    body = pair.body('en')
    if len(body) < 4:
        return False
    paras = pair.sides['en']
    movable = body[2:] if rng.random() < 0.6 else body[1:-1]
    quoted = [p for p in movable if re.search(r'["«“»”]', ' '.join(s.text for s in paras[p]))]
    src = rng.choice(quoted or movable)
    targets = [p for p in body[1:] if abs(p - src) >= 2]
    if not targets:
        return False
    dst = rng.choice(targets)
    if rng.random() < 0.3 and len(paras[src]) > 1 and is_terminal(paras[dst][-1].text):
        sent = paras[src].pop(rng.randrange(len(paras[src])))  # one sentence joins another paragraph
        if pair.count(sent.key, 'en') > 1:
            return False  # part of an n-m bead: moving it alone would split the bead
        paras[dst].append(sent)
        pair.label(sent.key, 'moved')
        return True
    if any(pair.count(s.key, 'en') != [t.key for t in paras[src]].count(s.key) for s in paras[src]):
        return False  # the paragraph holds part of a bead that goes on in another paragraph
    block = paras.pop(src)
    paras.insert(dst, block)  # before an earlier paragraph, or after a later one
    for s in block:
        pair.label(s.key, 'moved')
    return True


def edit_background(pair, rng, ctx):
    """The English adds background paragraphs taken from another story (1-0 beads)."""
    others = [s for s in ctx['sources'].values()
              if s.english_id != pair.source.english_id and s.size >= 8]
    other = rng.choice(sorted(others, key=lambda s: s.ident))
    sents = [t for en, _ in other.units[2:] for t in en]
    n = rng.randint(2, 4)
    start = rng.randrange(0, len(sents) - n)
    keys = [pair.new_key('background', 'background') for _ in range(n)]
    block = [Sent(t, k) for t, k in zip(sents[start:start + n], keys)]
    block_paras = paragraphs(block, [n] if n < 3 or rng.random() < 0.5 else [n // 2, n - n // 2])
    body = pair.body('en')
    where = rng.choices(['end', 'before-last', 'after-lead'], [2, 1, 1])[0]
    at = {'end': body[-1] + 1, 'before-last': body[-1], 'after-lead': body[0] + 1}[where]
    pair.sides['en'][at:at] = block_paras
    ctx['notes'].append(f'background from {other.ident} ({where})')
    return True


def edit_regrouped(pair, rng, ctx):
    """The English draws its own paragraph breaks over the same sentences."""
    body = pair.body('en')
    if len(body) < 2 or body != list(range(body[0], body[-1] + 1)):
        return False
    sents = [s for p in body for s in pair.sides['en'][p]]
    old = [len(pair.sides['en'][p]) for p in body]
    for _ in range(20):
        sizes = draw_sizes(rng, len(sents), [(1, 2), (2, 3), (3, 3), (4, 2), (5, 1)])
        if sizes != old:
            pair.sides['en'][body[0]:body[-1] + 1] = paragraphs(sents, sizes)
            return True
    return False


def cut_paragraphs(pair, side, paras, label_keys=True):
    """Remove paragraphs of one side; keys still present on the other side become 'truncated'."""
    removed = [s for p in paras for s in pair.sides[side][p]]
    for p in sorted(paras, reverse=True):
        del pair.sides[side][p]
    for s in removed:
        if label_keys and pair.count(s.key, 'en' if side == 'xx' else 'xx'):
            pair.label(s.key, 'truncated')
    return removed


def truncation_span(pair, rng, side, middle):
    """Paragraphs to cut: 1-2 middle body paragraphs, or the tail from a body paragraph on
    (20-50 % of the body sentences when possible; at least two body paragraphs stay)."""
    body = pair.body(side)
    if len(body) < 3:
        return None
    if middle:
        if len(body) < 5:
            return None
        n = rng.choice([1, 2])
        start = rng.randrange(2, len(body) - n)
        return body[start:start + n]
    sizes = [len(pair.sides[side][p]) for p in body]
    share = lambda k: sum(sizes[k:]) / sum(sizes)
    keeps = range(2, len(body))
    good = [k for k in keeps if 0.2 <= share(k) <= 0.5]
    k = rng.choice(good) if good else min(keeps, key=lambda k: abs(share(k) - 0.35))
    return list(range(body[k], len(pair.sides[side])))


def edit_truncated(pair, rng, ctx):
    """One side stops early (the user pasted only the first part of it)."""
    side = 'en' if rng.random() < 0.7 else 'xx'
    span = truncation_span(pair, rng, side, middle=False)
    if not span:
        return False
    cut_paragraphs(pair, side, span)
    ctx['notes'].append(f'{side_name(pair, side)} cut after paragraph {span[0]}')
    return True


def edit_truncation_mark(pair, rng, ctx):
    """One side is cut at the end or in the middle, and a truncation mark says so."""
    side = 'en' if rng.random() < 0.8 else 'xx'
    middle = rng.random() < 0.4
    span = truncation_span(pair, rng, side, middle)
    if not span:
        return False
    removed = cut_paragraphs(pair, side, span)
    mark = rng.choice(MARKS[side]).format(n=len(span))
    lang = 'en' if side == 'en' else pair.lang
    key = pair.new_key('furniture', 'furniture', 'truncation-mark')
    pair.sides[side].insert(span[0], [Sent(mark, key)])
    where = 'in the middle' if middle else 'at the end'
    ctx['notes'].append(f'{lang} loses {len(removed)} sentence(s) {where}')
    return True


def side_name(pair, side):
    """The language of a side."""
    return 'en' if side == 'en' else pair.lang


def edit_headline(pair, rng, ctx):
    """Only one side has a headline (the English added one, or the original's was not pasted)."""
    top = [i for i, p in enumerate(pair.sides['en']) if pair.kind[p[0].key] == 'headline']
    if not top:
        return False
    side = 'xx' if rng.random() < 0.65 else 'en'
    pair.sides[side] = [p for p in pair.sides[side] if pair.kind[p[0].key] != 'headline']
    ctx['notes'].append(f'headline only in {side_name(pair, "en" if side == "xx" else "xx")}')
    return True


def sides_for_furniture(rng, both, en_only):
    """Which sides get a piece of furniture: both, English only, or the original only."""
    r = rng.random()
    return ['en', 'xx'] if r < both else ['en'] if r < both + en_only else ['xx']


def top_index(pair, side):
    """Index of the first paragraph that is not a stamp or lead line (headline or body)."""
    i = 0
    paras = pair.sides[side]
    while i < len(paras) and any(lab in pair.labels[paras[i][0].key] for lab in ('stamp', 'lead-line')):
        i += 1
    return i


def edit_dateline(pair, rng, ctx):
    """A dateline opens the lead: the first body paragraph that starts with a punctuated
    sentence (not a subtitle). It is one sentence with the lead by the gold rule."""
    wire = ctx['wire']
    done = False
    for side in sides_for_furniture(rng, 0.65, 0.2):
        leads = [p for p in pair.body(side) if is_terminal(pair.sides[side][p][0].text)]
        if not leads:
            continue
        first = pair.sides[side][leads[0]][0]
        first.text = wire.dateline(side_name(pair, side)) + first.text
        pair.label(first.key, 'dateline')
        done = True
    return done


def insert_block(pair, side, at, texts, keys):
    """Insert furniture paragraphs (one sentence each, keys given) at paragraph index `at`."""
    pair.sides[side][at:at] = [[Sent(t, k)] for t, k in zip(texts, keys)]


def furniture_position(pair, side, where):
    """Paragraph index for furniture: after the headline, after the first body paragraph, or at the end."""
    body = pair.body(side)
    if where == 'after-headline':
        return top_index(pair, side) + (1 if pair.kind[pair.sides[side][top_index(pair, side)][0].key] == 'headline' else 0)
    if where == 'after-lead' and body:
        return body[0] + 1
    return len(pair.sides[side])


def edit_credit(pair, rng, ctx):
    """A photo or video credit; both sides print it (1-1) or only one does."""
    credit = ctx['wire'].credit()
    where = rng.choices(['after-headline', 'after-lead', 'end'], [3, 5, 2])[0]
    key = pair.new_key('furniture', 'furniture', 'credit')
    for side in sides_for_furniture(rng, 0.6, 0.25):
        insert_block(pair, side, furniture_position(pair, side, where), [credit[side_name(pair, side)]], [key])
    return True


def edit_note(pair, rng, ctx):
    """An editor's note (bracketed, a 'Справка' block, 'Заўвага БЕЛТА'), on one side or both."""
    body_en, body_ru, body_be = rng.choice(NOTE_BODIES)
    bodies = {'en': body_en, 'ru': body_ru, 'be': body_be}
    form = rng.choice(list(NOTE_FORMS))
    where = rng.choice(['after-lead', 'end', 'end'])
    sides = sides_for_furniture(rng, 0.4, 0.3)
    size = len(NOTE_FORMS[form]['en']('x'))
    keys = [pair.new_key('furniture', 'furniture', 'note') for _ in range(size)]
    for side in sides:
        lang = side_name(pair, side)
        insert_block(pair, side, furniture_position(pair, side, where), NOTE_FORMS[form][lang](bodies[lang]), keys)
    return True


def edit_stamp(pair, rng, ctx):
    """A publication time line above (or just below) the headline."""
    key = pair.new_key('furniture', 'furniture', 'stamp')
    below = rng.random() < 0.3
    for side in sides_for_furniture(rng, 0.6, 0.25):
        at = furniture_position(pair, side, 'after-headline') if below else 0
        insert_block(pair, side, at, [ctx['wire'].stamp(side_name(pair, side))], [key])
    return True


def edit_end_marker(pair, rng, ctx):
    """An end marker after the text (-0-, ***)."""
    key = pair.new_key('furniture', 'furniture', 'end-marker')
    for side in sides_for_furniture(rng, 0.5, 0.3):
        insert_block(pair, side, len(pair.sides[side]), [rng.choice(END_MARKERS)], [key])
    return True


def edit_lead_line(pair, rng, ctx):
    """A republisher's line ('This article was first published by BelTA'), usually English only."""
    side = 'en' if rng.random() < 0.85 else 'xx'
    at = 0 if rng.random() < 0.7 else len(pair.sides[side])
    key = pair.new_key('furniture', 'furniture', 'lead-line')
    insert_block(pair, side, at, [ctx['wire'].lead_line(side_name(pair, side))], [key])
    return True


def edit_wrapped(pair, rng, ctx):
    """One side (or both) comes with hard line breaks inside paragraphs (pasted from e-mail)."""
    for side in sides_for_furniture(rng, 0.3, 0.4):
        pair.wrap[side] = rng.randint(60, 80)
    return True


# Edits in the order they are applied; content edits make a pair a 'rewrite'.
EDITS = {
    'merged': edit_merged, 'split': edit_split, 'attribution-dropped': edit_attribution_dropped,
    'moved': edit_moved, 'regrouped': edit_regrouped, 'background': edit_background,
    'truncated': edit_truncated, 'truncation-mark': edit_truncation_mark, 'headline': edit_headline,
    'dateline': edit_dateline, 'credit': edit_credit, 'note': edit_note, 'stamp': edit_stamp,
    'end-marker': edit_end_marker, 'lead-line': edit_lead_line, 'wrapped': edit_wrapped,
}
CONTENT_EDITS = {'merged', 'split', 'attribution-dropped', 'moved', 'background', 'truncated', 'truncation-mark'}


# ---------------------------------------------------------------------------------------------
# Output: raw texts, gold sentences, gold beads, meta
# ---------------------------------------------------------------------------------------------

def ids_by_key(pair, side):
    """key -> sentence ids of one side."""
    out = {}
    for i, key in enumerate(pair.keys_of(side)):
        out.setdefault(key, []).append(i)
    return out


def gold_beads(pair):
    """Gold beads (en ids, xx ids, labels) in English order.

    A bead with English sentences sits at its first English sentence. A bead with original
    sentences only follows the bead of the nearest preceding original sentence that has an
    English side and was not moved. One-sided beads are one sentence each.
    """
    en, xx = ids_by_key(pair, 'en'), ids_by_key(pair, 'xx')
    after = {}
    anchor = None
    for key in dict.fromkeys(pair.keys_of('xx')):
        if key in en:
            if 'moved' not in pair.labels[key]:
                anchor = key
        else:
            after.setdefault(anchor, []).append(key)
    beads = []

    def emit(key):
        labels = pair.labels[key]
        if key in en and key in xx:
            beads.append((en[key], xx[key], labels))
        else:
            beads.extend(([i], [], labels) for i in en.get(key, []))
            beads.extend(([], [j], labels) for j in xx.get(key, []))

    for key in after.get(None, []):
        emit(key)
    for key in dict.fromkeys(pair.keys_of('en')):
        emit(key)
        for later in after.get(key, []):
            emit(later)
    return beads


def wrap_paragraph(text, width):
    """Hard-wrap a paragraph at spaces, never starting a line with a dash, bullet or list number."""
    words = text.split(' ')
    lines, line = [], words[0]
    for word in words[1:]:
        if len(line) + 1 + len(word) > width and not re.fullmatch(r'[-–—•]|\d+[.)]', word):
            lines.append(line)
            line = word
        else:
            line += ' ' + word
    return '\n'.join(lines + [line])


def raw_text(pair, side):
    """The text as a user would paste it: paragraphs separated by blank lines."""
    paras = [' '.join(s.text for s in para) for para in pair.sides[side] if para]
    if side in pair.wrap:
        paras = [wrap_paragraph(p, pair.wrap[side]) for p in paras]
    return '\n\n'.join(paras) + '\n'


def check_pair(pair, raw, segs, beads):
    """Assert the invariants of the format: segs found in order in the raw text, full coverage."""
    for side in ('en', 'xx'):
        flat, at = raw[side].replace('\n', ' '), 0
        for s in segs[side]:
            found = flat.find(s, at)
            assert found >= 0, (pair.source.ident, side, s)
            at = found + len(s)
    for k, side in enumerate(('en', 'xx')):
        ids = sorted(i for bead in beads for i in bead[k])
        assert ids == list(range(len(segs[side]))), (pair.source.ident, side)


def write_pair(pair, folder, ctx):
    """Write en.txt, ru.txt|be.txt, en.segs, ru.segs|be.segs, gold and meta.json."""
    lang = pair.lang
    segs = {side: [s.text for para in pair.sides[side] for s in para] for side in ('en', 'xx')}
    raw = {side: raw_text(pair, side) for side in ('en', 'xx')}
    beads = gold_beads(pair)
    check_pair(pair, raw, segs, beads)
    folder.mkdir(parents=True)
    files = {'en.txt': raw['en'], f'{lang}.txt': raw['xx'],
             'en.segs': '\n'.join(segs['en']) + '\n', f'{lang}.segs': '\n'.join(segs['xx']) + '\n',
             'gold': ''.join(f'[{", ".join(map(str, a))}]:[{", ".join(map(str, b))}]\n' for a, b, _ in beads)}
    for name, text in files.items():
        (folder / name).write_text(text, encoding='utf-8')
    edits = pair.edits
    meta = {
        'source': pair.source.source,
        'langs': ['en', lang],
        'kind': 'rewrite' if CONTENT_EDITS & set(edits) else 'translation',
        'edits': edits,
        'labels': {str(i): labels for i, (_, _, labels) in enumerate(beads) if labels},
        'notes': ctx['notes'],
    }
    if pair.wrap:
        meta['wrap'] = {side_name(pair, s): w for s, w in sorted(pair.wrap.items())}
    (folder / 'meta.json').write_text(json.dumps(meta, ensure_ascii=False, indent=1) + '\n', encoding='utf-8')


# ---------------------------------------------------------------------------------------------
# The plan: which edits on which documents
# ---------------------------------------------------------------------------------------------

SINGLES = {'dateline': 5, 'moved': 5}  # pairs with one edit alone; 3 for the other edits
MIX_WEIGHTS = {'dateline': 3}           # weight of a furniture edit in the mixes; 1 for the others


def weighted_sample(rng, items, weights, k):
    """k distinct items, drawn with the given weights."""
    items, weights, out = list(items), list(weights), []
    for _ in range(k):
        i = rng.choices(range(len(items)), weights)[0]
        out.append(items.pop(i))
        weights.pop(i)
    return out


def plan(rng):
    """(name, language, edits, source family) for every pair of the set."""
    jobs = []
    for n, (lang, family) in enumerate([('ru', 'wmt'), ('ru', 'wmt'), ('ru', 'ntrex'), ('be', 'ntrex')]):
        jobs.append((f'clean-{n + 1}', lang, [], family))
    for e, edit in enumerate(EDITS):
        kinds = [('ru', 'wmt'), ('ru', 'ntrex' if e % 2 else 'wmt'), ('be' if e % 2 == 0 else 'ru', 'ntrex'),
                 ('ru', 'wmt'), ('be', 'ntrex')]
        for n, (lang, family) in enumerate(kinds[:SINGLES.get(edit, 3)]):
            jobs.append((f'{edit}-{n + 1}', lang, [edit], family))
    content = sorted(CONTENT_EDITS)
    other = [e for e in EDITS if e not in CONTENT_EDITS]
    for n in range(12):
        lang, family = [('ru', 'wmt'), ('ru', 'ntrex'), ('be', 'ntrex'), ('ru', 'wmt')][n % 4]
        size = rng.randint(2, 4)
        while True:
            chosen = rng.sample(content, rng.randint(1, min(2, size - 1)))
            chosen += weighted_sample(rng, other, [MIX_WEIGHTS.get(e, 1) for e in other], size - len(chosen))
            if not {'truncated', 'truncation-mark'} <= set(chosen):
                break
        jobs.append((f'mix-{n + 1:02d}', lang, [e for e in EDITS if e in chosen], family))
    for n in range(4):  # a whole agency page pasted: furniture of most kinds at once
        lang, family = [('ru', 'wmt'), ('ru', 'ntrex'), ('be', 'ntrex'), ('ru', 'wmt')][n]
        chosen = {'dateline', 'credit', 'stamp', 'end-marker'} | set(rng.sample(['note', 'lead-line', 'headline'], 1))
        jobs.append((f'wire-{n + 1}', lang, [e for e in EDITS if e in chosen], family))
    return jobs


def make_pair(source, edits, seed, ctx_sources, common):
    """Build and edit one pair; None when an edit does not apply to this document."""
    rng = random.Random(seed)
    pair = build_pair(source, rng)
    ctx = {'wire': Wire(rng), 'sources': ctx_sources, 'common': common, 'notes': []}
    for edit in edits:
        if not EDITS[edit](pair, rng, ctx):
            return None, None
    pair.edits = list(edits)
    return pair, ctx


def generate(shared, out, seed):
    """Generate every pair of the plan into `out` (replaced)."""
    sources = load_sources(shared)
    common = common_words(sources)
    rng = random.Random(f'realcopy-plan:{seed}')
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    used = set()
    for name, lang, edits, family in plan(rng):
        cands = sorted(k for k, s in sources.items() if s.lang == lang and k.startswith(family))
        rng.shuffle(cands)
        cands.sort(key=lambda k: (k, tuple(edits)) in used)  # prefer documents not used for these edits
        for ident in cands:
            pair, ctx = make_pair(sources[ident], edits, f'realcopy:{seed}:{name}:{ident}', sources, common)
            if pair:
                used.add((ident, tuple(edits)))
                write_pair(pair, out / f'{name}-{ident}', ctx)
                break
        else:
            sys.exit(f'make.py: no document fits {name}')
    return sorted(p.name for p in out.iterdir())


def default_shared():
    """../shared from the repository, or ../../shared from a worktree."""
    repo = HERE.parent.parent
    for cand in (repo.parent / 'shared', repo.parent.parent / 'shared'):
        if cand.is_dir():
            return cand
    return repo.parent / 'shared'


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--shared', type=Path, default=default_shared(), help='the shared data folder')
    ap.add_argument('--out', type=Path, default=HERE / 'synth', help='output folder (replaced)')
    ap.add_argument('--seed', type=int, default=DEFAULT_SEED)
    args = ap.parse_args()
    names = generate(args.shared, args.out, args.seed)
    print(f'{len(names)} pairs in {args.out}')


if __name__ == '__main__':
    main()
