# Bad input: unknown keyword of fit
# expect error: unknown argument 'epoch' for fit; did you mean 'epochs'?

seed 0
d = spurious n=20
m = linear 3 1
fit m d epoch=3
