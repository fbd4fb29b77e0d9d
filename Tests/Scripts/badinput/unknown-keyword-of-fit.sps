# Bad input: unknown keyword of fit

seed 0
d = spurious n=20
m = linear 3 1
# expect error: unknown argument 'epoch' for fit; did you mean 'epochs'?
fit m d epoch=3
