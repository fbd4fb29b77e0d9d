# The IRM paper's synthetic table (Arjovsky, Bottou, Gulrajani, Lopez-Paz 2019, section 5.1 and its figure of
# causal and non-causal errors), as its code runs it (code/experiment_synthetic/main.py): for each repetition and
# each of the 8 setups a new chain SEM (stdlib/chain.sps: chain_sem, dim 10, ones), 1000 samples in each of the
# environments 0.2, 2 and 5, then ERM (least squares), ICP (alpha 0.05) and IRM (irm_linear: 100000 Adam steps per
# reg, regs 0 … 1e-1 chosen on the last environment), each scored by chain_errors. Setups: F/P fully or partially
# observed (hidden confounder), O/E homo- or heteroskedastic, U/S unscrambled or scrambled.
# Loaded by stdlib/benchmarks/chain.sps (quick) and chain-full.sps; docs/invariance-chain.md shows the table.

# the published numbers: mean and std (ddof 0) over the 200 repetitions of the authors' synthetic_results.txt
# (the data behind the paper's figure), per setup: [causal mean, causal std, non-causal mean, non-causal std]
def chain_published {
  return {
    FOU: {erm: [0.00909, 0.00139, 0.00898, 0.00102], icp: [0.02010, 0.13999, 0.00001, 0.00020], irm: [0.00287, 0.00256, 0.00241, 0.00251]},
    FOS: {erm: [0.00916, 0.00137, 0.00900, 0.00111], icp: [0.84627, 0.35895, 0.00112, 0.00276], irm: [0.00415, 0.00384, 0.00350, 0.00344]},
    FEU: {erm: [0.82076, 0.01378, 0.82071, 0.01109], icp: [1.00000, 0.00000, 0.80350, 0.32425], irm: [0.25646, 0.01769, 0.33333, 0.01568]},
    FES: {erm: [0.82283, 0.01326, 0.82215, 0.01057], icp: [0.98583, 0.04331, 0.10311, 0.27952], irm: [0.25724, 0.01646, 0.33276, 0.01527]},
    POU: {erm: [0.01895, 0.00874, 0.01790, 0.00699], icp: [0.97001, 0.17051, 0.00000, 0.00000], irm: [0.01517, 0.01190, 0.01417, 0.01053]},
    POS: {erm: [0.02034, 0.01054, 0.01815, 0.00872], icp: [1.00000, 0.00000, 0.00000, 0.00000], irm: [0.01897, 0.02002, 0.01592, 0.01670]},
    PEU: {erm: [0.77380, 0.04750, 0.77416, 0.03808], icp: [1.00000, 0.00000, 0.00000, 0.00000], irm: [0.21491, 0.02415, 0.33992, 0.01946]},
    PES: {erm: [0.77943, 0.05750, 0.77350, 0.04473], icp: [1.00000, 0.00000, 0.00000, 0.00000], irm: [0.22028, 0.02541, 0.34007, 0.01951]}
  }
}

# one repetition of one setup ("FOU" … "PES"): records the causal and non-causal errors of ERM, ICP and IRM
def chain_job setup iterations=100000 n=1000 dim=10 {
  sem = chain_sem dim hidden=(setup[0] == "P") hetero=(setup[1] == "E") scramble=(setup[2] == "S")
  envs = chain_envs sem n=n
  e = chain_errors sem (erm_linear envs)
  i = chain_errors sem (icp envs).solution
  r = chain_errors sem (irm_linear envs iterations=iterations).solution
  record erm_causal=e.causal erm_noncausal=e.noncausal icp_causal=i.causal icp_noncausal=i.noncausal irm_causal=r.causal irm_noncausal=r.noncausal
}

# the study: reps repetitions (seeds first, first + 1, …) × the 8 setups, as a repeat grid on all cores
def chain_study reps=10 first=0 iterations=100000 n=1000 setups=["FOU", "FOS", "FEU", "FES", "POU", "POS", "PEU", "PES"] {
  return repeat seeds=(range first (first + reps)) setup=setups {
    chain_job setup iterations=iterations n=n
  }
}

# "mean ± std" of a column of rows (std with ddof 0, as the paper's plot)
def chain_cell rows name {
  col = rows[name]
  sd = 0
  if len col > 1 { sd = std col ddof=0 }
  return format "%.5f ± %.5f" (mean col) sd
}

# prints the study as a Markdown table, each cell "ours (published)", and counts the cells within the published
# spread (|our mean − published mean| ≤ published std + our std / sqrt(reps) · 2, or both below 1e-3)
def chain_table t {
  pub = chain_published()
  print "| setup | method | causal error: ours | published | non-causal error: ours | published |"
  print "|---|---|---|---|---|---|"
  names = {erm: "ERM", icp: "ICP", irm: "IRM"}
  kinds = ["causal", "noncausal"]
  inside = 0
  cells = 0
  for setup in ["FOU", "FOS", "FEU", "FES", "POU", "POS", "PEU", "PES"] {
    rows = filter t setup=setup
    if len rows == 0 { continue }
    for method in ["erm", "icp", "irm"] {
      p = pub[setup][method]
      causal = chain_cell rows "{method}_causal"
      noncausal = chain_cell rows "{method}_noncausal"
      print (format "| %s | %s | %s | %.5f ± %.5f | %s | %.5f ± %.5f |" setup names[method] causal p[0] p[1] noncausal p[2] p[3])
      for j in [0, 1] {
        col = rows["{method}_{kinds[j]}"]
        m = mean col
        slack = 0
        if len col > 1 { slack = 2 * (std col ddof=0) / sqrt (len col) }
        cells = cells + 1
        if (abs (m - p[2 * j])) <= p[2 * j + 1] + slack or (m < 1e-3 and p[2 * j] < 1e-3) { inside = inside + 1 }
      }
    }
  }
  print ""
  print "{inside} of {cells} cells within the published spread ({len t} runs)"
  return inside
}
