# InvarianceUnitTests' table (Aubin et al. 2021), quick mode: run from the repository's folder with
#   sps stdlib/benchmarks/iut.sps
# The protocol of stdlib/benchmarks/iut-lib.sps (IUT's main.py, sweep.py and collect_results.py) on a smaller
# sweep: 10 data seeds × 20 hyperparameter draws (the default and 19 random) × 5 algorithms × 6 examples, 10000
# full-batch steps on 1000 rows per environment (IUT: 50 data seeds, 10000 rows; see iut-full.sps).
# A `repeat` run is one example and data seed (60 runs): the table is the same on any number of cores.
load "stdlib/benchmarks/iut-lib.sps"
quick = iut_benchmark data_seeds=10 draws=20 steps=10000 n=1000
