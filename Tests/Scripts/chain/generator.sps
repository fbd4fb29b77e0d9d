# The chain SEM's shapes, its causal solution, the scramble's orthogonality, and the environment scales' effect.
seed 0
sem = chain_sem 6
# expect: [6, 1] [1, 1, 1, 0, 0, 0]
print sem.solution.shape (map (range 6) { i -> sem.solution[i, 0] })
envs = chain_envs sem n=500
# expect: 3 [500, 6] [500, 1] [0.2, 2, 5]
print (len envs) envs[0].x.shape envs[0].y.shape (map envs { e -> e.env })
# x's spread grows with the environment's scale: its standard deviation is e·sqrt(2) (h and its own noise)
# expect: true true
print ((abs ((std envs[2].x[.., 0]) / 5 - sqrt 2)) < 0.2) ((abs ((std envs[0].x[.., 0]) / 0.2 - sqrt 2)) < 0.2)
# homoskedastic y: y - sum(x) is unit noise in every coordinate, so its variance is d = 3 in every environment
# expect: true true
r = map envs { e -> var (e.y[.., 0] - sum e.x[.., 0..<3] axis=1) }
print ((abs (r[0] - 3)) < 0.5) ((abs (r[2] - 3)) < 0.5)
# heteroskedastic: y's noise scales with the environment instead (variance d·e²)
het = chain_sem 6 hetero=true
hv = map (chain_envs het n=500) { e -> var (e.y[.., 0] - sum e.x[.., 0..<3] axis=1) }
# expect: true
print ((abs (hv[2] / 75 - 1)) < 0.25)
# scramble is orthogonal, and chain_errors maps a solution back through it: the true weights score zero
s = chain_sem 6 scramble=true
# expect: true
print ((max (abs (s.scramble @ s.scramble.T - eye 6))) < 1e-5)
back = chain_errors s (s.scramble.T @ s.solution)
# expect: true true
print (back.causal < 1e-10) (back.noncausal < 1e-10)
# and zeros score 1 on the causal half, 0 on the other
# expect: {causal: 1, noncausal: 0}
print (chain_errors sem (zeros 6 1))
# hidden: random confounding weights, the causal solution stays ones
p = chain_sem 6 hidden=true ones=false
# expect: true true
print ((max (abs p.why)) > 0) ((sum (abs (p.solution - (chain_sem 6).solution))) > 0)
# expect error: chain_sem: dim must be an even number >= 2, got 5
chain_sem 5
