# One training run of the case study (linear, the loss written in sps): 30 epochs of
# 157 steps (5000 rows, batch 32). run.sh times it beside its twin to find the per-step cost of the objective.
seed 0
train = spurious n=5000
m = linear 3 1
fit m train epochs=30 batch=32 optim=(adam lr=1e-3) sched=(steplr every=10 gamma=0.5) loss={ m b -> mean ((m b.x - b.y) ** 2) }
print (rmse m train)
