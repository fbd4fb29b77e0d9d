# A line that only calls a command whose job is to show something shows its result in a script, as at the prompt.
seed 0
d = spurious n=20
head d 2
# expect: Dataset: 2 rows × 3 features (x1, x2, x3) → target y
# expect: x1       x2        x3        y
# expect: ───────  ───────  ────────  ───────
# expect: -2.4338  -0.8268  -11.7966  -2.1083
# expect: 0.8549  -0.4661   14.6762   3.3196
describe (select d [x1])
# expect: column  count     mean     std      min      25%      50%     75%     max  corr_y
# expect: ──────  ─────  ───────  ──────  ───────  ───────  ───────  ──────  ──────  ──────
# expect: x1         20  -0.0217  1.1439  -2.4338  -0.5074  -0.2096  0.5514  2.5571  0.4071
# expect: y          20   3.1324  2.1073  -2.1083   2.3337   3.4695  4.4232  6.8429       1
