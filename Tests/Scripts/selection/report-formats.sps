# report: mean ± standard error (DomainBed's: std with n in the denominator, over √n) per row × column × method.
results = repeat seeds=0..2 algorithm=["erm", "irm"] dataset=["a", "b"] {
  offset = 0
  if algorithm == "irm" { offset = 10 }
  record test=(seed + offset)
}
# expect: algorithm  a             b             Avg
# expect: ─────────  ────────────  ────────────  ─────
# expect: erm        1.00 ± 0.47   1.00 ± 0.47   1.00
# expect: irm        11.00 ± 0.47  11.00 ± 0.47  11.00
print (report results rows=algorithm cols=dataset)
# expect: | algorithm | a | b |
# expect: | --- | ---: | ---: |
# expect: | erm | 1.0 ± 0.5 | 1.0 ± 0.5 |
# expect: | irm | 11.0 ± 0.5 | 11.0 ± 0.5 |
print (report results rows=algorithm cols=dataset format="markdown" digits=1 average=false)
# expect: \begin{tabular}{lc}
# expect: \toprule
# expect: \textbf{algorithm} & \textbf{test} \\
# expect: \midrule
# expect: erm & 100 $\pm$ 33 \\
# expect: irm & 1100 $\pm$ 33 \\
# expect: \bottomrule
# expect: \end{tabular}
print (report results format="latex" digits=0 scale=100)
# expect error: report: say format="markdown", "latex" or "plot" for results.txt (or name it .md, .tex or .svg)
report results file="results.txt"
