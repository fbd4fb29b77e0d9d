# The IRM paper's synthetic table (Arjovsky et al. 2019, section 5.1), quick mode: run from the repository's folder with
#   sps stdlib/benchmarks/chain.sps
# One repetition of each of the 8 setups with the authors' full protocol (stdlib/benchmarks/chain-lib.sps): ERM,
# ICP and IRM (6 regs × 100000 Adam steps) on a new chain SEM, 3 environments × 1000 samples. A single repetition
# shows each method's regime (the spread needs more: chain-full.sps runs the authors' 200).
load "stdlib/benchmarks/chain-lib.sps"
quick = chain_study reps=1
chain_table quick
