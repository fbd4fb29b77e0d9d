"""Writes Tests/Scripts/chain/irm-matches-pytorch.sps: sps's irm_linear against PyTorch on the same data.

The IRM paper's linear solver (Arjovsky et al. 2019, code/experiment_synthetic/models.py, InvariantRiskMinimization),
written again here from its description: phi = eye(dim) as a torch Parameter, w = ones(dim, 1) requiring grad,
Adam(lr) on phi only, full-batch steps of reg * sum_e MSE_e + (1 - reg) * sum_e mean(grad(MSE_e, w)^2) over all
environments but the last, which chooses reg by its MSE. Run from the repository root with PyTorch:
    /work/venv-torch/bin/python benchmarks/chain/irm_reference.py
"""
import numpy as np
import torch

torch.set_num_threads(1)
rng = np.random.default_rng(7)
dim, d, n = 6, 3, 200
regs = [0.0, 1e-3, 1e-1]
iterations = 300


def sample(scale):
    # the chain SEM with a hidden confounder (hidden=1, hetero=0, ones=1, unscrambled)
    global whx, why, whz
    h = rng.normal(size=(n, d)) * scale
    x = h @ whx + rng.normal(size=(n, d)) * scale
    y = x + h @ why + rng.normal(size=(n, d))
    z = y + h @ whz + rng.normal(size=(n, d)) * scale
    return np.hstack([x, z]).astype(np.float32), y.sum(1, keepdims=True).astype(np.float32)


whx, why, whz = (rng.normal(size=(d, d)) / dim for _ in range(3))
envs = [sample(s) for s in [0.2, 2.0, 5.0]]
tenvs = [(torch.tensor(x), torch.tensor(y)) for x, y in envs]


def train(reg):
    phi = torch.nn.Parameter(torch.eye(dim))
    w = torch.ones(dim, 1, requires_grad=True)
    opt = torch.optim.Adam([phi], lr=1e-3)
    mse = torch.nn.MSELoss()
    for _ in range(iterations):
        error, penalty = 0, 0
        for x, y in tenvs[:-1]:
            e = mse(x @ phi @ w, y)
            penalty = penalty + torch.autograd.grad(e, w, create_graph=True)[0].pow(2).mean()
            error = error + e
        opt.zero_grad()
        (reg * error + (1 - reg) * penalty).backward()
        opt.step()
    return (phi @ w).detach()


solutions = [train(r) for r in regs]
xv, yv = tenvs[-1]
validation = [float((xv @ s - yv).pow(2).mean()) for s in solutions]
best = int(np.argmin(validation))


def literal(a):
    return "tensor [" + ", ".join("[" + ", ".join(repr(float(v)) for v in row) + "]" for row in a) + "]"


lines = [
    "# irm_linear against PyTorch on the same data: written by benchmarks/chain/irm_reference.py (do not edit).",
    f"# The chain SEM (dim {dim}, hidden confounder), {n} samples per environment, regs {regs}, {iterations} Adam steps.",
    "envs = []",
]
for x, y in envs:
    lines.append(f"envs = append envs {{x: {literal(x)}, y: {literal(y)}}}")
lines += [
    f"r = irm_linear envs regs={regs} iterations={iterations}",
    f"expected = {literal(solutions[best].numpy())}",
    f"validation = tensor [{', '.join(repr(v) for v in validation)}]",
    "# the same reg wins",
    "# expect: " + repr(regs[best]),
    "print r.reg",
    "# the same weights and validation errors, to Float32 rounding of different summation orders",
    "# expect: true",
    "print ((max (abs (r.solution - expected))) < 2e-4)",
    "# expect: true",
    "print ((max (abs (r.validation - validation) / validation)) < 1e-4)",
]
with open("Tests/Scripts/chain/irm-matches-pytorch.sps", "w") as f:
    f.write("\n".join(lines) + "\n")
print("reg", regs[best], "validation", validation)
print("solution", solutions[best].view(-1).tolist())
