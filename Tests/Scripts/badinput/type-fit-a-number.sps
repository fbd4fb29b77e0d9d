# Bad input: type fit a number

d = spurious n=10
# expect error: argument 'model' of fit must be a Model, got number 3
fit 3 d
