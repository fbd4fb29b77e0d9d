# ICP as the IRM paper's code runs it. On the fully observed, homoskedastic, unscrambled chain (FOU) the only
# invariant sets contain all of x's coordinates: the intersection of the accepted sets is x, and the estimate is
# least squares on x (close to ones), zeros on z.
seed 0
sem = chain_sem 6
envs = chain_envs sem
r = icp envs
# expect: [0, 1, 2]
print r.parents
# expect: true true
e = chain_errors sem r.solution
print (e.causal < 0.001) (e.noncausal == 0)
# every accepted subset contains the parents
# expect: [[0, 1, 2], [0, 1, 2, 3], [0, 1, 2, 4], [0, 1, 2, 5]]
print r.accepted
# least squares (ERM) instead leans on z, the effect of y
# expect: true
print ((chain_errors sem (erm_linear envs)).noncausal > 0.001)
# with one environment repeated three times every subset is invariant: all 63 are accepted, and their
# intersection is empty, so the estimate is zeros
same = [envs[0], envs[0], envs[0]]
s = icp same
# expect: 63 [] 0
print (len s.accepted) s.parents (sum (abs s.solution))
# alpha = 1 rejects every subset (a p-value is never above 1): zeros
# expect: 0 0
t = icp envs alpha=1
print (len t.accepted) (sum (abs t.solution))
# expect error: icp: needs at least 2 environments, got 1
icp [envs[0]]
