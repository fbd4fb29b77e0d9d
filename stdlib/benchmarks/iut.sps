# InvarianceUnitTests' table (Aubin et al. 2021), quick mode: run from the repository's folder with
#   sps stdlib/benchmarks/iut.sps
# The protocol of stdlib/benchmarks/iut-lib.sps (IUT's main.py, sweep.py and collect_results.py) on a smaller
# sweep: 5 data seeds × 3 hyperparameter draws (the default and 2 random) × 5 algorithms × 6 examples, 1000
# full-batch steps on 1000 rows per environment (IUT: 50 × 20, 10000 steps, 10000 rows; see iut-full.sps).
# Every run is a `repeat` run: the table is the same on any number of cores.
load "stdlib/benchmarks/iut-lib.sps"
quick = iut_benchmark data_seeds=5 draws=3 steps=1000 n=1000
