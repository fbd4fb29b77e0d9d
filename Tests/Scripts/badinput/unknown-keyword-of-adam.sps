# Bad input: unknown keyword of adam
# expect error: unknown argument 'beta' for adam; did you mean 'beta1'?

o = adam lr=0.01 beta=0.9
