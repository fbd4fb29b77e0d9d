# Bad input: type fit a number
# expect error: argument 'model' of fit must be a Model, got number 3

d = spurious n=10
fit 3 d
