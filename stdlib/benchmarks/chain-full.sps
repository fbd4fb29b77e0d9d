# The IRM paper's synthetic table (Arjovsky et al. 2019, section 5.1), the authors' full count: run from the
# repository's folder with
#   sps stdlib/benchmarks/chain-full.sps
# 200 repetitions of each of the 8 setups (the 1600 rows of the authors' synthetic_results.txt), each ERM, ICP and
# IRM (6 regs × 100000 Adam steps) on a new chain SEM (stdlib/benchmarks/chain-lib.sps). About 37 s of one core
# per run: some 8 hours on 2 cores. main.py's own default, 10 repetitions, is
#   sps -e 'load "stdlib/benchmarks/chain-lib.sps"' -e 'chain_table (chain_study reps=10)'
load "stdlib/benchmarks/chain-lib.sps"
full = chain_study reps=200
chain_table full
