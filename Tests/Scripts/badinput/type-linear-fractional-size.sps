# Bad input: type linear fractional size
# expect error: argument 'inputs' of linear must be an integer, got number 2.5

m = linear 2.5 1
