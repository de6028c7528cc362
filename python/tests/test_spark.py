"""A real Spark run, the batch contract's map step: PySpark in local mode with two cores,
a manifest of 240 pairs in 4 partitions, through ``rdd.pipe("sverka batch")`` and through
the Python package inside ``mapPartitions``. Both must give what one ``sverka batch`` run
on one machine gives, line for line after sorting by id. Spark needs Java (Debian's
openjdk-17-jre-headless, installed by scripts/test) and reaches nothing beyond
127.0.0.1."""

import glob
import json
import os
import subprocess
import sys
import time

import pytest
import sverka
from conftest import ROOT
from manifest import manifest

PAIRS = 240
PARTITIONS = 4


@pytest.fixture(scope="module")
def spark():
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    if "JAVA_HOME" not in os.environ:
        found = sorted(glob.glob("/usr/lib/jvm/java-17-openjdk-*"))
        assert found, "Java 17 not found: install Debian's openjdk-17-jre-headless (scripts/test does)"
        os.environ["JAVA_HOME"] = found[0]
    from pyspark import SparkConf, SparkContext

    conf = (
        SparkConf()
        .setMaster("local[2]")
        .setAppName("sverka-batch-test")
        .set("spark.ui.enabled", "false")
        .set("spark.driver.host", "127.0.0.1")
        .set("spark.driver.bindAddress", "127.0.0.1")
        .set("spark.ui.showConsoleProgress", "false")
    )
    sc = SparkContext(conf=conf)
    sc.setLogLevel("ERROR")
    yield sc
    sc.stop()


def by_id(lines: list[str]) -> list[str]:
    return sorted(lines, key=lambda line: json.loads(line)["id"])


def test_spark_pipe_and_map_partitions_give_the_single_machine_batch(spark, sverka_bin):
    started = time.perf_counter()
    lines = manifest(PAIRS)
    assert len(lines) == PAIRS
    single = subprocess.run(
        [sverka_bin, "batch", "--emit", "text", "-"],
        input="".join(line + "\n" for line in lines),
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    ).stdout.splitlines()
    assert len(single) == PAIRS
    assert all(line.startswith('{"id":') and '"bitext":[' in line for line in single)
    want = by_id(single)
    assert len({json.loads(line)["id"] for line in want}) == PAIRS

    rdd = spark.parallelize(lines, PARTITIONS)
    assert rdd.getNumPartitions() == PARTITIONS
    assert min(rdd.glom().map(len).collect()) > 0, "every partition holds pairs"

    piped = rdd.pipe(f"{sverka_bin} batch --emit text -", checkCode=True).collect()
    assert len(piped) == PAIRS
    assert by_id(piped) == want

    # Runs in Spark's Python workers (a local function: Spark ships it by value), one
    # call per partition.
    def answer_partition(part):
        import sverka

        return sverka.batch(list(part), emit="text")

    mapped = rdd.mapPartitions(answer_partition).collect()
    assert len(mapped) == PAIRS
    assert by_id(mapped) == want

    assert sverka.batch(lines, emit="text") == single
    print(f"\nSpark run: {PAIRS} pairs, {PARTITIONS} partitions, local[2]: "
          f"{time.perf_counter() - started:.1f} s with the session already up")
