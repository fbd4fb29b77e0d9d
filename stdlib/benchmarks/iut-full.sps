# InvarianceUnitTests' table (Aubin et al. 2021), the authors' full sweep: run from the repository's folder with
#   sps stdlib/benchmarks/iut-full.sps
# 50 data seeds × 20 hyperparameter draws (the default and 19 random) × 5 algorithms × 6 examples = 30000 models,
# each trained by 10000 full-batch steps on 10000 rows per environment and split, as IUT's reproduce_results.sh
# trains them (it needs a cluster: 30000 jobs). Here they are 300 runs of 100 models, trained together with
# fit_linear. The protocol is in stdlib/benchmarks/iut-lib.sps.
load "stdlib/benchmarks/iut-lib.sps"
full = iut_benchmark data_seeds=50 draws=20 steps=10000 n=10000
