"""pythainlp's newmm against nlpO3 (the same algorithm in Rust): same words? how much faster?

Decides which one lamphun_portal/lib/thai.words uses. Prints the figures; asserts nothing about time.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lamphun_portal.settings")

import django  # noqa: E402

django.setup()

from pythainlp.tokenize import word_tokenize  # noqa: E402

from lamphun_portal.lib import thai  # noqa: E402
from meetings.demo import data  # noqa: E402
from meetings.management.commands import seed_bench  # noqa: E402


def corpus() -> list[str]:
    texts = [data.SEED_POST]
    for meeting in [data.SEED_MEETING, *data.OTHER_MEETINGS]:
        texts += [meeting["title"], meeting.get("summary", ""), meeting.get("objective", "")]
        texts += [item["text"] for item in meeting.get("directives", [])]
    texts += seed_bench.TOPICS + seed_bench.ACTIONS + seed_bench.VILLAGES
    return [" ".join(text.split()) for text in texts if text.strip()]


def pythainlp_words(text: str) -> list[str]:
    return [word for word in word_tokenize(text, engine="newmm", keep_whitespace=False) if word.strip()]


def nlpo3_words(text: str) -> list[str]:
    return thai.words(text)


def median_ms(tokenize: object, texts: list[str], rounds: int = 7) -> float:
    times = []
    for _ in range(rounds):
        thai._tokenize_cached.cache_clear()
        started = time.perf_counter()
        for text in texts:
            tokenize(text)
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> None:
    texts = corpus()
    nlpo3_words(texts[0])  # load the dictionary once before timing
    same = sum(pythainlp_words(text) == nlpo3_words(text) for text in texts)
    slow, fast = median_ms(pythainlp_words, texts), median_ms(nlpo3_words, texts)
    chars = sum(len(text) for text in texts)
    print(f"texts: {len(texts)} ({chars:,} characters); identical words: {same}/{len(texts)}")
    print(f"pythainlp newmm: {slow:8.1f} ms   nlpO3 newmm: {fast:8.1f} ms   speed-up: {slow / fast:4.1f}x")


if __name__ == "__main__":
    main()
