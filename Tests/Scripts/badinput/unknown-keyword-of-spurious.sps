# Bad input: unknown keyword of spurious
# expect error: unknown argument 'nosie' for spurious; did you mean 'noise'?

d = spurious n=20 nosie=1
