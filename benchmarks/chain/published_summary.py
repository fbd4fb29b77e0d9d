"""The published numbers of the IRM paper's synthetic experiment, as chain_published in
stdlib/benchmarks/chain-lib.sps holds them.

The authors' code/experiment_synthetic/synthetic_results.txt (github.com/facebookresearch/InvariantRiskMinimization,
commit fc185d0) has one line per repetition, setup and method: the setup tag, the method, the weights, the causal
and the non-causal error; 200 repetitions of each of the 8 setups. Their plot.py draws, per setup and method, the
mean with an error bar of np.std (ddof 0); this prints those numbers. Usage:
    python3 benchmarks/chain/published_summary.py path/to/synthetic_results.txt
"""
import collections
import statistics
import sys


def title(tag):
    # plot.py's parse_title: P(artially observed) = hidden, E = heteroskedastic, S = scrambled
    fields = dict(kv.split("=") for kv in tag.split("_")[1:])
    return (("P" if fields["hidden"] == "1" else "F") + ("E" if fields["hetero"] == "1" else "O")
            + ("S" if fields["scramble"] == "1" else "U"))


errors = collections.defaultdict(list)
with open(sys.argv[1]) as f:
    for line in f:
        words = line.split()
        if words[1] != "SEM":
            errors[(title(words[0]), words[1])].append((float(words[-2]), float(words[-1])))

for setup in ["FOU", "FOS", "FEU", "FES", "POU", "POS", "PEU", "PES"]:
    cells = []
    for method in ["ERM", "ICP", "IRM"]:
        rows = errors[(setup, method)]
        causal, noncausal = [r[0] for r in rows], [r[1] for r in rows]
        cells.append("%s: [%.5f, %.5f, %.5f, %.5f] (%d reps)" % (
            method.lower(), statistics.mean(causal), statistics.pstdev(causal),
            statistics.mean(noncausal), statistics.pstdev(noncausal), len(rows)))
    print(setup, "  ".join(cells))
